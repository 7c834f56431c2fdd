import { describe, expect, it } from 'vitest';
import { defaultRunSpec } from '../../../../shared/model/run-args';
import type { RunProblem, RunSpec } from '../../../../shared/model/run-container';
import { useSimulatedTestServices } from '../../../helpers/compose-test-services';
import { rejection } from '../../../helpers/service-error';

const MiB = 1024 * 1024;
const test = useSimulatedTestServices();

function spec(overrides: Partial<RunSpec> = {}): RunSpec {
  return { ...defaultRunSpec('busybox:1.36'), ...overrides };
}

function withNetwork(network: string, overrides: Partial<RunSpec> = {}): RunSpec {
  const base = spec(overrides);
  return { ...base, namespaces: { ...base.namespaces, network } };
}

async function containerNames(): Promise<string[]> {
  return (await test.services.engine.list()).map((c) => c.name).sort();
}

/** The problems a refused run carries; the run must be refused with VALIDATION and leave the containers as they were. */
async function refusedProblems(run: RunSpec): Promise<RunProblem[]> {
  const before = await containerNames();
  const error = await rejection(test.services.run.run(run));
  expect(error.code).toBe('VALIDATION');
  expect(await containerNames()).toEqual(before);
  return (error.details as { problems: RunProblem[] }).problems;
}

describe('RunService on the simulated engine', () => {
  it('plans the default run: its own namespaces on cgroup v2, no limits, the plain docker run line, no problems', async () => {
    const plan = await test.services.run.plan(spec());
    expect(plan.command).toBe('docker run -d busybox:1.36');
    expect(plan.problems).toEqual([]);
    expect(plan.namespaces.net).toEqual({ mode: 'private', container: null, inode: null });
    expect(plan.namespaces.cgroup.mode).toBe('private');
    expect(plan.cgroup).toMatchObject({ version: 2, memoryLimitBytes: null, nanoCpus: null, pidsLimit: null });
  });

  it('runs with every field the engine models, and the detail shows what the preview said', async () => {
    const run = spec({
      name: 'runner',
      command: ['sh', '-c', 'echo hi'],
      env: [{ name: 'A', value: 'b' }],
      ports: [{ hostIp: '127.0.0.1', hostPort: 9090, containerPort: 80, protocol: 'tcp' }, { hostIp: '127.0.0.1', hostPort: null, containerPort: 53, protocol: 'udp' }],
      mounts: [{ kind: 'volume', source: 'fresh-volume', target: '/data', readOnly: true }, { kind: 'bind', source: '/srv/site', target: '/site', readOnly: false }],
      resources: { memoryBytes: 64 * MiB, memorySwapBytes: null, nanoCpus: 500_000_000, pidsLimit: 50 },
      labels: { team: 'run' },
      tty: true,
    });
    const plan = await test.services.run.plan({ ...run, namespaces: { ...run.namespaces, pid: 'host' } });
    const result = await test.services.run.run({ ...run, namespaces: { ...run.namespaces, pid: 'host' } });
    expect(result).toEqual({ id: expect.stringMatching(/^[0-9a-f]{64}$/), name: 'runner', started: true, warnings: [] });

    const detail = await test.services.engine.inspect('runner');
    expect(detail).toMatchObject({ state: 'running', tty: true, command: 'sh -c echo hi', labels: { team: 'run' } });
    expect(detail.ports).toEqual([
      { privatePort: 53, publicPort: 32768, ip: '127.0.0.1', type: 'udp' },
      { privatePort: 80, publicPort: 9090, ip: '127.0.0.1', type: 'tcp' },
    ]);
    expect(detail.mounts).toEqual([
      { type: 'volume', source: 'fresh-volume', destination: '/data', mode: 'ro', rw: false },
      { type: 'bind', source: '/srv/site', destination: '/site', mode: '', rw: true },
    ]);
    expect((await test.services.engine.volumes()).map((v) => v.name)).toContain('fresh-volume');
    const modes = (ns: typeof plan.namespaces) => Object.fromEntries(Object.entries(ns).map(([kind, info]) => [kind, [info.mode, info.container]]));
    expect(modes(plan.namespaces)).toEqual(modes(detail.namespaces));
    expect(plan.namespaces.pid.mode).toBe('host');
    const limits = ({ path: _p, memoryUsageBytes: _u, pidsCurrent: _c, ...rest }: typeof plan.cgroup) => rest;
    expect(limits(plan.cgroup)).toEqual(limits(detail.cgroup));
    expect(detail.cgroup).toMatchObject({ memoryLimitBytes: 64 * MiB, nanoCpus: 500_000_000, pidsLimit: 50 });
  });

  it('creates without starting, picks a Docker-style name, and shares another container\'s network', async () => {
    const created = await test.services.run.run(spec({ start: false }));
    expect(created.started).toBe(false);
    expect(created.name).toMatch(/^[a-z]+_[a-z]+\d*$/);
    expect((await test.services.engine.inspect(created.id)).state).toBe('created');

    const web = (await test.services.engine.inspect('shop-web-1')).id;
    const plan = await test.services.run.plan(withNetwork('container:shop-web-1'));
    expect(plan.namespaces.net).toEqual({ mode: 'container', container: web, inode: null });
    const joined = await test.services.run.run(withNetwork('container:shop-web-1', { name: 'joined' }));
    expect((await test.services.engine.inspect(joined.id)).namespaces.net).toMatchObject({ mode: 'container', container: web });
  });

  it('refuses a name in use, a missing image and an unknown network, each on its field', async () => {
    expect(await refusedProblems(spec({ name: 'shop-web-1' }))).toEqual([
      { field: 'name', message: expect.stringMatching(/^The name "shop-web-1" is already used by container [0-9a-f]{12}; remove it or pick another name\.$/), blocking: true },
    ]);
    expect(await refusedProblems({ ...spec(), image: 'lightdock/absent:2' })).toEqual([
      { field: 'image', message: 'The image lightdock/absent:2 is not on this engine; pull it first.', blocking: true },
    ]);
    expect(await refusedProblems(withNetwork('backend'))).toEqual([
      { field: 'namespaces.network', message: 'There is no network "backend"; create it first or pick bridge.', blocking: true },
    ]);
    expect((await test.services.run.plan(withNetwork('shop_default'))).problems).toEqual([]);
  });

  it('refuses a host port a running container publishes or the spec publishes twice, not one a stopped container had', async () => {
    const taken = { hostIp: '127.0.0.1', hostPort: 8080, containerPort: 80, protocol: 'tcp' as const };
    expect(await refusedProblems(spec({ ports: [taken] }))).toEqual([{ field: 'ports.0', message: 'Host port 8080 is already published by container shop-web-1.', blocking: true }]);
    expect((await test.services.run.plan(spec({ ports: [{ ...taken, hostIp: '127.0.0.2' }] }))).problems).toEqual([]);
    const createOnly = await test.services.run.plan(spec({ ports: [taken], start: false }));
    expect(createOnly.problems).toEqual([{ field: 'ports.0', message: 'Host port 8080 is already published by container shop-web-1. Starting this one will fail while it runs.', blocking: false }]);
    const twice = [{ ...taken, hostPort: 7070 }, { ...taken, hostPort: 7070, containerPort: 81 }];
    expect(await refusedProblems(spec({ ports: twice }))).toEqual([{ field: 'ports.1', message: 'Host port 7070 is published twice (also by 127.0.0.1:7070:80).', blocking: true }]);
    await test.services.engine.act(['shop-web-1'], 'stop', {});
    expect((await test.services.run.run(spec({ ports: [taken] }))).started).toBe(true);
  });

  it('refuses ports with a network that has none of its own, and a container network that is missing or stopped', async () => {
    const port = { hostIp: '127.0.0.1', hostPort: 7071, containerPort: 80, protocol: 'tcp' as const };
    expect(await refusedProblems(withNetwork('host', { ports: [port] }))).toEqual([
      { field: 'ports.0', message: 'Ports cannot be published on the host network; remove them or use a network of its own (bridge).', blocking: true },
    ]);
    expect((await refusedProblems(withNetwork('container:shop-web-1', { ports: [port] })))[0]?.field).toBe('ports.0');
    expect(await refusedProblems(withNetwork('container:nobody'))).toEqual([
      { field: 'namespaces.network', message: 'There is no container "nobody" to share a network namespace with.', blocking: true },
    ]);
    expect(await refusedProblems(withNetwork('container:redis'))).toEqual([
      { field: 'namespaces.network', message: 'Container redis is not running; start it first to share its network namespace.', blocking: true },
    ]);
    expect((await test.services.run.plan(withNetwork('container:redis', { start: false }))).problems[0]?.blocking).toBe(false);
  });

  it('checks memory against swap, and passes the engine\'s refusal of too many CPUs on to its field', async () => {
    const resources = { memoryBytes: 64 * MiB, memorySwapBytes: 32 * MiB, nanoCpus: null, pidsLimit: null };
    expect(await refusedProblems(spec({ resources }))).toEqual([
      { field: 'resources.memorySwapBytes', message: 'Memory+swap is memory plus swap, so it cannot be below the memory limit.', blocking: true },
    ]);
    expect((await refusedProblems(spec({ resources: { ...resources, memoryBytes: null } })))[0]?.field).toBe('resources.memorySwapBytes');
    expect(await refusedProblems(spec({ resources: { memoryBytes: null, memorySwapBytes: null, nanoCpus: 16e9, pidsLimit: null } }))).toEqual([
      { field: 'resources.nanoCpus', message: 'Range of CPUs is from 0.01 to 8.00, as there are only 8 CPUs available', blocking: true },
    ]);
  });

  it('answers warnings: retries without on-failure, a name set twice, what the simulated engine does not model', async () => {
    const result = await test.services.run.run({
      ...spec({ restart: 'always', maxRetries: 3, env: [{ name: 'A', value: '1' }, { name: 'A', value: '2' }] }),
      namespaces: { network: 'bridge', pid: 'private', ipc: 'host', uts: 'private' },
    });
    expect(result.warnings).toEqual([
      'env.1: A is set twice; the last value wins.',
      'restart: Retries apply to on-failure only; "always" ignores them.',
      'The simulated engine gives every container its own IPC namespace; --ipc host is not modelled.',
    ]);
  });

  it('writes the docker run line with a home-folder bind source made absolute', async () => {
    const plan = await test.services.run.plan(spec({ mounts: [{ kind: 'bind', source: '~/site', target: '/site', readOnly: false }] }));
    expect(plan.command).toMatch(/^docker run -d -v \/\S+\/site:\/site busybox:1\.36$/);
  });
});
