import { streamsOnlyEngine } from '../../../helpers/streams-only-engine';
import { afterEach, describe, expect, it } from 'vitest';
import type { LogLine } from '../../../../shared/model/container';
import type { ContainerEngine, ExecHandle } from '../../../../electron/services/docker/container-engine';
import { ContainerStreams, DEFAULT_STREAM_LIMITS } from '../../../../electron/services/docker/container-streams';
import { ServiceError } from '../../../../electron/services/errors';
import { RecordingEventSink, RecordingLogger } from '../../../helpers/recording';

// Subscription caps (per client, per host, containers watched) and flow control (setFlow) of ContainerStreams.

/** Counts what the engine opened and stopped; only the stream methods of the port are used by ContainerStreams. */
class CountingEngine {
  opened = { logs: 0, stats: 0, exec: 0 };
  stopped = 0;
  paused = 0;
  resumed = 0;
  logSinks: Array<(lines: LogLine[]) => void> = [];
  execOutputs: Array<(data: string) => void> = [];

  asEngine(): ContainerEngine {
    return streamsOnlyEngine({
      streamStats: () => {
        this.opened.stats += 1;
        return { stop: () => void (this.stopped += 1) };
      },
      followLogs: async (_ref, _options, onLines) => {
        this.opened.logs += 1;
        this.logSinks.push(onLines);
        return { tty: false, stop: () => void (this.stopped += 1) };
      },
      openExec: async (_ref, _options, onOutput): Promise<ExecHandle> => {
        this.opened.exec += 1;
        this.execOutputs.push(onOutput);
        return {
          write: () => undefined,
          resize: async () => undefined,
          close: () => void (this.stopped += 1),
          pause: () => void (this.paused += 1),
          resume: () => void (this.resumed += 1),
        };
      },
    });
  }
}

let streams: ContainerStreams;
const made: ContainerStreams[] = [];
let engine: CountingEngine;
let events: RecordingEventSink;

function make(limits: Partial<typeof DEFAULT_STREAM_LIMITS> = {}): void {
  engine = new CountingEngine();
  events = new RecordingEventSink();
  const current = engine.asEngine();
  streams = new ContainerStreams({ engine: { current: async () => current }, events, logger: new RecordingLogger(), limits: { logFlushMs: 1, ...limits } });
  made.push(streams);
}

afterEach(() => {
  for (const each of made.splice(0)) each.dispose();
});

async function refusal(open: Promise<unknown>): Promise<ServiceError> {
  const error = await open.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ServiceError);
  return error as ServiceError;
}

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe('subscription caps', () => {
  it('states 32 per client, 256 per host and 2,048 containers watched as the defaults', () => {
    expect(DEFAULT_STREAM_LIMITS).toMatchObject({ maxPerClient: 32, maxPerHost: 256, maxWatchedContainers: 2048 });
  });

  it('refuses the 33rd subscription of one client with CONFLICT and opens nothing for it', async () => {
    make();
    for (let i = 0; i < 16; i++) await streams.followLogs('a', `c${i}`, { tail: 10, timestamps: false });
    for (let i = 0; i < 8; i++) await streams.watchStats('a', [`c${i}`]);
    for (let i = 0; i < 8; i++) await streams.openExec('a', `c${i}`, { cols: 80, rows: 24 });
    const before = { ...engine.opened };
    for (const open of [
      streams.followLogs('a', 'x', { tail: 10, timestamps: false }),
      streams.watchStats('a', ['x']),
      streams.openExec('a', 'x', { cols: 80, rows: 24 }),
    ]) {
      const error = await refusal(open);
      expect(error.code).toBe('CONFLICT');
      expect(error.message).toMatch(/32 open log, stats and terminal streams/);
      expect(error.details).toEqual({ limit: 32, scope: 'client' });
    }
    expect(engine.opened).toEqual(before);
    await expect(streams.followLogs('b', 'x', { tail: 10, timestamps: false })).resolves.toMatchObject({ subscriptionId: expect.any(String) });
  });

  it('counts subscriptions still opening, so a burst cannot pass the cap', async () => {
    make({ maxPerClient: 3 });
    const burst = Array.from({ length: 10 }, (_, i) => streams.followLogs('a', `c${i}`, { tail: 0, timestamps: false }));
    const settled = await Promise.allSettled(burst);
    expect(settled.filter((s) => s.status === 'fulfilled')).toHaveLength(3);
    expect(engine.opened.logs).toBe(3);
  });

  it('frees a place when a subscription stops or its client goes', async () => {
    make({ maxPerClient: 2 });
    const first = await streams.followLogs('a', 'c1', { tail: 0, timestamps: false });
    await streams.watchStats('a', ['c1']);
    await refusal(streams.followLogs('a', 'c2', { tail: 0, timestamps: false }));
    streams.stop('a', first.subscriptionId);
    await streams.followLogs('a', 'c2', { tail: 0, timestamps: false });
    streams.releaseClient('a');
    await streams.followLogs('a', 'c3', { tail: 0, timestamps: false });
    await streams.followLogs('a', 'c4', { tail: 0, timestamps: false });
  });

  it('refuses past the host cap for any client', async () => {
    make({ maxPerClient: 4, maxPerHost: 10 });
    for (let i = 0; i < 10; i++) await streams.followLogs(`client-${i}`, 'c', { tail: 0, timestamps: false });
    const error = await refusal(streams.watchStats('fresh', ['c']));
    expect(error).toMatchObject({ code: 'CONFLICT', details: { limit: 10, scope: 'host' } });
    expect(engine.opened.stats).toBe(0);
  });

  it('refuses a stats watch that would pass the containers-watched bound, counting distinct names', async () => {
    make({ maxWatchedContainers: 5 });
    await streams.watchStats('a', ['c1', 'c2', 'c3', 'c1']);
    const error = await refusal(streams.watchStats('b', ['d1', 'd2', 'd3']));
    expect(error).toMatchObject({ code: 'CONFLICT', details: { limit: 5, scope: 'stats' } });
    await streams.watchStats('b', ['d1', 'd2']);
    expect(engine.opened.stats).toBe(5);
  });
});

describe('flow control (setFlow)', () => {
  it('pauses a held client’s terminals at the source and resumes them, other clients untouched', async () => {
    make();
    await streams.openExec('a', 'c', { cols: 80, rows: 24 });
    await streams.openExec('b', 'c', { cols: 80, rows: 24 });
    streams.setFlow('a', false);
    streams.setFlow('a', false);
    expect(engine.paused).toBe(1);
    await streams.openExec('a', 'c', { cols: 80, rows: 24 });
    expect(engine.paused).toBe(2);
    streams.setFlow('a', true);
    expect(engine.resumed).toBe(2);
  });

  it('holds a held client’s log lines within the cap and delivers them with the dropped count on resume', async () => {
    make({ logCapLines: 5, logBatchLines: 5 });
    const { subscriptionId } = await streams.followLogs('a', 'c', { tail: 0, timestamps: false });
    await tick();
    streams.setFlow('a', false);
    const line = (n: number): LogLine => ({ stream: 'stdout', text: `line ${n}`, timestamp: null });
    // A full batch is pushed synchronously when the client flows, so nothing pushed here means it was held.
    engine.logSinks[0]?.(Array.from({ length: 12 }, (_, i) => line(i)));
    expect(events.events.filter((e) => e.channel === 'logs:received')).toEqual([]);
    streams.setFlow('a', true);
    const pushed = events.events.filter((e) => e.channel === 'logs:received');
    expect(pushed).toHaveLength(1);
    expect(pushed[0]).toMatchObject({ target: 'a', payload: { subscriptionId, droppedLines: 7, lines: [line(7), line(8), line(9), line(10), line(11)] } });
  });

  it('forgets the held state when the client goes', async () => {
    make();
    streams.setFlow('a', false);
    streams.releaseClient('a');
    await streams.openExec('a', 'c', { cols: 80, rows: 24 });
    expect(engine.paused).toBe(0);
  });
});
