import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComposeCli, ComposeProject } from '../../../shared/model/compose';
import type { JobDetail, JobSummary } from '../../../shared/model/job';
import type { Services } from '../../../electron/hosts/common/compose-services';
import type { InvokeDispatcher } from '../../../electron/hosts/common/invoke-dispatcher';
import { composeTestServices } from '../../helpers/compose-test-services';
import { docker, eventually, TEST_IMAGE, testDockerHost } from '../../helpers/docker-engine';
import { makeTempDir } from '../../helpers/temp-dir';

const run = Math.random().toString(36).slice(2, 8);
const project = `ldcompose${run}`;
const COMPOSE_FILE = `services:
  web:
    image: ${TEST_IMAGE}
    command: ["sh", "-c", "echo compose-up-ok; while true; do sleep 1; done"]
`;

let temp: ReturnType<typeof makeTempDir>;
let services: Services;
let dispatch: InvokeDispatcher;
let folder: string;
let file: string;

async function call<T>(channel: Parameters<InvokeDispatcher>[0], request: unknown): Promise<T> {
  const result = await dispatch(channel, request, { id: 'test' });
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

async function refused(channel: Parameters<InvokeDispatcher>[0], request: unknown): Promise<string> {
  const result = await dispatch(channel, request, { id: 'test' });
  if (result.ok) throw new Error(`${channel} was accepted`);
  return result.error.code;
}

async function projectContainers(): Promise<string[]> {
  return (await docker('ps', '-aq', '--filter', `label=com.docker.compose.project=${project}`)).split('\n').filter((line) => line !== '');
}

beforeAll(() => {
  temp = makeTempDir();
  folder = path.join(temp.dir, project);
  fs.mkdirSync(folder);
  file = path.join(folder, 'docker-compose.yml');
  fs.writeFileSync(file, COMPOSE_FILE);
  ({ services, dispatch } = composeTestServices(path.join(temp.dir, 'data'), {
    LIGHTDOCK_ENGINE: 'docker',
    DOCKER_HOST: testDockerHost(),
    PATH: process.env['PATH'],
    HOME: temp.dir,
  }));
});

afterAll(async () => {
  services.dispose();
  const leftovers = await projectContainers();
  if (leftovers.length > 0) await docker('rm', '-f', ...leftovers);
  await docker('network', 'rm', `${project}_default`).catch(() => undefined);
  temp.cleanup();
}, 120_000);

describe('Compose through the real CLI (Debian docker-compose) on a real dockerd', () => {
  it('finds docker-compose', async () => {
    const cli = await call<ComposeCli>('compose:cli', {});
    expect(cli).toMatchObject({ available: true, simulated: false, hint: null });
    expect(cli.command.length).toBeGreaterThan(0);
    expect(cli.version).toMatch(/^v?\d+\.\d+/);
  });

  it('refuses a bad project name, a missing file and a non-Compose file, running nothing', async () => {
    expect(await refused('compose:act', { project: 'Bad;name', action: 'down' })).toBe('VALIDATION');
    expect(await refused('compose:act', { project: `${project}-nothing`, action: 'down' })).toBe('NOT_FOUND');
    expect(await refused('compose:up-file', { file: path.join(folder, 'missing.yml') })).toBe('NOT_FOUND');
    const notes = path.join(folder, 'notes.txt');
    fs.writeFileSync(notes, 'services: {}\n');
    expect(await refused('compose:up-file', { file: notes })).toBe('VALIDATION');
    expect(await refused('compose:up-file', { file: folder })).toBe('VALIDATION');
    expect(services.jobs.list()).toEqual([]);
    expect(await projectContainers()).toEqual([]);
  });

  it('brings a project up from its file, lists it, follows its logs, restarts it and takes it down', async () => {
    const up = await call<JobSummary>('compose:up-file', { file });
    expect(up).toMatchObject({ kind: 'compose', state: 'running' });
    expect(up.title).toContain(file);
    const upEnded = await services.jobs.wait(up.id);
    expect(upEnded.error).toBeUndefined();
    expect(upEnded.state).toBe('succeeded');

    const listed = (await call<ComposeProject[]>('compose:projects', {})).find((entry) => entry.name === project);
    expect(listed).toMatchObject({ workingDir: folder, configFiles: [file], services: ['web'], containers: 1, running: 1, actionable: true, reason: null });
    const ids = await projectContainers();
    expect(ids).toHaveLength(1);
    expect((await docker('inspect', '--format', '{{.State.Running}}', ...ids)).trim()).toBe('true');

    const logs = await call<JobSummary>('compose:act', { project, action: 'logs' });
    await eventually(() => expect(services.jobs.get(logs.id).lines.join('\n')).toContain('compose-up-ok'), 30_000);
    const cancelled = await call<JobSummary>('jobs:cancel', { jobId: logs.id });
    expect(cancelled.state).toBe('cancelled');

    const restart = await call<JobSummary>('compose:act', { project, action: 'restart' });
    expect((await services.jobs.wait(restart.id)).state).toBe('succeeded');
    expect((await docker('inspect', '--format', '{{.State.Running}}', ...ids)).trim()).toBe('true');

    const down = await call<JobSummary>('compose:act', { project, action: 'down' });
    const downEnded = await services.jobs.wait(down.id);
    expect(downEnded.state).toBe('succeeded');
    const detail = await call<JobDetail>('jobs:get', { jobId: down.id });
    expect(detail.lines.join('\n')).toMatch(/Removing|Removed/);
    expect(await projectContainers()).toEqual([]);

    const after = (await call<ComposeProject[]>('compose:projects', {})).find((entry) => entry.name === project);
    expect(after).toMatchObject({ containers: 0, running: 0, actionable: true, workingDir: folder, configFiles: [file] });
    const again = await call<JobSummary>('compose:act', { project, action: 'up' });
    expect((await services.jobs.wait(again.id)).state).toBe('succeeded');
    expect(await projectContainers()).toHaveLength(1);
    const downAgain = await call<JobSummary>('compose:act', { project, action: 'down' });
    expect((await services.jobs.wait(downAgain.id)).state).toBe('succeeded');
    expect(await projectContainers()).toEqual([]);
  }, 240_000);
});
