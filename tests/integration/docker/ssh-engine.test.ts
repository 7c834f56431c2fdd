import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ContainerStats, LogLine } from '../../../shared/model/container';
import type { EngineStatus } from '../../../shared/model/engine';
import type { EngineEvent } from '../../../electron/services/docker/container-engine';
import { DockerodeEngine } from '../../../electron/services/docker/dockerode/dockerode-engine';
import { EngineService } from '../../../electron/services/docker/engine-service';
import { silentLogger, systemClock } from '../../../electron/services/ports';
import { Settings } from '../../../electron/services/settings/settings';
import { TEST_IMAGE, docker, eventually, testDockerHost } from '../../helpers/docker-engine';
import { RecordingEventSink, RecordingLogger } from '../../helpers/recording';
import { configVariant, sshChildren, startSshd, stopSshd, type TestSshd } from '../../helpers/sshd';
import { freePort } from '../../helpers/free-port';

/** The endpoint every test uses: the alias of the client config sshd.sh wrote, as a user's ~/.ssh/config would have it. */
const ENDPOINT = 'ssh://lightdock-test';
const prefix = `ld-ssh-${process.pid}`;
const names = { ticker: `${prefix}-ticker`, shell: `${prefix}-shell`, born: `${prefix}-born` };

let root: string;
let sshd: TestSshd;
let noDocker: TestSshd;
const engines: DockerodeEngine[] = [];

/** The environment ssh runs with: no agent (SSH_AUTH_SOCK unset), the test's ssh config as LIGHTDOCK_SSH_CONFIG. */
function sshEnv(config: string): NodeJS.ProcessEnv {
  return { PATH: process.env['PATH'], HOME: root, DOCKER_HOST: ENDPOINT, LIGHTDOCK_SSH_CONFIG: config };
}

/** A DockerodeEngine over ssh with `config`, closed after the test. */
function sshEngine(config: string, logger = new RecordingLogger()): DockerodeEngine {
  const engine = new DockerodeEngine({ endpoint: { host: ENDPOINT, context: null, source: 'DOCKER_HOST', tls: null }, env: sshEnv(config), platform: 'linux', logger });
  engines.push(engine);
  return engine;
}

/** The sentence a ping fails with. */
async function pingFailure(engine: DockerodeEngine): Promise<{ code: string; message: string }> {
  try {
    await engine.ping(3_000);
  } catch (error) {
    return { code: (error as { code: string }).code, message: (error as Error).message };
  }
  throw new Error('the ping answered');
}

beforeAll(async () => {
  const dockerHost = testDockerHost();
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'ld-ssh-'));
  sshd = await startSshd(path.join(root, 'sshd'), dockerHost);
  noDocker = await startSshd(path.join(root, 'sshd-no-docker'), dockerHost, { noDocker: true });
  await docker('rm', '-f', ...Object.values(names)).catch(() => undefined);
  await docker('run', '-d', '--network', 'none', '--name', names.ticker, TEST_IMAGE, 'sh', '-c', 'i=0; while :; do echo tick $i; i=$((i+1)); sleep 0.1; done');
  await docker('run', '-d', '--network', 'none', '--name', names.shell, TEST_IMAGE, 'sleep', '3600');
}, 90_000);

afterEach(() => {
  for (const engine of engines.splice(0)) engine.close();
});

afterAll(async () => {
  for (const engine of engines.splice(0)) engine.close();
  await docker('rm', '-f', ...Object.values(names)).catch(() => undefined);
  await stopSshd(path.join(root, 'sshd')).catch(() => undefined);
  await stopSshd(path.join(root, 'sshd-no-docker')).catch(() => undefined);
  fs.rmSync(root, { recursive: true, force: true, maxRetries: 3 });
}, 60_000);

describe('an ssh:// engine through the user\'s own ssh and docker system dial-stdio (no agent)', () => {
  it('pings, lists and inspects through the logged ssh command, reusing its connection', async () => {
    const logger = new RecordingLogger();
    const engine = sshEngine(sshd.config, logger);
    const identity = await engine.ping(3_000);
    expect(identity.serverVersion).toMatch(/^\d+\.\d+/);
    const listed = await engine.listContainers();
    expect(listed.map((c) => c.name)).toEqual(expect.arrayContaining([names.ticker, names.shell]));
    await engine.listContainers();
    const spawnedFirst = logger.lines.filter((line) => line.message.startsWith('Running ssh ')).length;
    const detail = await engine.inspectContainer(names.shell);
    expect(detail.name).toBe(names.shell);
    expect(detail.state).toBe('running');
    const spawned = logger.lines.filter((line) => line.message.startsWith('Running ssh '));
    expect(spawned.length).toBeGreaterThanOrEqual(1);
    expect(spawned[0]?.message).toBe(`Running ssh -F ${sshd.config} -o BatchMode=yes -o ConnectTimeout=10 -T -- lightdock-test docker system dial-stdio`);
    // Keep-alive: the ping and the lists one after the other reuse the first connection rather than starting an ssh each.
    expect(spawnedFirst).toBe(1);
  });

  it('follows logs, streams stats and events at the same time', async () => {
    const engine = sshEngine(sshd.config);
    const lines: LogLine[] = [];
    const logs = await engine.followLogs(names.ticker, { tail: 5, timestamps: false }, (batch) => lines.push(...batch), () => undefined);
    const samples: ContainerStats[] = [];
    const stats = engine.streamStats(names.ticker, (sample) => samples.push(sample), () => undefined);
    const events: EngineEvent[] = [];
    const watching = engine.events(null, (event) => events.push(event), () => undefined);
    try {
      await eventually(() => expect(lines.filter((line) => /^tick \d+$/.test(line.text)).length).toBeGreaterThan(8), 15_000);
      expect(logs.tty).toBe(false);
      await eventually(() => expect(samples.length).toBeGreaterThanOrEqual(1), 15_000);
      expect(samples[0]?.memoryUsedBytes).toBeGreaterThan(0);
      // Events arrive once the stream is open: start a container until its start is seen.
      const born = (await docker('run', '-d', '--network', 'none', '--name', names.born, TEST_IMAGE, 'true')).trim();
      await eventually(() => expect(events.some((event) => event.id === born && event.action === 'start')).toBe(true), 15_000);
    } finally {
      logs.stop();
      stats.stop();
      watching.stop();
    }
  });

  it('opens a terminal (a hijacked TTY exec): typing, resizing and the exit code travel over ssh', async () => {
    const engine = sshEngine(sshd.config);
    let output = '';
    let exitCode: number | null | undefined;
    const exec = await engine.openExec(names.shell, { cols: 80, rows: 24 }, (data) => (output += data), (code) => (exitCode = code));
    exec.write("echo hel''lo\r");
    await eventually(() => expect(output).toMatch(/\r\nhello\r\n/), 10_000);
    await exec.resize(100, 30);
    exec.write('stty size\r');
    await eventually(() => expect(output).toContain('30 100'), 10_000);
    exec.write('exit 3\r');
    await eventually(() => expect(exitCode).toBe(3), 10_000);
  });

  it('leaves no ssh child behind after close(), whatever was open (a stream, a terminal, idle pooled connections)', async () => {
    const engine = sshEngine(sshd.config);
    await engine.listContainers();
    const stats = engine.streamStats(names.ticker, () => undefined, () => undefined);
    const exec = await engine.openExec(names.shell, { cols: 80, rows: 24 }, () => undefined, () => undefined);
    await eventually(() => expect(sshChildren().length).toBeGreaterThanOrEqual(3), 10_000);
    engine.close();
    await eventually(() => expect(sshChildren()).toEqual([]), 10_000);
    stats.stop();
    exec.close();
  });
});

describe('ssh:// failures, each with its own sentence and never "not running"', () => {
  it('refuses a changed host key (another key for that host in known_hosts)', async () => {
    const wrong = path.join(root, 'known_hosts.wrong');
    const other = fs.readFileSync(path.join(noDocker.dir, 'host_key.pub'), 'utf8').split(' ').slice(0, 2).join(' ');
    fs.writeFileSync(wrong, `[127.0.0.1]:${sshd.port} ${other}\n`);
    const failure = await pingFailure(sshEngine(configVariant(sshd, 'changed', 'UserKnownHostsFile', wrong)));
    expect(failure.code).toBe('UNAVAILABLE');
    expect(failure.message).toMatch(/^The host key of lightdock-test has changed since it was saved in known_hosts .*ssh-keygen -R lightdock-test/);
  });

  it('refuses an unknown host key (empty known_hosts) and says to connect once to accept it', async () => {
    const empty = path.join(root, 'known_hosts.empty');
    fs.writeFileSync(empty, '');
    const failure = await pingFailure(sshEngine(configVariant(sshd, 'unknown', 'UserKnownHostsFile', empty)));
    expect(failure).toEqual({
      code: 'UNAVAILABLE',
      message: 'The host key of lightdock-test is not known; connect once with "ssh lightdock-test" to accept it, or add it to known_hosts.',
    });
  });

  it('reports a refused login when no key is offered', async () => {
    const failure = await pingFailure(sshEngine(configVariant(sshd, 'nokey', 'IdentityFile', path.join(root, 'no-such-key'))));
    expect(failure.message).toMatch(/^lightdock-test refused the ssh login; add your public key to the remote authorized_keys/);
  });

  it('reports an unreachable host (a port where nothing listens)', async () => {
    const failure = await pingFailure(sshEngine(configVariant(sshd, 'closed', 'Port', String(await freePort()))));
    expect(failure.message).toBe('Could not reach lightdock-test over ssh: the connection was refused; check the host name, port and network, then try "ssh lightdock-test".');
  });

  it('reports docker missing on the remote host', async () => {
    const failure = await pingFailure(sshEngine(noDocker.config));
    expect(failure.message).toBe(
      'The docker command was not found on lightdock-test; install the Docker CLI there, or put it on the PATH of non-interactive ssh sessions.',
    );
  });

  it('says so when ssh itself is not installed', async () => {
    const engine = new DockerodeEngine({
      endpoint: { host: ENDPOINT, context: null, source: 'DOCKER_HOST', tls: null },
      env: { ...sshEnv(sshd.config), PATH: path.join(root, 'no-bin') },
      platform: 'linux',
      logger: new RecordingLogger(),
    });
    engines.push(engine);
    expect(await pingFailure(engine)).toEqual({ code: 'UNAVAILABLE', message: 'The ssh command was not found; install the OpenSSH client to reach ssh:// engines.' });
  });

  it('shows the sentence in the engine status, and no ssh child is left', async () => {
    const empty = path.join(root, 'known_hosts.status');
    fs.writeFileSync(empty, '');
    const service = new EngineService({
      env: { ...sshEnv(configVariant(sshd, 'status', 'UserKnownHostsFile', empty)), LIGHTDOCK_ENGINE: 'docker' },
      platform: process.platform,
      homeDir: root,
      dataDir: path.join(root, 'lightdock-status'),
      settings: Settings.parse({}),
      clock: systemClock,
      logger: silentLogger,
      events: new RecordingEventSink(),
    });
    try {
      const status = await service.status();
      expect(status.state).toBe('unreachable');
      expect(status.endpoint).toBe(ENDPOINT);
      expect(status.message).toBe('The host key of lightdock-test is not known; connect once with "ssh lightdock-test" to accept it, or add it to known_hosts.');
    } finally {
      service.dispose();
    }
    await eventually(() => expect(sshChildren()).toEqual([]), 10_000);
  });
});

describe('a lost ssh connection', () => {
  it('ends the event stream, goes reconnecting and comes back connected through a new ssh', async () => {
    const sink = new RecordingEventSink();
    const service = new EngineService({
      env: { ...sshEnv(sshd.config), LIGHTDOCK_ENGINE: 'docker' },
      platform: process.platform,
      homeDir: root,
      dataDir: path.join(root, 'lightdock-reconnect'),
      settings: Settings.parse({}),
      clock: systemClock,
      logger: silentLogger,
      events: sink,
    });
    const states = (): EngineStatus['state'][] => sink.events.filter((e) => e.channel === 'engine:status-changed').map((e) => (e.payload as EngineStatus).state);
    try {
      service.watch();
      await eventually(() => expect(states()).toEqual(['connected']), 15_000);
      const before = sshChildren();
      expect(before.length).toBeGreaterThanOrEqual(1);
      // The connection is lost: the ssh processes this test's engine started end (killed by their pids).
      for (const pid of before) process.kill(pid, 'SIGTERM');
      await eventually(() => expect(states()).toContain('reconnecting'), 15_000);
      await eventually(() => expect(states().at(-1)).toBe('connected'), 15_000);
      expect(sshChildren().some((pid) => !before.includes(pid))).toBe(true);
    } finally {
      service.dispose();
    }
    await eventually(() => expect(sshChildren()).toEqual([]), 10_000);
  });
});
