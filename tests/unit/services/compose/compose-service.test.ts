import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ContainerSummary } from '../../../../shared/model/container';
import type { ActionDeps } from '../../../../electron/services/action-deps';
import { ComposeService, RETRY_DETECT_MS } from '../../../../electron/services/compose/compose-service';
import type { ContainerEngine } from '../../../../electron/services/docker/container-engine';
import type { EngineService } from '../../../../electron/services/docker/engine-service';
import { JobService } from '../../../../electron/services/jobs/job-service';
import { systemClock } from '../../../../electron/services/ports';
import { eventually } from '../../../helpers/docker-engine';
import { ManualClock, RecordingEventSink, RecordingLogger } from '../../../helpers/recording';
import { rejection } from '../../../helpers/service-error';
import { makeTempDir } from '../../../helpers/temp-dir';
import { fakePath, writeScript } from './fake-bin';

const ENDPOINT = 'unix:///tmp/lightdock-fake/docker.sock';

let temp: ReturnType<typeof makeTempDir>;
let bin: string;
let calls: string;
let projectDir: string;
let composeFile: string;
let containers: ContainerSummary[];
let engine: { kind: 'docker'; endpoint: string; context: string | null; listContainers: () => Promise<ContainerSummary[]> };
let jobs: JobService;
let service: ComposeService;
let logger: RecordingLogger;

function container(name: string, labels: Record<string, string>): ContainerSummary {
  return {
    id: Buffer.from(name).toString('hex').padEnd(64, '0').slice(0, 64),
    name,
    image: 'busybox',
    imageId: 'sha256:1',
    command: 'sh',
    state: 'running',
    status: 'Up',
    created: 1,
    ports: [],
    composeProject: labels['com.docker.compose.project'] ?? null,
    composeService: labels['com.docker.compose.service'] ?? null,
    labels,
    networks: [],
    mounts: [],
  };
}

/** A docker-compose that records its argv, folder, DOCKER_HOST and pid, and behaves by action. */
const FAKE_COMPOSE = (log: string): string => `
echo "argv=$*|cwd=$(pwd)|host=\${DOCKER_HOST-unset}|pid=$$" >> '${log}'
case "$*" in
  "version --short") echo 1.29.2 ;;
  *" up -d") echo "Creating shop_web_1 ... done"; echo "Network shop_default created" >&2 ;;
  *" pull") echo "Pulling web ..." >&2; printf '\\033[31mERROR: pull access denied for nothing\\033[0m\\n' >&2; exit 18 ;;
  *" logs -f --no-color --tail 200") trap 'exit 0' TERM; echo "web_1  | hello"; while :; do sleep 0.1; done ;;
  *) echo "done" ;;
esac`;

function make(env: NodeJS.ProcessEnv = { PATH: fakePath(bin) }): void {
  logger = new RecordingLogger();
  jobs = new JobService({ events: new RecordingEventSink(), clock: systemClock, logger, pushMs: 1 });
  const engineService = { current: async () => engine as unknown as ContainerEngine } as unknown as EngineService;
  const deps: ActionDeps = { engine: engineService, jobs, env, platform: 'linux', homeDir: temp.dir, dataDir: path.join(temp.dir, 'data'), clock: systemClock, logger };
  service = new ComposeService(deps);
}

const runs = (): string[] => (fs.existsSync(calls) ? fs.readFileSync(calls, 'utf8').trim().split('\n').filter((line) => !line.startsWith('argv=version')) : []);

beforeEach(() => {
  temp = makeTempDir();
  bin = path.join(temp.dir, 'bin');
  fs.mkdirSync(bin);
  fs.mkdirSync(path.join(temp.dir, 'data'));
  calls = path.join(temp.dir, 'calls.txt');
  projectDir = path.join(temp.dir, 'shop');
  fs.mkdirSync(projectDir);
  composeFile = path.join(projectDir, 'docker-compose.yml');
  fs.writeFileSync(composeFile, 'services: {web: {image: busybox}}\n');
  writeScript(bin, 'docker-compose', FAKE_COMPOSE(calls));
  containers = [
    container('shop_web_1', {
      'com.docker.compose.project': 'shop',
      'com.docker.compose.service': 'web',
      'com.docker.compose.project.working_dir': projectDir,
      'com.docker.compose.project.config_files': 'docker-compose.yml',
    }),
    container('gone_web_1', {
      'com.docker.compose.project': 'gone',
      'com.docker.compose.project.working_dir': path.join(temp.dir, 'nowhere'),
      'com.docker.compose.project.config_files': 'compose.yaml',
    }),
  ];
  engine = { kind: 'docker', endpoint: ENDPOINT, context: null, listContainers: async () => containers };
  make();
});

afterEach(() => {
  service.dispose();
  jobs.dispose();
  temp.cleanup();
});

describe('ComposeService with a fake docker-compose', () => {
  it('lists projects with absolute config files, actionable only where their folder and files exist here', async () => {
    expect(await service.projects()).toEqual([
      {
        name: 'gone',
        workingDir: path.join(temp.dir, 'nowhere'),
        configFiles: [path.join(temp.dir, 'nowhere', 'compose.yaml')],
        services: [],
        containers: 1,
        running: 1,
        actionable: false,
        reason: `Its folder ${path.join(temp.dir, 'nowhere')} is not on this machine.`,
      },
      { name: 'shop', workingDir: projectDir, configFiles: [composeFile], services: ['web'], containers: 1, running: 1, actionable: true, reason: null },
    ]);
  });

  it('runs up with an argument array in the project folder, DOCKER_HOST at the engine, and streams stdout and stderr', async () => {
    const started = await service.act('shop', 'up');
    expect(started).toMatchObject({ kind: 'compose', target: 'shop', title: 'Compose up shop', state: 'running' });
    const ended = await jobs.wait(started.id);
    expect(ended.state).toBe('succeeded');
    expect(ended.message).toBe('shop is up.');
    expect(jobs.get(started.id).lines).toEqual(expect.arrayContaining(['Creating shop_web_1 ... done', 'Network shop_default created']));
    expect(runs()).toEqual([expect.stringMatching(new RegExp(`^argv=-p shop -f ${composeFile} up -d\\|cwd=${projectDir}\\|host=${ENDPOINT}\\|`))]);
    expect(logger.lines.some((line) => line.message === 'compose: running')).toBe(true);
  });

  it('fails the job with the last stderr line when Compose exits non-zero', async () => {
    const ended = await jobs.wait((await service.act('shop', 'pull')).id);
    expect(ended).toMatchObject({ state: 'failed', error: { code: 'CONFLICT', message: 'Compose failed: ERROR: pull access denied for nothing' } });
  });

  it('ends the run when Compose exits though a process it left behind keeps its output open', async () => {
    writeScript(bin, 'docker-compose', `sleep 30 & echo "bg=$!" >> '${calls}'; echo restarted`);
    const started = await service.act('shop', 'restart');
    const ended = await jobs.wait(started.id);
    const leftover = Number(/bg=(\d+)/.exec(fs.readFileSync(calls, 'utf8'))?.[1]);
    process.kill(leftover, 'SIGKILL');
    expect(ended.state).toBe('succeeded');
    expect(jobs.get(started.id).lines).toContain('restarted');
  });

  it('follows logs until cancelled, then the child is gone', async () => {
    const started = await service.act('shop', 'logs');
    await eventually(() => expect(jobs.get(started.id).lines).toContain('web_1  | hello'), 10_000);
    const pid = Number(/pid=(\d+)/.exec(runs()[0] ?? '')?.[1]);
    expect(pid).toBeGreaterThan(0);
    expect((await jobs.cancel(started.id)).state).toBe('cancelled');
    expect(() => process.kill(pid, 0)).toThrow();
  });

  it('kills a running child on dispose', async () => {
    const started = await service.act('shop', 'logs');
    await eventually(() => expect(jobs.get(started.id).lines).toContain('web_1  | hello'), 10_000);
    const pid = Number(/pid=(\d+)/.exec(runs()[0] ?? '')?.[1]);
    service.dispose();
    await eventually(() => expect(() => process.kill(pid, 0)).toThrow(), 10_000);
  });

  it('passes no DOCKER_HOST when the engine came from a Docker context', async () => {
    engine.context = 'remote';
    engine.endpoint = 'ssh://dev@box';
    await jobs.wait((await service.act('shop', 'restart')).id);
    expect(runs()[0]).toContain('|host=unset|');
  });

  it('refuses a bad name, an unknown project and one whose files are not here, running nothing', async () => {
    expect((await rejection(service.act('Shop;rm', 'down'))).code).toBe('VALIDATION');
    expect((await rejection(service.act('nothing', 'down'))).code).toBe('NOT_FOUND');
    const missing = await rejection(service.act('gone', 'down'));
    expect(missing.code).toBe('CONFLICT');
    expect(missing.message).toContain('is not on this machine');
    expect(runs()).toEqual([]);
    expect(jobs.list()).toEqual([]);
  });

  it('brings up a Compose file in its folder, and refuses paths that are not a Compose file', async () => {
    const started = await service.upFile(composeFile);
    expect(started.title).toBe(`Compose up ${composeFile}`);
    expect((await jobs.wait(started.id)).state).toBe('succeeded');
    expect(runs()).toEqual([expect.stringMatching(new RegExp(`^argv=-f ${composeFile} up -d\\|cwd=${projectDir}\\|`))]);
    const notes = path.join(projectDir, 'notes.txt');
    fs.writeFileSync(notes, 'x');
    expect((await rejection(service.upFile(notes))).code).toBe('VALIDATION');
    expect((await rejection(service.upFile(projectDir))).code).toBe('VALIDATION');
    expect((await rejection(service.upFile(path.join(projectDir, 'missing.yml')))).code).toBe('NOT_FOUND');
    expect((await rejection(service.upFile('relative/compose.yml'))).code).toBe('VALIDATION');
    expect(runs()).toHaveLength(1);
  });

  it('remembers a project it took down so it can come up again', async () => {
    expect((await jobs.wait((await service.act('shop', 'down')).id)).state).toBe('succeeded');
    containers = containers.filter((entry) => entry.labels['com.docker.compose.project'] !== 'shop');
    expect((await service.projects()).find((project) => project.name === 'shop')).toMatchObject({ containers: 0, actionable: true, configFiles: [composeFile] });
    expect((await rejection(service.act('shop', 'logs'))).code).toBe('CONFLICT');
    expect((await jobs.wait((await service.act('shop', 'up')).id)).state).toBe('succeeded');
    expect((await service.projects()).some((project) => project.name === 'shop')).toBe(false);
  });

  it('says how to install Compose when there is none, and refuses every action', async () => {
    service.dispose();
    jobs.dispose();
    make({ PATH: fakePath(path.join(temp.dir, 'empty')) });
    const cli = await service.cli();
    expect(cli).toMatchObject({ available: false, command: [] });
    expect((await service.projects()).find((project) => project.name === 'shop')).toMatchObject({ actionable: false, reason: cli.hint });
    const refused = await rejection(service.act('shop', 'up'));
    expect(refused.code).toBe('UNAVAILABLE');
    expect(refused.message).toContain('docker-compose-plugin');
    expect((await rejection(service.upFile(composeFile))).code).toBe('UNAVAILABLE');
  });

  it('looks for Compose again after a failed detection once RETRY_DETECT_MS has passed', async () => {
    service.dispose();
    jobs.dispose();
    const clock = new ManualClock();
    const empty = path.join(temp.dir, 'later');
    fs.mkdirSync(empty);
    logger = new RecordingLogger();
    jobs = new JobService({ events: new RecordingEventSink(), clock, logger });
    const engineService = { current: async () => engine as unknown as ContainerEngine } as unknown as EngineService;
    service = new ComposeService({ engine: engineService, jobs, env: { PATH: fakePath(empty) }, platform: 'linux', homeDir: temp.dir, dataDir: path.join(temp.dir, 'data'), clock, logger });
    expect((await service.cli()).available).toBe(false);
    writeScript(empty, 'docker-compose', 'echo 1.29.2');
    expect((await service.cli()).available).toBe(false);
    clock.advance(RETRY_DETECT_MS);
    expect(await service.cli()).toMatchObject({ available: true, command: ['docker-compose'], version: '1.29.2' });
  });
});
