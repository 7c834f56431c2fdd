import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContainerDetail, ContainerStats, ContainerSummary, type LogLine } from '../../shared/model/container';
import { ImageSummary, NetworkSummary, VolumeSummary } from '../../shared/model/engine';
import type { ContainerEngine, EngineEvent } from '../../electron/services/docker/container-engine';
import type { SimulatedContainerSpec } from '../../electron/services/docker/simulated/simulated-engine';
import { eventually } from '../helpers/docker-engine';

/**
 * What a contract test asks the engine under test to create. Every container runs a long-lived process
 * that prints `logLines` (one per line, stdout) once at start, then, when `ticking`, `tick-1`, `tick-2`, …
 * every 200 ms and otherwise nothing, and exits 0 promptly on SIGTERM (for a busybox image:
 * `sh -c 'trap "exit 0" TERM; printf …; while :; do sleep 1; done'`).
 */
export type TestContainerSpec = Omit<SimulatedContainerSpec, 'image' | 'labels'> & {
  /** Labels to set (the suite always sets `lightdock.test=contract`, for cleanup by label). */
  labels: Record<string, string>;
};

/** What one engine's setup hands the suite; `createContainer` returns the full container id. */
export interface EngineContractContext {
  engine: ContainerEngine;
  createContainer(spec: TestContainerSpec): Promise<string>;
  cleanup(): Promise<void>;
}

const MiB = 1024 * 1024;
const LABELS = { 'lightdock.test': 'contract' };

/** Asserts that the promise rejects with a ServiceError of the code, naming the reference. */
async function expectServiceError(promise: Promise<unknown>, code: string, mentions?: string): Promise<void> {
  const error: unknown = await promise.then(
    () => new Error(`expected a ${code} error, but the call succeeded`),
    (e: unknown) => e,
  );
  expect(error).toMatchObject({ name: 'ServiceError', code });
  if (mentions !== undefined) expect((error as Error).message).toContain(mentions);
}

/**
 * The behaviour every ContainerEngine must show, run against the simulated engine and a real dockerd.
 * `setup` runs once for the block; containers are named uniquely, so tests do not depend on each other.
 */
export function describeEngineContract(label: string, setup: () => Promise<EngineContractContext>): void {
  describe(`ContainerEngine contract: ${label}`, () => {
    let ctx: EngineContractContext;
    let counter = 0;
    const run = Math.random().toString(36).slice(2, 8);
    const nameFor = (what: string): string => `lightdock-contract-${run}-${what}-${++counter}`;
    const create = (spec: Omit<TestContainerSpec, 'labels'> & { labels?: Record<string, string> }): Promise<string> =>
      ctx.createContainer({ ...spec, labels: { ...LABELS, ...spec.labels } });
    const summaryOf = async (id: string): Promise<ContainerSummary | undefined> =>
      (await ctx.engine.listContainers()).find((c) => c.id === id);

    beforeAll(async () => {
      ctx = await setup();
    }, 120_000);
    afterAll(async () => {
      await ctx?.cleanup();
    }, 60_000);

    it('names its kind and endpoint and answers a ping', async () => {
      expect(['docker', 'simulated']).toContain(ctx.engine.kind);
      expect(ctx.engine.endpoint.length).toBeGreaterThan(0);
      const identity = await ctx.engine.ping(5_000);
      expect(identity).toHaveProperty('serverVersion');
      expect(identity).toHaveProperty('apiVersion');
      expect(identity).toHaveProperty('os');
    });

    it('lists a created container with the model fields filled in', async () => {
      const name = nameFor('list');
      const id = await create({ name, labels: { 'contract.role': 'listed' }, publish: { containerPort: 80 } });
      const row = await summaryOf(id);
      expect(row, `container ${id} is listed`).toBeDefined();
      const summary = ContainerSummary.parse(row);
      expect(summary.id).toMatch(/^[0-9a-f]{64}$/);
      expect(summary.name).toBe(name);
      expect(summary.state).toBe('running');
      expect(summary.status).toMatch(/^Up /);
      expect(summary.image.length).toBeGreaterThan(0);
      expect(summary.imageId).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(summary.command.length).toBeGreaterThan(0);
      expect(Number.isInteger(summary.created)).toBe(true);
      expect(Math.abs(summary.created - Date.now() / 1000)).toBeLessThan(24 * 3600);
      expect(summary.labels).toMatchObject({ ...LABELS, 'contract.role': 'listed' });
      expect(summary.composeProject).toBeNull();
      expect(summary.composeService).toBeNull();
      const published = summary.ports.find((p) => p.privatePort === 80 && p.publicPort !== null);
      expect(published).toMatchObject({ ip: '127.0.0.1', type: 'tcp' });
      expect(published?.publicPort).toBeGreaterThan(0);
      const bridge = summary.networks.find((n) => n.name === 'bridge');
      expect(bridge?.ipAddress).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
      const images = (await ctx.engine.listImages()).map((i) => ImageSummary.parse(i));
      expect(images.map((i) => i.id)).toContain(summary.imageId);
    });

    it('lists images, volumes and the default networks in the model shape', async () => {
      const networks = (await ctx.engine.listNetworks()).map((n) => NetworkSummary.parse(n));
      expect(networks.map((n) => n.name)).toEqual(expect.arrayContaining(['bridge', 'host', 'none']));
      expect(networks.find((n) => n.name === 'bridge')).toMatchObject({ driver: 'bridge', scope: 'local' });
      for (const volume of await ctx.engine.listVolumes()) VolumeSummary.parse(volume);
      for (const image of await ctx.engine.listImages()) ImageSummary.parse(image);
    });

    it('inspect maps cgroup limits, the process and private namespaces exactly', async () => {
      const name = nameFor('limits');
      const id = await create({ name, memory: 64 * MiB, nanoCpus: 500_000_000, pidsLimit: 64 });
      const detail = ContainerDetail.parse(await ctx.engine.inspectContainer(id));
      expect(detail.id).toBe(id);
      expect(detail.name).toBe(name);
      expect(detail.cgroup).toMatchObject({ memoryLimitBytes: 64 * MiB, nanoCpus: 500_000_000, pidsLimit: 64 });
      expect([1, 2, null]).toContain(detail.cgroup.version);
      expect(detail.pid).toBeGreaterThan(0);
      expect(detail.tty).toBe(false);
      expect(detail.startedAt).not.toBeNull();
      expect(detail.restartCount).toBe(0);
      for (const kind of ['pid', 'net', 'ipc', 'uts', 'mnt'] as const) {
        expect(detail.namespaces[kind], `${kind} namespace`).toMatchObject({ mode: 'private', container: null });
      }
      expect(['private', 'host']).toContain(detail.namespaces.cgroup.mode);
      expect(detail.namespaces.user).toMatchObject({ mode: 'host', container: null });
      expect(detail.inspect).toBeTypeOf('object');
      const byName = await ctx.engine.inspectContainer(name);
      expect(byName.id).toBe(id);
      const byPrefix = await ctx.engine.inspectContainer(id.slice(0, 12));
      expect(byPrefix.id).toBe(id);
    });

    it('inspect reports unlimited cgroup settings as null and the TTY flag', async () => {
      const id = await create({ name: nameFor('unlimited'), tty: true });
      const detail = await ctx.engine.inspectContainer(id);
      expect(detail.tty).toBe(true);
      expect(detail.cgroup.memoryLimitBytes).toBeNull();
      expect(detail.cgroup.nanoCpus).toBeNull();
    });

    it('inspect maps shared and host namespaces', async () => {
      const ownerName = nameFor('net-owner');
      const owner = await create({ name: ownerName });
      const sharer = await create({ name: nameFor('net-sharer'), shareNetWith: ownerName });
      const host = await create({ name: nameFor('pid-host'), pidHost: true });
      const isolated = await create({ name: nameFor('net-none'), networkNone: true });

      const ownerDetail = await ctx.engine.inspectContainer(owner);
      const sharerDetail = await ctx.engine.inspectContainer(sharer);
      expect(sharerDetail.namespaces.net.mode).toBe('container');
      const sharedWith = sharerDetail.namespaces.net.container ?? '';
      expect(sharedWith === ownerName || (sharedWith.length >= 12 && owner.startsWith(sharedWith))).toBe(true);
      if (ownerDetail.namespaces.net.inode !== null && sharerDetail.namespaces.net.inode !== null) {
        expect(sharerDetail.namespaces.net.inode).toBe(ownerDetail.namespaces.net.inode);
      }
      if (ownerDetail.namespaces.pid.inode !== null && sharerDetail.namespaces.pid.inode !== null) {
        expect(sharerDetail.namespaces.pid.inode).not.toBe(ownerDetail.namespaces.pid.inode);
      }
      expect(sharerDetail.ports).toEqual([]);

      const hostDetail = await ctx.engine.inspectContainer(host);
      expect(hostDetail.namespaces.pid).toMatchObject({ mode: 'host', container: null });
      expect(hostDetail.namespaces.net.mode).toBe('private');

      const isolatedDetail = await ctx.engine.inspectContainer(isolated);
      expect(isolatedDetail.namespaces.net.mode).toBe('private');
      expect(isolatedDetail.networks.every((n) => n.name === 'none')).toBe(true);
      expect(isolatedDetail.networks.every((n) => !n.ipAddress)).toBe(true);
    });

    it('follows Docker lifecycle rules and errors', async () => {
      const name = nameFor('lifecycle');
      const id = await create({ name });
      const state = async (): Promise<ContainerSummary | undefined> => summaryOf(id);

      await ctx.engine.act(id, 'start', {});
      expect((await state())?.state).toBe('running');

      await ctx.engine.act(id, 'pause', {});
      const paused = await state();
      expect(paused?.state).toBe('paused');
      expect(paused?.status).toMatch(/\(Paused\)$/);
      await expectServiceError(ctx.engine.act(id, 'pause', {}), 'CONFLICT');
      await ctx.engine.act(id, 'unpause', {});
      expect((await state())?.state).toBe('running');
      await expectServiceError(ctx.engine.act(id, 'unpause', {}), 'CONFLICT');

      await ctx.engine.act(id, 'stop', {});
      const stopped = await state();
      expect(stopped?.state).toBe('exited');
      expect(stopped?.status).toMatch(/^Exited \(0\) /);
      const stoppedDetail = await ctx.engine.inspectContainer(id);
      expect(stoppedDetail.exitCode).toBe(0);
      expect(stoppedDetail.pid === null || stoppedDetail.pid === 0).toBe(true);
      expect(stoppedDetail.finishedAt).not.toBeNull();
      await expectServiceError(ctx.engine.act(id, 'pause', {}), 'CONFLICT', 'is not running');
      await expectServiceError(ctx.engine.act(id, 'kill', {}), 'CONFLICT', 'is not running');
      await ctx.engine.act(id, 'stop', {});
      expect((await state())?.state).toBe('exited');

      await ctx.engine.act(id, 'start', {});
      expect((await state())?.state).toBe('running');
      await ctx.engine.act(id, 'restart', {});
      expect((await state())?.state).toBe('running');

      await ctx.engine.act(id, 'kill', {});
      const killed = await state();
      expect(killed?.state).toBe('exited');
      expect(killed?.status).toMatch(/^Exited \(137\) /);

      await ctx.engine.act(id, 'start', {});
      await expectServiceError(ctx.engine.act(id, 'remove', {}), 'CONFLICT');
      expect(await state()).toBeDefined();
      await ctx.engine.act(id, 'remove', { force: true });
      expect(await state()).toBeUndefined();
      await expectServiceError(ctx.engine.inspectContainer(id), 'NOT_FOUND', 'No such container');
      await expectServiceError(ctx.engine.act(name, 'start', {}), 'NOT_FOUND', name);
    }, 90_000);

    it('removes a stopped container without force and answers NOT_FOUND for unknown references', async () => {
      const id = await create({ name: nameFor('created'), start: false });
      expect((await summaryOf(id))?.state).toBe('created');
      await ctx.engine.act(id, 'remove', {});
      expect(await summaryOf(id)).toBeUndefined();
      const unknown = `lightdock-contract-${run}-missing`;
      await expectServiceError(ctx.engine.inspectContainer(unknown), 'NOT_FOUND', unknown);
      await expectServiceError(ctx.engine.statsOnce(unknown), 'NOT_FOUND');
      await expectServiceError(ctx.engine.act(unknown, 'stop', {}), 'NOT_FOUND', unknown);
    });

    it('samples stats in the model shape, within the cgroup limits', async () => {
      const name = nameFor('stats');
      const id = await create({ name, memory: 128 * MiB, nanoCpus: 1_000_000_000 });
      const sample = ContainerStats.parse(await ctx.engine.statsOnce(id));
      expect(sample.id).toBe(id);
      expect(sample.name).toBe(name);
      expect(sample.memoryLimitBytes).toBe(128 * MiB);
      expect(sample.memoryUsedBytes).toBeGreaterThanOrEqual(0);
      expect(sample.memoryUsedBytes).toBeLessThanOrEqual(sample.memoryLimitBytes);
      expect(sample.memoryPercent).toBeCloseTo((sample.memoryUsedBytes / sample.memoryLimitBytes) * 100, 5);
      expect(sample.cpuPercent).toBeGreaterThanOrEqual(0);
      expect(sample.cpuPercent).toBeLessThanOrEqual(100 * 1.05);
      expect(sample.pids).toBeGreaterThanOrEqual(1);
      for (const counter of [sample.netRxBytes, sample.netTxBytes, sample.blockReadBytes, sample.blockWriteBytes]) {
        expect(counter).toBeGreaterThanOrEqual(0);
      }
      expect(Math.abs(sample.timestamp - Date.now())).toBeLessThan(24 * 3600 * 1000);
    });

    it('follows logs from the tail with timestamps and stops when told', async () => {
      const printed = ['contract-line-1', 'contract-line-2', 'contract-line-3'];
      const id = await create({ name: nameFor('logs'), logLines: printed });
      const all: LogLine[] = [];
      const untimed = await ctx.engine.followLogs(id, { tail: 100, timestamps: false }, (batch) => all.push(...batch), () => undefined);
      expect(untimed.tty).toBe(false);
      await eventually(() => expect(all.map((l) => l.text)).toEqual(printed));
      expect(all.every((l) => l.stream === 'stdout' && l.timestamp === null)).toBe(true);
      untimed.stop();
      untimed.stop();

      const tail: LogLine[] = [];
      const timed = await ctx.engine.followLogs(id, { tail: 2, timestamps: true }, (batch) => tail.push(...batch), () => undefined);
      await eventually(() => expect(tail.map((l) => l.text)).toEqual(['contract-line-2', 'contract-line-3']));
      for (const line of tail) expect(Number.isNaN(Date.parse(line.timestamp ?? ''))).toBe(false);
      timed.stop();
    });

    it('delivers no log line after stop while the container keeps printing', async () => {
      const id = await create({ name: nameFor('ticking'), ticking: true });
      const tickOf = (line: LogLine | undefined): number => Number(/^tick-(\d+)$/.exec(line?.text ?? '')?.[1] ?? Number.NaN);
      const stopped: LogLine[] = [];
      let stoppedEnded = false;
      const first = await ctx.engine.followLogs(id, { tail: 0, timestamps: false }, (batch) => stopped.push(...batch), () => (stoppedEnded = true));
      await eventually(() => expect(stopped.length).toBeGreaterThanOrEqual(2), 15_000);
      first.stop();
      const delivered = stopped.length;
      const lastTick = tickOf(stopped.at(-1));
      expect(lastTick).toBeGreaterThan(0);

      // The positive signal: a second follower sees ticks printed well after the first one stopped.
      const later: LogLine[] = [];
      const second = await ctx.engine.followLogs(id, { tail: 0, timestamps: false }, (batch) => later.push(...batch), () => undefined);
      try {
        await eventually(() => expect(later.some((line) => tickOf(line) > lastTick + 5)).toBe(true), 15_000);
      } finally {
        second.stop();
      }
      expect(stopped.length).toBe(delivered);
      expect(stoppedEnded).toBe(false);
    });

    it('opens an interactive shell that runs a command and exits', async () => {
      const id = await create({ name: nameFor('exec') });
      let output = '';
      let resolveExit: (code: number | null) => void = () => undefined;
      const exited = new Promise<number | null>((resolve) => (resolveExit = resolve));
      const exec = await ctx.engine.openExec(id, { cols: 80, rows: 24 }, (data) => (output += data), (code) => resolveExit(code));
      await exec.resize(100, 30);
      exec.write('echo contract-ok\r');
      await eventually(() => expect(output).toMatch(/(^|\n)contract-ok\r?\n/));
      expect(output).toContain('echo contract-ok');
      exec.write('exit\r');
      await expect(exited).resolves.toBe(0);
      exec.close();
    });

    it('refuses an exec in a stopped container', async () => {
      const id = await create({ name: nameFor('exec-stopped'), start: false });
      await expectServiceError(
        ctx.engine.openExec(id, { cols: 80, rows: 24 }, () => undefined, () => undefined),
        'CONFLICT',
        'is not running',
      );
    });

    it('streams container events for a state change', async () => {
      const id = await create({ name: nameFor('events') });
      const events: EngineEvent[] = [];
      const since = Math.floor(Date.now() / 1000) - 1;
      const stream = ctx.engine.events(since, (event) => events.push(event), () => undefined);
      try {
        await ctx.engine.act(id, 'pause', {});
        await ctx.engine.act(id, 'unpause', {});
        const pause = await eventually(() => {
          const found = events.find((e) => e.type === 'container' && e.action === 'pause' && e.id === id);
          expect(found).toBeDefined();
          return found!;
        });
        expect(Math.abs(pause.time - Date.now() / 1000)).toBeLessThan(120);
        await eventually(() => expect(events.some((e) => e.action === 'unpause' && e.id === id)).toBe(true));
      } finally {
        stream.stop();
        stream.stop();
      }
    });

    it('streams stats samples until stopped', async () => {
      const id = await create({ name: nameFor('stats-stream') });
      const samples: ContainerStats[] = [];
      let ended = false;
      const stream = ctx.engine.streamStats(id, (sample) => samples.push(sample), () => (ended = true));
      try {
        await eventually(() => expect(samples.length).toBeGreaterThanOrEqual(1), 15_000);
        expect(ContainerStats.parse(samples[0]).id).toBe(id);
      } finally {
        stream.stop();
      }
      const seen = samples.length;
      // The positive signal: a second stream gets two samples taken after the first one stopped.
      const later: ContainerStats[] = [];
      const second = ctx.engine.streamStats(id, (sample) => later.push(sample), () => undefined);
      try {
        await eventually(() => expect(later.length).toBeGreaterThanOrEqual(2), 15_000);
      } finally {
        second.stop();
      }
      expect(samples.length).toBe(seen);
      expect(ended).toBe(false);
    });
  });
}
