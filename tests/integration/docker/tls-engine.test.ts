import { execFile } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import tls from 'node:tls';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ContainerStats, LogLine } from '../../../shared/model/container';
import type { EngineEvent } from '../../../electron/services/docker/container-engine';
import { EngineService } from '../../../electron/services/docker/engine-service';
import { silentLogger, systemClock } from '../../../electron/services/ports';
import { Settings } from '../../../electron/services/settings/settings';
import { dockerAt, eventually, TEST_IMAGE } from '../../helpers/docker-engine';
import { RecordingEventSink } from '../../helpers/recording';
import { makeTempDir } from '../../helpers/temp-dir';
import { startTlsEngine, stopTlsEngine, type TlsEngine } from '../../helpers/tls-engine';

const run = Math.random().toString(36).slice(2, 8);
const label = `lightdock.test.run=${run}`;
const names = { ticker: `ld-tls-${run}-ticker`, shell: `ld-tls-${run}-shell` };
const CONTEXT = 'tls-remote';

let temp: ReturnType<typeof makeTempDir>;
let engine: TlsEngine;
let configDir: string;
const services: EngineService[] = [];
const servers: Array<http.Server | tls.Server> = [];

function service(env: NodeJS.ProcessEnv): EngineService {
  const created = new EngineService({
    env: { LIGHTDOCK_ENGINE: 'docker', ...env },
    platform: process.platform,
    homeDir: temp.dir,
    dataDir: path.join(temp.dir, 'data'),
    settings: Settings.parse({}),
    clock: systemClock,
    logger: silentLogger,
    events: new RecordingEventSink(),
  });
  services.push(created);
  return created;
}

/** The environment a user sets for a TLS engine: DOCKER_HOST, DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH. */
const viaEnv = (certPath: string, host = engine.host): NodeJS.ProcessEnv => ({ DOCKER_HOST: host, DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: certPath });

/** The real docker CLI with DOCKER_CONFIG set (for `docker context create`, which writes meta.json and the TLS files). */
function dockerCli(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  const cli = fs.existsSync('/usr/local/bin/docker') ? '/usr/local/bin/docker' : 'docker';
  return new Promise((resolve, reject) => {
    execFile(cli, args, { env: { PATH: process.env['PATH'], HOME: temp.dir, ...env }, timeout: 30_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`docker ${args.join(' ')} failed: ${stderr.trim() || error.message}`));
      else resolve(stdout);
    });
  });
}

/** A folder like `certs` with some files left out. */
function certsWithout(from: string, name: string, leave: string[]): string {
  const dir = path.join(temp.dir, name);
  fs.mkdirSync(dir, { recursive: true });
  for (const file of ['ca.pem', 'cert.pem', 'key.pem']) if (!leave.includes(file)) fs.copyFileSync(path.join(from, file), path.join(dir, file));
  return dir;
}

async function listen<T extends http.Server | tls.Server>(server: T): Promise<number> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

beforeAll(async () => {
  temp = makeTempDir('lightdock-tls-');
  engine = await startTlsEngine(path.join(temp.dir, 'tls-dockerd'));
  await Promise.all([
    dockerAt(engine.unixHost, ['run', '-d', '--network', 'none', '--label', label, '--name', names.ticker, TEST_IMAGE, 'sh', '-c', 'i=0; while :; do echo tick $i; i=$((i+1)); sleep 0.1; done']),
    dockerAt(engine.unixHost, ['run', '-d', '--network', 'none', '--label', label, '--name', names.shell, TEST_IMAGE, 'sleep', '3600']),
  ]);
  configDir = path.join(temp.dir, 'docker-config');
  const certs = engine.clientCerts;
  await dockerCli(
    ['context', 'create', CONTEXT, '--description', 'TLS test engine', '--docker', `host=${engine.host},ca=${certs}/ca.pem,cert=${certs}/cert.pem,key=${certs}/key.pem`],
    { DOCKER_CONFIG: configDir },
  );
}, 180_000);

afterEach(() => {
  for (const created of services.splice(0)) created.dispose();
});

afterAll(async () => {
  for (const server of servers.splice(0)) server.close();
  if (engine !== undefined) {
    await dockerAt(engine.unixHost, ['rm', '-f', names.ticker, names.shell]).catch(() => undefined);
    await stopTlsEngine(path.join(temp.dir, 'tls-dockerd'));
  }
  temp.cleanup();
}, 120_000);

describe.each([
  { through: 'DOCKER_HOST + DOCKER_TLS_VERIFY + DOCKER_CERT_PATH', env: (): NodeJS.ProcessEnv => viaEnv(engine.clientCerts), context: null },
  { through: 'a Docker context made by `docker context create`', env: (): NodeJS.ProcessEnv => ({ DOCKER_CONFIG: configDir, DOCKER_CONTEXT: CONTEXT }), context: CONTEXT },
])('a --tlsverify dockerd through $through', ({ env, context }) => {
  it('answers the status, lists and inspects containers', async () => {
    const docker = service(env());
    const serverVersion = (await dockerAt(engine.unixHost, ['version', '--format', '{{.Server.Version}}'])).trim();
    expect(await docker.status()).toMatchObject({ kind: 'docker', state: 'connected', endpoint: engine.host, context, serverVersion, message: null });
    const listed = await docker.list();
    expect(listed.find((c) => c.name === names.ticker)).toMatchObject({ state: 'running', image: TEST_IMAGE });
    const detail = await docker.inspect(names.shell);
    expect(detail).toMatchObject({ name: names.shell, state: 'running' });
  });

  it('follows logs, streams stats and engine events', async () => {
    const real = await service(env()).current();
    const lines: LogLine[] = [];
    const logs = await real.followLogs(names.ticker, { tail: 3, timestamps: false }, (batch) => lines.push(...batch), () => undefined);
    const samples: ContainerStats[] = [];
    const stats = real.streamStats(names.shell, (sample) => samples.push(sample), () => undefined);
    const events: EngineEvent[] = [];
    const feed = real.events(null, (event) => events.push(event), () => undefined);
    try {
      const before = lines.length;
      await eventually(() => expect(lines.length).toBeGreaterThan(before + 5), 10_000);
      expect(logs.tty).toBe(false);
      expect(lines.at(-1)).toMatchObject({ stream: 'stdout', text: expect.stringMatching(/^tick \d+$/) });
      await eventually(() => expect(samples.length).toBeGreaterThanOrEqual(1), 15_000);
      expect(samples[0]).toMatchObject({ name: names.shell });
      const id = (await dockerAt(engine.unixHost, ['create', '--network', 'none', '--label', label, TEST_IMAGE, 'true'])).trim();
      await eventually(() => expect(events.some((event) => event.id === id && event.action === 'create')).toBe(true), 10_000);
      await dockerAt(engine.unixHost, ['rm', id]);
    } finally {
      logs.stop();
      stats.stop();
      feed.stop();
    }
  });

  it('opens a terminal (a TTY exec), resizes it and reports its exit code', async () => {
    const real = await service(env()).current();
    let output = '';
    let exitCode: number | null | undefined;
    const terminal = await real.openExec(names.shell, { cols: 80, rows: 24 }, (data) => (output += data), (code) => (exitCode = code));
    terminal.write("echo over-t''ls\r");
    await eventually(() => expect(output).toMatch(/\r\nover-tls\r\n/));
    await terminal.resize(100, 30);
    terminal.write('stty size\r');
    await eventually(() => expect(output).toContain('30 100'));
    terminal.write('exit 4\r');
    await eventually(() => expect(exitCode).toBe(4));
  });
});

describe('a context with skip-tls-verify', () => {
  it('connects with its client certificate although its CA did not sign the engine certificate, as the docker CLI does', async () => {
    const skipConfig = path.join(temp.dir, 'docker-config-skip');
    const certs = engine.clientCerts;
    await dockerCli(
      ['context', 'create', 'tls-skip', '--docker', `host=${engine.host},ca=${engine.wrongCaCerts}/ca.pem,cert=${certs}/cert.pem,key=${certs}/key.pem,skip-tls-verify=true`],
      { DOCKER_CONFIG: skipConfig },
    );
    const docker = service({ DOCKER_CONFIG: skipConfig, DOCKER_CONTEXT: 'tls-skip' });
    expect(await docker.status()).toMatchObject({ state: 'connected', endpoint: engine.host, context: 'tls-skip' });
    expect((await docker.list()).map((c) => c.name)).toContain(names.shell);
  });
});

describe('a --tlsverify dockerd refusing what it should, each with its own sentence', () => {
  it('a wrong CA: the engine certificate is not trusted, for status and for a call', async () => {
    const docker = service(viaEnv(engine.wrongCaCerts));
    const message = `The Docker engine at ${engine.host} presented a TLS certificate that the CA certificate given (ca.pem) does not trust (UNABLE_TO_VERIFY_LEAF_SIGNATURE); use the CA that signed the engine's certificate.`;
    expect(await docker.status()).toMatchObject({ state: 'unreachable', endpoint: engine.host, message });
    await expect(docker.list()).rejects.toMatchObject({ code: 'UNAVAILABLE', message });
  });

  it('no client certificate, or one the engine CA did not sign: refused in the handshake', async () => {
    for (const certPath of [engine.caOnlyCerts, certsWithout(engine.wrongCaCerts, 'foreign-client', ['ca.pem'])]) {
      if (certPath !== engine.caOnlyCerts) fs.copyFileSync(path.join(engine.clientCerts, 'ca.pem'), path.join(certPath, 'ca.pem'));
      const status = await service(viaEnv(certPath)).status();
      expect(status).toMatchObject({ state: 'unreachable', endpoint: engine.host });
      expect(status.message).toMatch(
        new RegExp(`^The Docker engine at ${engine.host} wants a TLS client certificate signed by its CA and refused the one given, or its absence \\(remote error: (bad certificate|certificate required)\\)`),
      );
    }
  });

  it('a missing certificate file or an unreadable CA: refused before connecting, naming the file', async () => {
    const noCert = certsWithout(engine.clientCerts, 'no-cert', ['cert.pem']);
    expect((await service(viaEnv(noCert)).status()).message).toBe(
      `Could not read the TLS client certificate ${noCert}/cert.pem: no such file, and the client key ${noCert}/key.pem needs it.`,
    );
    const noCa = certsWithout(engine.clientCerts, 'no-ca', ['ca.pem']);
    expect((await service(viaEnv(noCa)).status()).message).toBe(
      `Could not read the TLS CA certificate ${noCa}/ca.pem: no such file; DOCKER_TLS_VERIFY needs DOCKER_CERT_PATH to hold ca.pem, cert.pem and key.pem.`,
    );
    const contextTls = fs.readdirSync(path.join(configDir, 'contexts', 'tls'))[0] ?? '';
    const contextCa = path.join(configDir, 'contexts', 'tls', contextTls, 'docker', 'ca.pem');
    const copy = path.join(temp.dir, 'ca-copy.pem');
    fs.renameSync(contextCa, copy);
    fs.mkdirSync(contextCa);
    try {
      const status = await service({ DOCKER_CONFIG: configDir, DOCKER_CONTEXT: CONTEXT }).status();
      expect(status).toMatchObject({ state: 'unreachable', message: `Could not read the TLS CA certificate ${contextCa}: it is a directory.` });
    } finally {
      fs.rmdirSync(contextCa);
      fs.renameSync(copy, contextCa);
    }
  });

  it('plain HTTP to the TLS port, TLS to a plain HTTP port, and a certificate for another host name', async () => {
    expect((await service({ DOCKER_HOST: engine.host }).status()).message).toBe(
      `The Docker engine at ${engine.host} requires TLS; set DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH to the folder with ca.pem, cert.pem and key.pem, or use a context with TLS files.`,
    );
    const plainPort = await listen(http.createServer((_request, response) => response.end('{}')));
    const plainHost = `tcp://127.0.0.1:${plainPort}`;
    expect((await service(viaEnv(engine.clientCerts, plainHost)).status()).message).toBe(
      `The Docker engine at ${plainHost} does not speak TLS on that port; use its TLS port, or unset DOCKER_TLS_VERIFY and DOCKER_CERT_PATH (a context: remove its TLS files).`,
    );
    const other = engine.otherNameCerts;
    const otherServer = tls.createServer({ cert: fs.readFileSync(path.join(other, 'cert.pem')), key: fs.readFileSync(path.join(other, 'key.pem')) }, (socket) => {
      socket.on('error', () => undefined);
      socket.end();
    });
    otherServer.on('tlsClientError', () => undefined);
    const otherHost = `tcp://127.0.0.1:${await listen(otherServer)}`;
    expect((await service(viaEnv(engine.clientCerts, otherHost)).status()).message).toBe(
      `The TLS certificate of the Docker engine at ${otherHost} is not issued for 127.0.0.1; connect with a host name the certificate lists, or reissue it with that name.`,
    );
  });
});
