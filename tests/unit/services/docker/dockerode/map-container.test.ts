import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ContainerDetail, ContainerSummary } from '../../../../../shared/model/container';
import { parseNamespaceLink, parseProcCgroup } from '../../../../../electron/services/docker/dockerode/local-proc';
import {
  derivedCgroupPath,
  mapContainerDetail,
  mapContainerSummary,
  summaryFromInspect,
  type HostFacts,
  type RawContainerInspect,
  type RawContainerListItem,
} from '../../../../../electron/services/docker/dockerode/map-container';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../fixtures/docker');
const inspect = (name: string): RawContainerInspect => JSON.parse(fs.readFileSync(path.join(fixtures, `inspect-${name}.json`), 'utf8')) as RawContainerInspect;
const list = JSON.parse(fs.readFileSync(path.join(fixtures, 'list-containers.json'), 'utf8')) as RawContainerListItem[];
const rowOf = (name: string): RawContainerListItem => {
  const row = list.find((r) => r.Names?.[0] === `/${name}`);
  if (row === undefined) throw new Error(`no list row for ${name}`);
  return row;
};

/** Facts of a remote engine on cgroup v1 with the cgroupfs driver: nothing read from /proc. */
const remoteV1: HostFacts = { cgroupVersion: 1, cgroupDriver: 'cgroupfs', usernsRemap: false, inodes: null, cgroupPath: null, memoryUsageBytes: null, pidsCurrent: null };
const LIMITED = '6f9650c9868d25252e8131a22ddef51e985433212b91ba2a053ffd6d716e5c59';

describe('mapContainerSummary (captured /containers/json)', () => {
  it('maps a Compose-labelled container with a port on 127.0.0.1, its bridge address and a volume', () => {
    const summary = ContainerSummary.parse(mapContainerSummary(rowOf('fx-limited')));
    expect(summary).toEqual({
      id: LIMITED,
      name: 'fx-limited',
      image: 'lightdock-test/busybox',
      imageId: 'sha256:39642c8b722afeeb12bd67c4581b55fbf20cf37b618567e03b51625f79a0a7bd',
      command: 'sleep 300',
      state: 'running',
      status: 'Up 1 second',
      created: 1795655656,
      ports: [{ privatePort: 8080, publicPort: 18080, ip: '127.0.0.1', type: 'tcp' }],
      composeProject: 'shop',
      composeService: 'web',
      labels: { 'com.docker.compose.project': 'shop', 'com.docker.compose.service': 'web' },
      networks: [{ name: 'bridge', ipAddress: '172.17.0.2', gateway: '172.17.0.1', macAddress: '02:42:ac:11:00:02' }],
      mounts: [{ type: 'volume', source: 'fxvol', destination: '/data', mode: 'z', rw: true }],
    });
  });

  it('maps every captured row to the schema, with exited and created states and no networks for a shared one', () => {
    const rows = list.map(mapContainerSummary);
    for (const row of rows) ContainerSummary.parse(row);
    expect(rows.find((r) => r.name === 'fx-exited')).toMatchObject({ state: 'exited', status: expect.stringMatching(/^Exited \(3\)/), composeProject: null });
    expect(rows.find((r) => r.name === 'fx-created')).toMatchObject({ state: 'created', status: 'Created' });
    expect(rows.find((r) => r.name === 'fx-shared')).toMatchObject({ networks: [], ports: [] });
    expect(rows.find((r) => r.name === 'fx-host')?.networks).toEqual([{ name: 'none', ipAddress: null, gateway: null, macAddress: null }]);
  });
});

describe('mapContainerDetail (captured /containers/{id}/json)', () => {
  it('maps cgroup limits exactly and leaves unlimited ones null', () => {
    const limited = ContainerDetail.parse(mapContainerDetail(inspect('fx-limited'), mapContainerSummary(rowOf('fx-limited')), remoteV1));
    expect(limited.cgroup).toEqual({
      version: 1,
      path: `/docker/${LIMITED}`,
      memoryLimitBytes: 64 * 1024 * 1024,
      memorySwapLimitBytes: 128 * 1024 * 1024,
      nanoCpus: 500_000_000,
      cpuQuota: null,
      cpuPeriod: null,
      cpuShares: 512,
      pidsLimit: 50,
      memoryUsageBytes: null,
      pidsCurrent: null,
    });
    const quota = mapContainerDetail(inspect('fx-created'), null, remoteV1).cgroup;
    expect(quota).toMatchObject({ cpuQuota: 20_000, cpuPeriod: 100_000, nanoCpus: null, memoryLimitBytes: null, pidsLimit: null, cpuShares: null });
  });

  it('maps namespaces: private by default (a shareable IPC is still its own), shared with a container, or the host', () => {
    const own = mapContainerDetail(inspect('fx-limited'), null, remoteV1).namespaces;
    for (const kind of ['pid', 'net', 'ipc', 'uts', 'mnt'] as const) expect(own[kind]).toEqual({ mode: 'private', container: null, inode: null });
    expect(own.user).toEqual({ mode: 'host', container: null, inode: null });
    expect(own.cgroup).toEqual({ mode: 'host', container: null, inode: null });

    const shared = mapContainerDetail(inspect('fx-shared'), null, remoteV1).namespaces;
    for (const kind of ['pid', 'net', 'ipc'] as const) expect(shared[kind]).toEqual({ mode: 'container', container: LIMITED, inode: null });
    expect(shared.uts.mode).toBe('private');

    const host = mapContainerDetail(inspect('fx-host'), null, remoteV1).namespaces;
    expect(host.pid.mode).toBe('host');
    expect(host.uts.mode).toBe('host');
    expect(host.net.mode).toBe('private');
    expect(host.ipc.mode).toBe('private');
  });

  it('uses the daemon defaults for an empty CgroupnsMode and userns-remap, and the kernel ids when local', () => {
    const raw = inspect('fx-limited');
    const bare: RawContainerInspect = { ...raw, HostConfig: { ...raw.HostConfig, CgroupnsMode: '' } };
    expect(mapContainerDetail(bare, null, { ...remoteV1, cgroupVersion: 2 }).namespaces.cgroup.mode).toBe('private');
    expect(mapContainerDetail(bare, null, remoteV1).namespaces.cgroup.mode).toBe('host');
    expect(mapContainerDetail(raw, null, { ...remoteV1, usernsRemap: true }).namespaces.user.mode).toBe('private');
    const local = mapContainerDetail(raw, null, {
      ...remoteV1,
      inodes: { pid: 4026532258, net: 4026532259, user: 4026531837 },
      cgroupPath: '/docker/abc',
      memoryUsageBytes: 327680,
      pidsCurrent: 1,
    });
    expect(local.namespaces.pid.inode).toBe(4026532258);
    expect(local.namespaces.net.inode).toBe(4026532259);
    expect(local.namespaces.ipc.inode).toBeNull();
    expect(local.cgroup).toMatchObject({ path: '/docker/abc', memoryUsageBytes: 327680, pidsCurrent: 1 });
  });

  it('maps the process: pid and start while running, exit code and finish once exited, none while only created', () => {
    const running = mapContainerDetail(inspect('fx-limited'), null, remoteV1);
    expect(running).toMatchObject({ pid: 7065, tty: false, startedAt: '2026-11-26T01:14:16.760830711Z', finishedAt: null, exitCode: null, restartCount: 0 });
    expect(running.inspect).toEqual(inspect('fx-limited'));
    expect(mapContainerDetail(inspect('fx-exited'), null, remoteV1)).toMatchObject({ pid: null, exitCode: 3, finishedAt: '2026-11-26T01:14:17.394322935Z' });
    expect(mapContainerDetail(inspect('fx-created'), null, remoteV1)).toMatchObject({ pid: null, exitCode: null, startedAt: null, finishedAt: null });
  });

  it('builds a list-like summary from inspect alone, ports from NetworkSettings included', () => {
    const summary = ContainerSummary.parse(summaryFromInspect(inspect('fx-limited')));
    expect(summary).toMatchObject({
      id: LIMITED,
      name: 'fx-limited',
      command: 'sleep 300',
      state: 'running',
      ports: [{ privatePort: 8080, publicPort: 18080, ip: '127.0.0.1', type: 'tcp' }],
      composeProject: 'shop',
    });
    expect(summary.created).toBe(Math.floor(Date.parse(inspect('fx-limited').Created ?? '') / 1000));
    expect(summaryFromInspect(inspect('fx-exited')).status).toBe('Exited (3)');
  });

  it('derives the cgroup path from the driver when the machine cannot read it', () => {
    const raw = inspect('fx-limited');
    expect(derivedCgroupPath(raw, 'systemd')).toBe(`/system.slice/docker-${LIMITED}.scope`);
    expect(derivedCgroupPath({ ...raw, HostConfig: { ...raw.HostConfig, CgroupParent: 'tenants' } }, 'cgroupfs')).toBe(`/tenants/${LIMITED}`);
    expect(derivedCgroupPath(raw, null)).toBeNull();
  });
});

describe('local /proc parsing', () => {
  it('reads namespace links and the cgroup path on v1 and v2', () => {
    expect(parseNamespaceLink('pid:[4026531836]')).toBe(4026531836);
    expect(parseNamespaceLink('garbage')).toBeNull();
    const v1 = '12:pids:/docker/abc\n4:memory:/docker/abc\n1:name=systemd:/docker/abc\n0::/docker/abc\n';
    expect(parseProcCgroup(v1, 1)).toBe('/docker/abc');
    expect(parseProcCgroup('0::/system.slice/docker-abc.scope\n', 2)).toBe('/system.slice/docker-abc.scope');
    expect(parseProcCgroup('3:cpu:/x\n', 1)).toBeNull();
  });
});
