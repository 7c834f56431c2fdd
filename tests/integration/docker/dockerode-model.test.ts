import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContainerDetail, ContainerSummary, type PortBinding } from '../../../shared/model/container';
import { DockerodeEngine } from '../../../electron/services/docker/dockerode/dockerode-engine';
import { silentLogger } from '../../../electron/services/ports';
import { docker, TEST_IMAGE, testDockerHost } from '../../helpers/docker-engine';

const MiB = 1024 * 1024;
const run = Math.random().toString(36).slice(2, 8);
const label = `lightdock.test.run=${run}`;
const LOOP = ['sh', '-c', 'trap "exit 0" TERM; while :; do sleep 0.2; done'];
const BUSY = ['sh', '-c', 'trap "exit 0" TERM; while :; do :; done'];
const name = (what: string): string => `ld-model-${run}-${what}`;

let engine: DockerodeEngine;
const ids: Record<string, string> = {};

/** The namespace id as the container itself sees it: `readlink /proc/1/ns/<kind>` run inside it. */
async function inodeInside(container: string, kind: string): Promise<number> {
  const link = (await docker('exec', container, 'readlink', `/proc/1/ns/${kind}`)).trim();
  return Number(/\[(\d+)\]/.exec(link)?.[1]);
}

function portsText(ports: PortBinding[]): string {
  return ports
    .map((p) => (p.publicPort === null ? `${p.privatePort}/${p.type}` : `${p.ip}:${p.publicPort}->${p.privatePort}/${p.type}`))
    .sort()
    .join(', ');
}

/** `12.5MiB` → bytes, as the docker CLI prints them (binary units). */
function parseBytes(text: string): number {
  const match = /^([\d.]+)\s*([KMGT]?i?B)$/.exec(text.trim());
  if (!match) throw new Error(`not a size: ${text}`);
  const units: Record<string, number> = { B: 1, KiB: 1024, MiB: MiB, GiB: 1024 * MiB, TiB: 1024 * 1024 * MiB, kB: 1000, KB: 1000, MB: 1e6, GB: 1e9 };
  return Number(match[1]) * (units[match[2] ?? 'B'] ?? 1);
}

beforeAll(async () => {
  engine = new DockerodeEngine({
    endpoint: { host: testDockerHost(), context: null, source: 'DOCKER_HOST', tls: null },
    env: {},
    platform: process.platform,
    logger: silentLogger,
  });
  const base = ['run', '-d', '--label', label];
  ids['limited'] = (
    await docker(...base, '--name', name('limited'), '--memory', '64m', '--cpus', '0.5', '--pids-limit', '40', '--ipc', 'shareable',
      '--label', 'com.docker.compose.project=itproj', '--label', 'com.docker.compose.service=api', '-p', '127.0.0.1::8080', TEST_IMAGE, ...LOOP)
  ).trim();
  const [sharer, hostPid, busy, created] = await Promise.all([
    docker(...base, '--name', name('sharer'), '--pid', `container:${name('limited')}`, '--ipc', `container:${name('limited')}`,
      '--network', `container:${name('limited')}`, TEST_IMAGE, ...LOOP),
    docker(...base, '--name', name('hostpid'), '--pid', 'host', '--network', 'none', TEST_IMAGE, ...LOOP),
    docker(...base, '--name', name('busy'), '--cpus', '0.5', '--memory', '32m', TEST_IMAGE, ...BUSY),
    docker('create', '--label', label, '--name', name('created'), '--network', 'none', '--cpu-quota', '25000', '--cpu-period', '100000', TEST_IMAGE, 'true'),
  ]);
  ids['sharer'] = sharer.trim();
  ids['hostpid'] = hostPid.trim();
  ids['busy'] = busy.trim();
  ids['created'] = created.trim();
}, 60_000);

afterAll(async () => {
  engine?.close();
  const leftovers = (await docker('ps', '-aq', '--filter', `label=${label}`)).split('\n').filter((s) => s !== '');
  if (leftovers.length > 0) await docker('rm', '-f', ...leftovers);
}, 60_000);

describe('DockerodeEngine on a real dockerd: the container model', () => {
  it('maps cgroup limits and current use exactly, with the cgroup version the engine reports', async () => {
    const detail = ContainerDetail.parse(await engine.inspectContainer(name('limited')));
    const version = Number((await docker('info', '--format', '{{.CgroupVersion}}')).trim());
    expect(detail.cgroup).toMatchObject({ version, memoryLimitBytes: 64 * MiB, nanoCpus: 500_000_000, pidsLimit: 40, cpuQuota: null, cpuShares: null });
    expect(detail.cgroup.path).toContain(detail.id);
    expect(detail.cgroup.memoryUsageBytes).toBeGreaterThan(0);
    expect(detail.cgroup.memoryUsageBytes).toBeLessThanOrEqual(64 * MiB);
    expect(detail.cgroup.pidsCurrent).toBeGreaterThanOrEqual(1);
    expect(detail.cgroup.pidsCurrent).toBeLessThanOrEqual(40);
    const quota = await engine.inspectContainer(name('created'));
    expect(quota.cgroup).toMatchObject({ cpuQuota: 25_000, cpuPeriod: 100_000, nanoCpus: null, memoryLimitBytes: null, pidsLimit: null, memoryUsageBytes: null });
    expect(quota).toMatchObject({ state: 'created', pid: null, exitCode: null });
  });

  it('shows private namespaces with the ids the container itself sees', async () => {
    const detail = await engine.inspectContainer(ids['limited'] ?? '');
    for (const kind of ['pid', 'net', 'ipc', 'uts', 'mnt'] as const) {
      expect(detail.namespaces[kind]).toMatchObject({ mode: 'private', container: null });
      expect(detail.namespaces[kind].inode, kind).toBe(await inodeInside(name('limited'), kind));
    }
    expect(detail.namespaces.user.mode).toBe('host');
    expect(detail.namespaces.user.inode).toBe(await inodeInside(name('limited'), 'user'));
  });

  it('shows namespaces shared with another container (--pid/--ipc/--network container:X) by id and inode', async () => {
    const owner = await engine.inspectContainer(name('limited'));
    const sharer = await engine.inspectContainer(name('sharer'));
    for (const kind of ['pid', 'ipc', 'net'] as const) {
      expect(sharer.namespaces[kind]).toEqual({ mode: 'container', container: owner.id, inode: owner.namespaces[kind].inode });
      expect(sharer.namespaces[kind].inode).toBe(await inodeInside(name('sharer'), kind));
    }
    expect(sharer.namespaces.uts.mode).toBe('private');
    expect(sharer.namespaces.uts.inode).not.toBe(owner.namespaces.uts.inode);
    expect(sharer.namespaces.mnt.inode).not.toBe(owner.namespaces.mnt.inode);
    expect(sharer.networks).toEqual([]);
    expect(sharer.ports).toEqual([]);
  });

  it('shows the host PID namespace and an unplugged network (--pid host --network none)', async () => {
    const detail = await engine.inspectContainer(name('hostpid'));
    expect(detail.namespaces.pid.mode).toBe('host');
    expect(detail.namespaces.pid.inode).toBe(Number(/\[(\d+)\]/.exec(fs.readlinkSync('/proc/self/ns/pid'))?.[1]));
    expect(detail.namespaces.net.mode).toBe('private');
    expect(detail.networks).toEqual([{ name: 'none', ipAddress: null, gateway: null, macAddress: null }]);
  });

  it('lists what `docker ps -a --format json` lists: names, images, states, ports, networks, labels', async () => {
    const ours = (await engine.listContainers()).filter((c) => c.labels['lightdock.test.run'] === run);
    const theirs = (await docker('ps', '-a', '--no-trunc', '--filter', `label=${label}`, '--format', 'json'))
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as Record<string, string>);
    expect(ours.map((c) => c.id).sort()).toEqual(theirs.map((t) => t['ID']).sort());
    for (const theirsRow of theirs) {
      const row = ContainerSummary.parse(ours.find((c) => c.id === theirsRow['ID']));
      expect(row.name).toBe(theirsRow['Names']);
      expect(row.image).toBe(theirsRow['Image']);
      expect(row.state).toBe(theirsRow['State']);
      expect(row.status.split(' ')[0]).toBe((theirsRow['Status'] ?? '').split(' ')[0]);
      expect(portsText(row.ports)).toBe((theirsRow['Ports'] ?? '').split(', ').filter((p) => p !== '').sort().join(', '));
      expect(row.networks.map((n) => n.name).join(',')).toBe(theirsRow['Networks']);
      expect(Object.entries(row.labels).map(([k, v]) => `${k}=${v}`).sort()).toEqual((theirsRow['Labels'] ?? '').split(',').sort());
    }
    const limited = ours.find((c) => c.name === name('limited'));
    expect(limited).toMatchObject({ composeProject: 'itproj', composeService: 'api' });
    const published = (await docker('port', name('limited'), '8080/tcp')).trim();
    expect(limited?.ports).toEqual([{ privatePort: 8080, publicPort: Number(published.split(':')[1]), ip: '127.0.0.1', type: 'tcp' }]);
    expect(limited?.networks[0]?.ipAddress).toBe((await docker('inspect', '-f', '{{.NetworkSettings.Networks.bridge.IPAddress}}', name('limited'))).trim());
  });

  it('samples CPU and memory in agreement with `docker stats --no-stream`', async () => {
    const [ours, theirsText] = await Promise.all([
      engine.statsOnce(name('busy')),
      docker('stats', '--no-stream', '--format', 'json', name('busy')),
    ]);
    const theirs = JSON.parse(theirsText.trim()) as { CPUPerc: string; MemUsage: string; PIDs: string };
    const theirCpu = Number.parseFloat(theirs.CPUPerc);
    const [theirMemory, theirLimit] = theirs.MemUsage.split(' / ').map(parseBytes);
    expect(ours.name).toBe(name('busy'));
    expect(ours.memoryLimitBytes).toBe(32 * MiB);
    expect(theirLimit).toBe(32 * MiB);
    expect(Math.abs(ours.cpuPercent - theirCpu)).toBeLessThan(15);
    expect(ours.cpuPercent).toBeGreaterThan(1);
    expect(ours.cpuPercent).toBeLessThan(60);
    expect(Math.abs(ours.memoryUsedBytes - (theirMemory ?? 0))).toBeLessThan(Math.max(256 * 1024, 0.2 * (theirMemory ?? 0)));
    expect(ours.pids).toBe(Number(theirs.PIDs));
  });

  it('acts on containers and answers NOT_FOUND and CONFLICT in the engine words', async () => {
    await engine.act(name('created'), 'start', {});
    // It runs `true`: pausing while it exits races with the runtime (a 500), so pause once it has exited.
    await expect.poll(async () => (await engine.inspectContainer(name('created'))).state, { timeout: 10_000 }).toBe('exited');
    await expect(engine.act(name('created'), 'pause', {})).rejects.toMatchObject({ code: 'CONFLICT' });
    await engine.act(name('created'), 'stop', {});
    await engine.act(name('created'), 'stop', {});
    await expect(engine.inspectContainer(`ld-model-${run}-missing`)).rejects.toMatchObject({ code: 'NOT_FOUND', message: `No such container: ld-model-${run}-missing` });
  });
});
