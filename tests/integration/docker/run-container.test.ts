import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../../electron/hosts/common/compose-services';
import type { InvokeDispatcher } from '../../../electron/hosts/common/invoke-dispatcher';
import type { IpcErrorPayload } from '../../../shared/ipc/result';
import { ContainerDetail } from '../../../shared/model/container';
import { defaultRunSpec } from '../../../shared/model/run-args';
import { RunPlan, RunProblem, RunResult, type RunSpec } from '../../../shared/model/run-container';
import { composeTestServices } from '../../helpers/compose-test-services';
import { docker, eventually, TEST_IMAGE, testDockerHost } from '../../helpers/docker-engine';
import { makeTempDir } from '../../helpers/temp-dir';
import { freePort } from '../../helpers/free-port';

const run = Math.random().toString(36).slice(2, 8);
const LABEL = 'lightdock.test.run-container';
const MiB = 1024 * 1024;

let temp: ReturnType<typeof makeTempDir>;
let services: Services;
let dispatch: InvokeDispatcher;

/** The HTTP status 127.0.0.1:<port> answers a GET with (rejects when nothing answers within 2 s). */
function httpStatus(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: '127.0.0.1', port, path: '/', timeout: 2_000 }, (response) => {
      response.resume();
      response.on('error', reject);
      resolve(response.statusCode ?? 0);
    });
    request.on('timeout', () => request.destroy(new Error('no answer')));
    request.on('error', reject);
  });
}

/** A spec of the test image labelled so afterAll finds whatever it made. */
function spec(overrides: Partial<RunSpec>): RunSpec {
  return { ...defaultRunSpec(TEST_IMAGE), labels: { [LABEL]: run }, ...overrides };
}

async function ours(): Promise<string[]> {
  return (await docker('ps', '-aq', '--filter', `label=${LABEL}=${run}`)).split('\n').filter((line) => line !== '');
}

async function call<T>(channel: 'containers:plan' | 'containers:run' | 'containers:inspect', request: unknown): Promise<T> {
  const result = await dispatch(channel, request, { id: 'test' });
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

async function refusal(request: { spec: RunSpec }): Promise<{ error: IpcErrorPayload; problems: RunProblem[] }> {
  const result = await dispatch('containers:run', request, { id: 'test' });
  if (result.ok) throw new Error(`containers:run was accepted: ${JSON.stringify(result.value)}`);
  const problems = RunProblem.array().parse((result.error.details as { problems?: unknown } | undefined)?.problems ?? []);
  return { error: result.error, problems };
}

beforeAll(() => {
  temp = makeTempDir();
  ({ services, dispatch } = composeTestServices(temp.dir, { LIGHTDOCK_ENGINE: 'docker', DOCKER_HOST: testDockerHost(), PATH: process.env['PATH'], HOME: temp.dir }));
});

afterAll(async () => {
  services.dispose();
  const leftovers = await ours();
  if (leftovers.length > 0) await docker('rm', '-f', ...leftovers);
  await docker('volume', 'rm', `ldrun-${run}-vol`).catch(() => undefined);
  temp.cleanup();
}, 60_000);

describe('containers:run on a real dockerd', () => {
  let port = 0;
  const web = `ldrun-${run}-web`;

  it('runs with --memory 64m --cpus 0.5 --pids-limit 50 -p 127.0.0.1:<port>:80: exactly those limits, the port answers, the preview is the detail', async () => {
    port = await freePort();
    const request = spec({
      name: web,
      command: ['httpd', '-f', '-p', '80'],
      ports: [{ hostIp: '127.0.0.1', hostPort: port, containerPort: 80, protocol: 'tcp' }],
      resources: { memoryBytes: 64 * MiB, memorySwapBytes: null, nanoCpus: 500_000_000, pidsLimit: 50 },
    });
    const plan = RunPlan.parse(await call('containers:plan', { spec: request }));
    expect(plan.problems).toEqual([]);
    expect(plan.command).toBe(
      `docker run -d --name ${web} --memory 64m --cpus 0.5 --pids-limit 50 -p 127.0.0.1:${port}:80 --label ${LABEL}=${run} ${TEST_IMAGE} httpd -f -p 80`,
    );

    const result = RunResult.parse(await call('containers:run', { spec: request }));
    expect(result).toMatchObject({ name: web, started: true });
    expect(await ours()).toEqual([result.id.slice(0, 12)]);

    const detail = ContainerDetail.parse(await call('containers:inspect', { id: web }));
    expect(detail.state).toBe('running');
    expect(detail.cgroup).toMatchObject({ memoryLimitBytes: 67_108_864, nanoCpus: 500_000_000, pidsLimit: 50 });
    expect(detail.ports).toContainEqual({ privatePort: 80, publicPort: port, ip: '127.0.0.1', type: 'tcp' });
    expect(await eventually(() => httpStatus(port), 10_000, 100)).toBeGreaterThanOrEqual(200);

    const modes = (ns: ContainerDetail['namespaces']) => Object.fromEntries(Object.entries(ns).map(([kind, info]) => [kind, { mode: info.mode, container: info.container }]));
    expect(modes(plan.namespaces)).toEqual(modes(detail.namespaces));
    const limits = ({ path: _path, memoryUsageBytes: _use, pidsCurrent: _pids, ...rest }: ContainerDetail['cgroup']) => rest;
    expect(limits(plan.cgroup)).toEqual(limits(detail.cgroup));
  }, 60_000);

  it('refuses a second run on the same host port with a ports.0 problem and creates nothing', async () => {
    const before = await ours();
    const { error, problems } = await refusal({
      spec: spec({ name: `ldrun-${run}-twin`, command: ['httpd', '-f', '-p', '80'], ports: [{ hostIp: '127.0.0.1', hostPort: port, containerPort: 80, protocol: 'tcp' }] }),
    });
    expect(error.code).toBe('VALIDATION');
    expect(problems).toContainEqual({ field: 'ports.0', message: `Host port ${port} is already published by container ${web}.`, blocking: true });
    expect(await ours()).toEqual(before);
  }, 30_000);

  it('refuses a name in use and a missing image on their fields, creating nothing', async () => {
    const before = await ours();
    const named = await refusal({ spec: spec({ name: web }) });
    expect(named.error.code).toBe('VALIDATION');
    expect(named.problems.map((p) => p.field)).toEqual(['name']);
    const missing = await refusal({ spec: { ...spec({ name: `ldrun-${run}-missing` }), image: `lightdock-test/missing-${run}:1` } });
    expect(missing.problems).toEqual([{ field: 'image', message: `The image lightdock-test/missing-${run}:1 is not on this engine; pull it first.`, blocking: true }]);
    expect(await ours()).toEqual(before);
  }, 30_000);

  it('removes the container and the volume it created when the start fails, and puts the engine\'s words on the command', async () => {
    const before = await ours();
    const volume = `ldrun-${run}-vol`;
    const { error, problems } = await refusal({
      spec: spec({ name: `ldrun-${run}-bad`, command: ['/nonexistent'], mounts: [{ kind: 'volume', source: volume, target: '/data', readOnly: false }] }),
    });
    expect(error.code).toBe('VALIDATION');
    expect(problems).toEqual([{ field: 'command', message: expect.stringContaining('/nonexistent'), blocking: true }]);
    expect(await ours()).toEqual(before);
    expect((await docker('volume', 'ls', '-q', '--filter', `name=^${volume}$`)).trim()).toBe('');
  }, 30_000);

  it('refuses a host port something else on this machine listens on (the engine is local), creating nothing', async () => {
    const holder = net.createServer();
    await new Promise<void>((resolve) => holder.listen({ host: '127.0.0.1', port: 0 }, resolve));
    const held = (holder.address() as net.AddressInfo).port;
    try {
      const before = await ours();
      const { problems } = await refusal({ spec: spec({ ports: [{ hostIp: '127.0.0.1', hostPort: held, containerPort: 80, protocol: 'tcp' }] }) });
      expect(problems).toEqual([{ field: 'ports.0', message: `Host port ${held} on 127.0.0.1 is already in use on this machine.`, blocking: true }]);
      expect(await ours()).toEqual(before);
    } finally {
      await new Promise((resolve) => holder.close(resolve));
    }
  }, 30_000);

  it('plans a container: network on the running container by its id, and warns about a missing bind source', async () => {
    const detail = ContainerDetail.parse(await call('containers:inspect', { id: web }));
    const missing = `${temp.dir}/not-there`;
    const plan = RunPlan.parse(
      await call('containers:plan', {
        spec: spec({ namespaces: { network: `container:${web}`, pid: 'host', ipc: 'private', uts: 'private' }, mounts: [{ kind: 'bind', source: missing, target: '/x', readOnly: true }] }),
      }),
    );
    expect(plan.namespaces.net).toEqual({ mode: 'container', container: detail.id, inode: null });
    expect(plan.namespaces.pid.mode).toBe('host');
    expect(plan.problems).toEqual([{ field: 'mounts.0', message: `${missing} does not exist; Docker will create it as an empty folder owned by root.`, blocking: false }]);
    expect(plan.command).toContain(`--network container:${web} --pid host`);
  }, 30_000);
});
