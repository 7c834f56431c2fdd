import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../../../../electron/services/docker/container-engine';
import { SIMULATED_ENGINE_FILE, SimulatedEngine } from '../../../../../electron/services/docker/simulated/simulated-engine';
import { HOST_NAMESPACE_INODES } from '../../../../../electron/services/docker/simulated/simulated-model';
import type { LogLine } from '../../../../../shared/model/container';
import { ManualClock, RecordingLogger } from '../../../../helpers/recording';
import { makeTempDir } from '../../../../helpers/temp-dir';

const MiB = 1024 * 1024;
let temp: ReturnType<typeof makeTempDir>;
let clock: ManualClock;
let engines: SimulatedEngine[];

const open = (): SimulatedEngine => {
  const engine = new SimulatedEngine({ dataDir: temp.dir, clock, logger: new RecordingLogger() });
  engines.push(engine);
  return engine;
};
const byName = async (engine: SimulatedEngine, name: string) => {
  const row = (await engine.listContainers()).find((c) => c.name === name);
  if (!row) throw new Error(`no container ${name}`);
  return row;
};
const rejection = (promise: Promise<unknown>): Promise<unknown> => promise.then(() => new Error('resolved'), (e: unknown) => e);

/** Opens a shell and returns a function that types a line and resolves with what it printed up to the next prompt. */
async function shellIn(engine: SimulatedEngine, ref: string) {
  let output = '';
  const exits: (number | null)[] = [];
  const exec = await engine.openExec(ref, { cols: 80, rows: 24 }, (data) => (output += data), (code) => exits.push(code));
  await expect.poll(() => output).toBe('/ # ');
  const run = async (line: string): Promise<string> => {
    const before = output.length;
    for (const ch of `${line}\r`) exec.write(ch);
    return output.slice(before);
  };
  return { exec, run, exits, output: () => output };
}

beforeEach(() => {
  temp = makeTempDir('lightdock-sim-engine-');
  clock = new ManualClock();
  engines = [];
});
afterEach(() => {
  for (const engine of engines) engine.close();
  temp.cleanup();
});

describe('SimulatedEngine seed', () => {
  it('groups the Compose project by its labels and keeps the standalone containers apart', async () => {
    const rows = await open().listContainers();
    const compose = rows.filter((c) => c.composeProject === 'shop').map((c) => [c.name, c.composeService]);
    expect(compose.sort()).toEqual([
      ['shop-api-1', 'api'],
      ['shop-db-1', 'db'],
      ['shop-web-1', 'web'],
    ]);
    expect(rows.filter((c) => c.composeProject === null).map((c) => c.name).sort()).toEqual(['monitor', 'redis', 'sidecar']);
    const web = rows.find((c) => c.name === 'shop-web-1');
    expect(web?.ports).toEqual([{ privatePort: 80, publicPort: 8080, ip: '127.0.0.1', type: 'tcp' }]);
    expect(web?.networks).toEqual([{ name: 'shop_default', ipAddress: '172.18.0.4', gateway: '172.18.0.1', macAddress: '02:42:ac:12:00:04' }]);
    expect(web?.labels['com.docker.compose.project.working_dir']).toBe('/home/dev/shop');
  });

  it('words statuses as docker ps does, from the injected clock', async () => {
    const engine = open();
    expect((await byName(engine, 'shop-web-1')).status).toBe('Up 3 hours');
    expect((await byName(engine, 'redis')).status).toBe('Exited (0) 2 hours ago');
    expect((await byName(engine, 'monitor')).status).toBe('Up 2 days');

    await engine.act('redis', 'start', {});
    expect((await byName(engine, 'redis')).status).toBe('Up Less than a second');
    clock.advance(5_000);
    await engine.act('redis', 'pause', {});
    expect((await byName(engine, 'redis')).status).toBe('Up 5 seconds (Paused)');
    clock.advance(55_000);
    expect((await byName(engine, 'redis')).status).toBe('Up About a minute (Paused)');
    await engine.act('redis', 'unpause', {});
    await engine.act('redis', 'kill', {});
    clock.advance(3 * 60_000);
    expect((await byName(engine, 'redis')).status).toBe('Exited (137) 3 minutes ago');
  });

  it('maps limits and the cgroup v2 path of the Compose services', async () => {
    const engine = open();
    const web = await engine.inspectContainer('shop-web-1');
    expect(web.cgroup).toMatchObject({
      version: 2,
      path: `/system.slice/docker-${web.id}.scope`,
      memoryLimitBytes: 128 * MiB,
      memorySwapLimitBytes: 256 * MiB,
      nanoCpus: 500_000_000,
      pidsLimit: null,
    });
    expect(web.cgroup.memoryUsageBytes).toBeGreaterThan(0);
    expect(web.cgroup.memoryUsageBytes).toBeLessThan(128 * MiB);
    const api = await engine.inspectContainer('shop-api-1');
    expect(api.cgroup).toMatchObject({ memoryLimitBytes: 512 * MiB, nanoCpus: 1_000_000_000, pidsLimit: 200 });
    const db = await engine.inspectContainer('shop-db-1');
    expect(db.mounts).toEqual([{ type: 'volume', source: 'shop_db-data', destination: '/var/lib/postgresql/data', mode: 'z', rw: true }]);
    expect(db.inspect).toMatchObject({ Name: '/shop-db-1', HostConfig: { Memory: 1024 * MiB, NanoCpus: 2_000_000_000 } });
  });

  it('puts the sidecar in shop-web-1\'s network namespace and nowhere else', async () => {
    const engine = open();
    const web = await engine.inspectContainer('shop-web-1');
    const sidecar = await engine.inspectContainer('sidecar');
    expect(sidecar.namespaces.net).toEqual({ mode: 'container', container: web.id, inode: web.namespaces.net.inode });
    expect(sidecar.namespaces.pid.mode).toBe('private');
    expect(sidecar.namespaces.pid.inode).not.toBe(web.namespaces.pid.inode);
    expect(sidecar.networks).toEqual([]);
    const shell = await shellIn(engine, 'sidecar');
    expect(await shell.run('ip addr')).toContain('inet 172.18.0.4/16 scope global eth0');
  });

  it('shows the VM\'s processes to the monitor, which shares the host pid and network namespaces', async () => {
    const engine = open();
    const monitor = await engine.inspectContainer('monitor');
    expect(monitor.namespaces.pid).toEqual({ mode: 'host', container: null, inode: HOST_NAMESPACE_INODES.pid });
    expect(monitor.namespaces.net).toEqual({ mode: 'host', container: null, inode: HOST_NAMESPACE_INODES.net });
    expect(monitor.namespaces.user.mode).toBe('host');
    expect(monitor.tty).toBe(true);
    const web = await engine.inspectContainer('shop-web-1');

    const inMonitor = await (await shellIn(engine, 'monitor')).run('ps');
    expect(inMonitor).toContain('/usr/bin/dockerd');
    expect(inMonitor).toMatch(new RegExp(`\\s${web.pid} root\\s+0:00 nginx: master process`));
    const inWeb = await (await shellIn(engine, 'shop-web-1')).run('ps');
    expect(inWeb).toMatch(/\s1 root\s+0:00 nginx: master process/);
    expect(inWeb).not.toContain('dockerd');
  });

  it('lists images with one dangling, volumes with one unused, and the four networks', async () => {
    const engine = open();
    const images = await engine.listImages();
    expect(images.filter((i) => i.dangling)).toHaveLength(1);
    expect(images.find((i) => i.tags.includes('nginx:1.27-alpine'))?.containers).toBe(1);
    const volumes = await engine.listVolumes();
    expect(volumes.find((v) => v.name === 'shop_db-data')?.inUseBy).toEqual(['shop-db-1']);
    expect(volumes.filter((v) => v.inUseBy.length === 0).map((v) => v.name)).toEqual(['scratch']);
    const networks = await engine.listNetworks();
    expect(networks.map((n) => n.name)).toEqual(['bridge', 'host', 'none', 'shop_default']);
    expect(networks.find((n) => n.name === 'shop_default')).toMatchObject({ subnet: '172.18.0.0/16', gateway: '172.18.0.1', containers: 3 });
    expect(networks.find((n) => n.name === 'host')?.containers).toBe(1);
  });
});

describe('SimulatedEngine rules', () => {
  it('answers Docker\'s errors for refused and unknown actions', async () => {
    const engine = open();
    const redis = await byName(engine, 'redis');
    await expect(rejection(engine.act('redis', 'pause', {}))).resolves.toMatchObject({ code: 'CONFLICT', message: `Container ${redis.id} is not running` });
    await expect(rejection(engine.act('shop-web-1', 'remove', {}))).resolves.toMatchObject({ code: 'CONFLICT' });
    await expect(rejection(engine.act('nope', 'start', {}))).resolves.toMatchObject({ code: 'NOT_FOUND', message: 'No such container: nope' });
    await expect(rejection(engine.openExec('redis', { cols: 80, rows: 24 }, () => undefined, () => undefined))).resolves.toMatchObject({ code: 'CONFLICT' });
    await expect(rejection(engine.removeImage('nginx:1.27-alpine', true))).resolves.toMatchObject({ code: 'CONFLICT' });
    await expect(rejection(engine.removeVolume('shop_db-data', true))).resolves.toMatchObject({ code: 'CONFLICT' });
  });

  it('treats starting a running container as a no-op and stops with the program\'s exit code', async () => {
    const engine = open();
    const before = await engine.inspectContainer('shop-web-1');
    await engine.act('shop-web-1', 'start', {});
    expect((await engine.inspectContainer('shop-web-1')).startedAt).toBe(before.startedAt);
    await engine.act('sidecar', 'stop', {});
    expect(await engine.inspectContainer('sidecar')).toMatchObject({ state: 'exited', exitCode: 137, pid: null });
    await engine.act('shop-web-1', 'stop', {});
    await expect(rejection(engine.act('sidecar', 'start', {}))).resolves.toMatchObject({ code: 'CONFLICT' });
  });

  it('prunes only the dangling image and the unused volume', async () => {
    const engine = open();
    const dangling = (await engine.listImages()).find((i) => i.dangling);
    const images = await engine.pruneImages();
    expect(images).toEqual({ deleted: [dangling?.id], reclaimedBytes: dangling?.sizeBytes });
    expect((await engine.listImages()).some((i) => i.dangling)).toBe(false);
    const volumes = await engine.pruneVolumes();
    expect(volumes.deleted).toEqual(['scratch']);
    expect(volumes.reclaimedBytes).toBeGreaterThan(0);
    const [redisData] = (await engine.listVolumes()).filter((v) => v.inUseBy.includes('redis')).map((v) => v.name);
    await engine.act('redis', 'remove', { removeVolumes: true });
    expect((await engine.listVolumes()).map((v) => v.name)).toEqual(['shop_db-data']);
    expect(redisData).toMatch(/^[0-9a-f]{64}$/);
  });

  it('samples stats that move with the clock and respect the cgroup limits', async () => {
    const engine = open();
    const first = await engine.statsOnce('shop-web-1');
    expect(await open().statsOnce('shop-web-1')).toEqual(first);
    const cpus = new Set<number>();
    let previous = first;
    for (let i = 0; i < 20; i++) {
      clock.advance(1_000);
      const sample = await engine.statsOnce('shop-web-1');
      cpus.add(sample.cpuPercent);
      expect(sample.cpuPercent).toBeLessThanOrEqual(50);
      expect(sample.memoryUsedBytes).toBeLessThanOrEqual(128 * MiB);
      expect(sample.memoryLimitBytes).toBe(128 * MiB);
      expect(sample.netRxBytes).toBeGreaterThan(previous.netRxBytes);
      expect(sample.netTxBytes).toBeGreaterThan(previous.netTxBytes);
      previous = sample;
    }
    expect(cpus.size).toBeGreaterThan(5);
    expect((await engine.statsOnce('monitor')).netRxBytes).toBe(0);
    expect((await engine.statsOnce('redis')).cpuPercent).toBe(0);
  });
});

describe('SimulatedEngine logs and exec', () => {
  it('tails plausible timestamped lines and follows new ones until the container stops', async () => {
    const engine = open();
    const lines: LogLine[] = [];
    let ended = 0;
    const handle = await engine.followLogs('shop-web-1', { tail: 5, timestamps: true }, (batch) => lines.push(...batch), () => ended++);
    expect(handle.tty).toBe(false);
    await expect.poll(() => lines.length).toBe(5);
    expect(lines.every((l) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z$/.test(l.timestamp ?? ''))).toBe(true);
    expect(lines.filter((l) => / "GET \S+ HTTP\/1\.1" \d{3} /.test(l.text)).length).toBeGreaterThanOrEqual(4);
    clock.advance(6_000);
    await expect.poll(() => lines.length).toBeGreaterThanOrEqual(7);
    expect(lines.length).toBeLessThanOrEqual(11);
    await engine.act('shop-web-1', 'stop', {});
    await expect.poll(() => ended).toBe(1);
    expect(lines.at(-1)?.text).toMatch(/\[notice\] 1#1: exit$/);
    handle.stop();
  });

  it('gives TTY containers one stream and honours tail 0', async () => {
    const engine = open();
    const lines: LogLine[] = [];
    const handle = await engine.followLogs('monitor', { tail: 0, timestamps: false }, (batch) => lines.push(...batch), () => undefined);
    expect(handle.tty).toBe(true);
    clock.advance(4_000);
    await expect.poll(() => lines.length).toBeGreaterThanOrEqual(1);
    expect(lines.every((l) => l.stream === 'stdout' && l.timestamp === null && l.text.includes('load'))).toBe(true);
    handle.stop();
  });

  it('runs a tiny shell typed character by character', async () => {
    const engine = open();
    const web = await engine.inspectContainer('shop-web-1');
    const shell = await shellIn(engine, 'shop-web-1');
    expect(await shell.run('echo hello   world')).toBe('echo hello   world\r\nhello world\r\n/ # ');
    expect(await shell.run('hostname')).toContain(`${web.id.slice(0, 12)}\r\n`);
    expect(await shell.run('cat /proc/self/cgroup')).toContain('0::/\r\n');
    expect(await shell.run(`readlink /proc/self/ns/net`)).toContain(`net:[${web.namespaces.net.inode}]`);
    expect(await shell.run('ls')).toContain('docker-entrypoint.sh');
    expect(await shell.run('nope')).toContain('sh: nope: not found');
    const typed = await shell.run('echo abX\x7fc');
    expect(typed).toContain('\b \b');
    expect(typed).toContain('\r\nabc\r\n');
    await shell.run('exit 3');
    expect(shell.exits).toEqual([3]);
  });
});

describe('SimulatedEngine persistence and events', () => {
  it('keeps its state in the data directory, shared by every instance', async () => {
    const first = open();
    await first.act('shop-api-1', 'stop', {});
    expect(fs.existsSync(path.join(temp.dir, SIMULATED_ENGINE_FILE))).toBe(true);
    clock.advance(60_000);
    const second = open();
    expect((await byName(second, 'shop-api-1')).state).toBe('exited');
    expect((await second.listContainers()).length).toBe(6);
    const id = second.createForTest({ name: 'extra', labels: { role: 'test' } });
    expect((await byName(first, 'extra')).id).toBe(id);
  });

  it('reports this process\'s changes and another process\'s changes as container events', async () => {
    const watcher = open();
    const other = open();
    const api = await byName(watcher, 'shop-api-1');
    const seen: EngineEvent[] = [];
    const stream = watcher.events(null, (event) => seen.push(event), () => undefined);
    await watcher.act('shop-api-1', 'pause', {});
    expect(seen).toEqual([{ type: 'container', action: 'pause', id: api.id, time: Math.floor(clock.now() / 1000) }]);
    await other.act('shop-api-1', 'unpause', {});
    await other.act('redis', 'start', {});
    const redis = await byName(other, 'redis');
    await expect
      .poll(() => seen.map((e) => `${e.action}:${e.id}`), { timeout: 3_000 })
      .toEqual([`pause:${api.id}`, `unpause:${api.id}`, `start:${redis.id}`]);
    stream.stop();
    // The positive signal: a stream opened after the stop sees the next event, which the stopped one must not.
    const later: EngineEvent[] = [];
    const witness = watcher.events(null, (event) => later.push(event), () => undefined);
    await other.act('redis', 'stop', {});
    await expect.poll(() => later.some((e) => e.action === 'stop' && e.id === redis.id), { timeout: 3_000 }).toBe(true);
    witness.stop();
    expect(seen).toHaveLength(3);
  });

  it('replays stored events since a time', async () => {
    const engine = open();
    await engine.act('redis', 'start', {});
    clock.advance(10_000);
    await engine.act('redis', 'restart', {});
    const seen: string[] = [];
    const stream = engine.events(Math.floor(clock.now() / 1000), (e) => seen.push(e.action), () => undefined);
    await expect.poll(() => seen).toEqual(['kill', 'die', 'stop', 'start', 'restart']);
    stream.stop();
  });
});
