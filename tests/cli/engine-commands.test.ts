import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContainerDetail, ContainerRow } from '../../shared/model/container';
import { docker, TEST_IMAGE, testDockerHost } from '../helpers/docker-engine';
import { runLightdock, type CliResult } from '../helpers/run-cli';
import { makeTempDir } from '../helpers/temp-dir';

const run = Math.random().toString(36).slice(2, 8);
const label = `lightdock.test.run=${run}`;
const LOOP = ['sh', '-c', 'trap "exit 0" TERM; while :; do sleep 0.2; done'];
let temp: ReturnType<typeof makeTempDir>;

/** Runs the lightdock CLI from source in its own process (tsx), as a user would, with a 20 s limit. */
function lightdock(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  const base = { PATH: process.env['PATH'], HOME: temp.dir, LIGHTDOCK_DATA_DIR: temp.dir, LIGHTDOCK_WSL_BACKEND: 'simulated', DOCKER_HOST: testDockerHost(), LIGHTDOCK_ENGINE: 'docker' };
  return runLightdock(args, { ...base, ...env }, { from: 'source' });
}

beforeAll(() => {
  temp = makeTempDir();
});
afterAll(async () => {
  const leftovers = (await docker('ps', '-aq', '--filter', `label=${label}`)).split('\n').filter((s) => s !== '');
  if (leftovers.length > 0) await docker('rm', '-f', ...leftovers);
  temp.cleanup();
}, 60_000);

describe('lightdock engine and containers commands on a real dockerd', () => {
  it('prints the engine status as JSON and exits promptly', async () => {
    const { code, stdout, ms } = await lightdock(['engine', 'status', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ kind: 'docker', state: 'connected', endpoint: testDockerHost(), context: null });
    expect(ms).toBeLessThan(15_000);
  });

  it('lists summaries and inspects details with the model field names, and controls a container by name', async () => {
    const name = `ld-cli-${run}`;
    const id = (await docker('run', '-d', '--label', label, '--name', name, '--memory', '48m', '--cpus', '0.25', '--pids-limit', '30', TEST_IMAGE, ...LOOP)).trim();
    const listed = (JSON.parse((await lightdock(['containers', 'list', '--json'])).stdout) as unknown[]).map((c) => ContainerRow.parse(c));
    expect(listed.find((c) => c.id === id)).toMatchObject({ name, state: 'running' });

    const detail = ContainerDetail.parse(JSON.parse((await lightdock(['containers', 'inspect', name, '--json'])).stdout));
    expect(detail.cgroup).toMatchObject({ memoryLimitBytes: 48 * 1024 * 1024, nanoCpus: 250_000_000, pidsLimit: 30 });
    expect(detail.namespaces.pid.mode).toBe('private');

    const stats = JSON.parse((await lightdock(['containers', 'stats', name, '--json'])).stdout) as { id: string; memoryLimitBytes: number }[];
    expect(stats).toEqual([expect.objectContaining({ id, memoryLimitBytes: 48 * 1024 * 1024 })]);

    const stopped = await lightdock(['containers', 'stop', name]);
    expect(stopped).toMatchObject({ code: 0, stdout: `${name}\n` });
    expect((await docker('inspect', '-f', '{{.State.Status}}', id)).trim()).toBe('exited');
    expect((await lightdock(['containers', 'start', name])).code).toBe(0);
    expect((await lightdock(['containers', 'restart', name])).code).toBe(0);
    expect((await docker('inspect', '-f', '{{.State.Status}}', id)).trim()).toBe('running');

    const refused = await lightdock(['containers', 'rm', name, `${name}-missing`, '--json']);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout)).toEqual([
      { id: name, ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('running') } },
      { id: `${name}-missing`, ok: false, error: { code: 'NOT_FOUND', message: `No such container: ${name}-missing` } },
    ]);
    expect(await lightdock(['containers', 'rm', '-f', name])).toMatchObject({ code: 0, stdout: `${name}\n` });
    expect((await docker('ps', '-aq', '--filter', `id=${id}`)).trim()).toBe('');
  }, 60_000);

  it('lists the Docker contexts and says plainly when the engine is not running', async () => {
    const contexts = await lightdock(['engine', 'contexts', '--json']);
    expect(JSON.parse(contexts.stdout)).toEqual([
      {
        name: 'default',
        endpoint: testDockerHost(),
        description: 'Current DOCKER_HOST based configuration',
        current: true,
        probe: { name: 'default', endpoint: testDockerHost(), state: 'connected', serverVersion: expect.any(String), message: null },
      },
    ]);
    const refused = await lightdock(['engine', 'use', 'default']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('DOCKER_HOST is set');

    const down = `unix://${path.join(temp.dir, 'none.sock')}`;
    const listed = await lightdock(['containers', 'list'], { DOCKER_HOST: down });
    expect(listed.code).toBe(1);
    expect(listed.stderr.trim()).toBe(`lightdock: Docker is not running at ${down}; start it or pick another context.`);
    const status = await lightdock(['engine', 'status'], { DOCKER_HOST: down });
    expect(status.stdout.trim()).toBe(`Engine docker: unreachable at ${down} · Docker is not running at ${down}; start it or pick another context.`);
  }, 60_000);
});
