import { streamsOnlyEngine } from '../../../helpers/streams-only-engine';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContainerStats, LogLine } from '../../../../shared/model/container';
import type { ContainerEngine, ExecHandle, StreamHandle } from '../../../../electron/services/docker/container-engine';
import { ContainerStreams } from '../../../../electron/services/docker/container-streams';
import { ServiceError } from '../../../../electron/services/errors';
import { RecordingEventSink, RecordingLogger } from '../../../helpers/recording';

interface FakeStream {
  ref: string;
  stopped: boolean;
  emit: (value: never) => void;
  end: (error?: Error) => void;
}

interface FakeExec {
  ref: string;
  options: { cols: number; rows: number; command?: string[] };
  written: string[];
  sizes: Array<[number, number]>;
  closed: boolean;
  output: (data: string) => void;
  exit: (code: number | null) => void;
}

/** An in-memory engine: only the stream methods of the port are implemented, the rest is not used here. */
class FakeEngine {
  readonly stats: Array<FakeStream & { emit: (sample: ContainerStats) => void }> = [];
  readonly logs: Array<FakeStream & { emit: (lines: LogLine[]) => void; options: { tail: number; timestamps: boolean } }> = [];
  readonly execs: FakeExec[] = [];
  tty = false;
  /** Lines the engine delivers while the follow is still opening (a tail arrives at once). */
  initialLines: LogLine[] = [];

  asEngine(): ContainerEngine {
    return streamsOnlyEngine({
      streamStats: (ref, onSample, onEnd): StreamHandle => {
        const stream = { ref, stopped: false, emit: onSample, end: onEnd };
        this.stats.push(stream);
        return { stop: () => void (stream.stopped = true) };
      },
      followLogs: async (ref, options, onLines, onEnd) => {
        if (ref === 'missing') throw new ServiceError('NOT_FOUND', 'No such container: missing');
        const stream = { ref, options, stopped: false, emit: onLines, end: onEnd };
        this.logs.push(stream);
        if (this.initialLines.length > 0) onLines(this.initialLines);
        return { tty: this.tty, stop: () => void (stream.stopped = true) };
      },
      openExec: async (ref, options, onOutput, onExit): Promise<ExecHandle> => {
        const exec: FakeExec = { ref, options, written: [], sizes: [], closed: false, output: onOutput, exit: onExit };
        this.execs.push(exec);
        onOutput('/ # ');
        return {
          write: (data) => void exec.written.push(data),
          resize: async (cols, rows) => void exec.sizes.push([cols, rows]),
          close: () => void (exec.closed = true),
        };
      },
    });
  }
}

function sample(id: string, cpuPercent: number): ContainerStats {
  return {
    id,
    name: id,
    cpuPercent,
    memoryUsedBytes: 1,
    memoryLimitBytes: 2,
    memoryPercent: 50,
    netRxBytes: 0,
    netTxBytes: 0,
    blockReadBytes: 0,
    blockWriteBytes: 0,
    pids: 1,
    timestamp: 0,
  };
}

function lines(count: number, from = 0): LogLine[] {
  return Array.from({ length: count }, (_, i) => ({ stream: 'stdout' as const, text: `line ${from + i}`, timestamp: null }));
}

describe('ContainerStreams', () => {
  let fake: FakeEngine;
  let events: RecordingEventSink;
  let streams: ContainerStreams;

  beforeEach(() => {
    vi.useFakeTimers();
    fake = new FakeEngine();
    events = new RecordingEventSink();
    const engine = fake.asEngine();
    streams = new ContainerStreams({ engine: { current: async () => engine }, events, logger: new RecordingLogger() });
  });

  afterEach(() => {
    streams.dispose();
    vi.useRealTimers();
  });

  const pushes = (channel: string) => events.events.filter((event) => event.channel === channel);

  describe('logs', () => {
    it('returns a subscription id and the TTY flag, and passes tail and timestamps to the engine', async () => {
      fake.tty = true;
      const result = await streams.followLogs('win-1', 'web', { tail: 100, timestamps: true });
      expect(result.subscriptionId).toMatch(/^logs-\d{1,12}$/);
      expect(result.tty).toBe(true);
      expect(fake.logs[0]).toMatchObject({ ref: 'web', options: { tail: 100, timestamps: true } });
    });

    it('batches lines into one push to the owner only, after the flush interval', async () => {
      const { subscriptionId } = await streams.followLogs('win-1', 'web', { tail: 0, timestamps: false });
      await streams.followLogs('win-2', 'web', { tail: 0, timestamps: false });
      await vi.advanceTimersByTimeAsync(0);
      const log = fake.logs[0]!;
      log.emit(lines(2));
      log.emit(lines(3, 2));
      expect(pushes('logs:received')).toHaveLength(0);
      await vi.advanceTimersByTimeAsync(50);
      expect(events.events).toEqual([{ channel: 'logs:received', target: 'win-1', payload: { subscriptionId, lines: lines(5), droppedLines: 0 } }]);
    });

    it('pushes at once when a batch is full, and holds lines until the id has been returned', async () => {
      fake.initialLines = lines(600);
      const { subscriptionId } = await streams.followLogs('win-1', 'web', { tail: 600, timestamps: false });
      expect(pushes('logs:received')).toHaveLength(0);
      await vi.advanceTimersByTimeAsync(0);
      expect(pushes('logs:received')).toEqual([{ channel: 'logs:received', target: 'win-1', payload: { subscriptionId, lines: lines(600), droppedLines: 0 } }]);
      fake.logs[0]!.emit(lines(500, 600));
      expect(pushes('logs:received')).toHaveLength(2);
    });

    it('keeps following while hidden, caps the buffer by dropping the oldest lines and reports how many', async () => {
      const { subscriptionId } = await streams.followLogs('win-1', 'web', { tail: 0, timestamps: false });
      await vi.advanceTimersByTimeAsync(0);
      streams.setVisibility('win-1', false);
      for (let i = 0; i < 5; i += 1) fake.logs[0]!.emit(lines(500, i * 500));
      await vi.advanceTimersByTimeAsync(1000);
      expect(pushes('logs:received')).toHaveLength(0);
      expect(fake.logs[0]!.stopped).toBe(false);
      streams.setVisibility('win-1', true);
      expect(pushes('logs:received')).toEqual([
        { channel: 'logs:received', target: 'win-1', payload: { subscriptionId, lines: lines(2000, 500), droppedLines: 500 } },
      ]);
    });

    it('flushes what is pending when the engine ends the stream, and keeps the id stoppable', async () => {
      const { subscriptionId } = await streams.followLogs('win-1', 'web', { tail: 0, timestamps: false });
      await vi.advanceTimersByTimeAsync(0);
      fake.logs[0]!.emit(lines(1));
      fake.logs[0]!.end();
      expect(pushes('logs:received')).toHaveLength(1);
      expect(() => streams.stop('win-1', subscriptionId)).not.toThrow();
    });

    it('passes the engine failure on and keeps nothing open', async () => {
      await expect(streams.followLogs('win-1', 'missing', { tail: 0, timestamps: false })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });
  });

  describe('stats', () => {
    it('streams each container once and pushes the latest sample of each, once per second, to the owner', async () => {
      const { subscriptionId } = await streams.watchStats('win-1', ['a', 'b', 'a']);
      expect(subscriptionId).toMatch(/^stats-\d{1,12}$/);
      expect(fake.stats.map((stream) => stream.ref)).toEqual(['a', 'b']);
      await vi.advanceTimersByTimeAsync(0);
      const [a, b] = fake.stats;
      a!.emit(sample('a', 1));
      b!.emit(sample('b', 2));
      a!.emit(sample('a', 3));
      await vi.advanceTimersByTimeAsync(999);
      expect(pushes('stats:sampled')).toHaveLength(0);
      await vi.advanceTimersByTimeAsync(1);
      expect(pushes('stats:sampled')).toEqual([
        { channel: 'stats:sampled', target: 'win-1', payload: { subscriptionId, samples: [sample('a', 3), sample('b', 2)] } },
      ]);
      await vi.advanceTimersByTimeAsync(3000);
      expect(pushes('stats:sampled')).toHaveLength(1);
    });

    it('stops the engine streams while the window is hidden and starts them again when it is visible', async () => {
      await streams.watchStats('win-1', ['a']);
      await streams.watchStats('win-2', ['b']);
      await vi.advanceTimersByTimeAsync(0);
      streams.setVisibility('win-1', false);
      expect(fake.stats.map((stream) => [stream.ref, stream.stopped])).toEqual([
        ['a', true],
        ['b', false],
      ]);
      fake.stats[0]!.emit(sample('a', 1));
      await vi.advanceTimersByTimeAsync(5000);
      expect(pushes('stats:sampled').filter((event) => event.target === 'win-1')).toHaveLength(0);

      streams.setVisibility('win-1', true);
      await vi.advanceTimersByTimeAsync(0);
      expect(fake.stats.map((stream) => [stream.ref, stream.stopped])).toEqual([
        ['a', true],
        ['b', false],
        ['a', false],
      ]);
      fake.stats[2]!.emit(sample('a', 7));
      await vi.advanceTimersByTimeAsync(1000);
      expect(pushes('stats:sampled').filter((event) => event.target === 'win-1').map((event) => event.payload)).toEqual([
        { subscriptionId: expect.stringMatching(/^stats-/), samples: [sample('a', 7)] },
      ]);
    });

    it('opens no engine stream for a client that is hidden', async () => {
      streams.setVisibility('win-1', false);
      await streams.watchStats('win-1', ['a']);
      expect(fake.stats).toHaveLength(0);
      streams.setVisibility('win-1', true);
      await vi.advanceTimersByTimeAsync(0);
      expect(fake.stats.map((stream) => stream.ref)).toEqual(['a']);
    });
  });

  describe('exec', () => {
    it('delivers output (the first prompt included) and the exit to the owner, and forwards input and resize', async () => {
      const { sessionId } = await streams.openExec('win-1', 'web', { cols: 80, rows: 24 });
      expect(sessionId).toMatch(/^exec-\d{1,12}$/);
      expect(fake.execs[0]).toMatchObject({ ref: 'web', options: { cols: 80, rows: 24 } });
      expect(pushes('exec:printed')).toHaveLength(0);
      await vi.advanceTimersByTimeAsync(0);
      expect(pushes('exec:printed')).toEqual([{ channel: 'exec:printed', target: 'win-1', payload: { sessionId, data: '/ # ' } }]);

      streams.input('win-1', sessionId, 'echo hi\r');
      await streams.resize('win-1', sessionId, 120, 40);
      expect(fake.execs[0]).toMatchObject({ written: ['echo hi\r'], sizes: [[120, 40]] });

      fake.execs[0]!.exit(0);
      expect(pushes('exec:exited')).toEqual([{ channel: 'exec:exited', target: 'win-1', payload: { sessionId, exitCode: 0 } }]);
      streams.input('win-1', sessionId, 'ignored');
      expect(fake.execs[0]!.written).toEqual(['echo hi\r']);
      streams.stop('win-1', sessionId);
      expect(fake.execs[0]!.closed).toBe(true);
    });

    it('refuses input to a log subscription id', async () => {
      const { subscriptionId } = await streams.followLogs('win-1', 'web', { tail: 0, timestamps: false });
      expect(() => streams.input('win-1', subscriptionId, 'x')).toThrow(ServiceError);
    });
  });

  describe('ownership and cleanup', () => {
    it("treats someone else's id as unknown: NOT_FOUND, and it keeps running", async () => {
      const { subscriptionId } = await streams.followLogs('win-1', 'web', { tail: 0, timestamps: false });
      const { sessionId } = await streams.openExec('win-1', 'web', { cols: 80, rows: 24 });
      expect(() => streams.stop('win-2', subscriptionId)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
      expect(() => streams.input('win-2', sessionId, 'rm -rf /\r')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
      await expect(streams.resize('win-2', sessionId, 1, 1)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      expect(() => streams.stop('win-1', 'logs-999999')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
      expect(fake.logs[0]!.stopped).toBe(false);
      expect(fake.execs[0]).toMatchObject({ written: [], closed: false });
    });

    it('stop ends one subscription, and a second stop of it is NOT_FOUND', async () => {
      const { subscriptionId } = await streams.watchStats('win-1', ['a']);
      streams.stop('win-1', subscriptionId);
      expect(fake.stats[0]!.stopped).toBe(true);
      fake.stats[0]!.emit(sample('a', 1));
      await vi.advanceTimersByTimeAsync(2000);
      expect(pushes('stats:sampled')).toHaveLength(0);
      expect(() => streams.stop('win-1', subscriptionId)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    });

    it('releaseClient ends everything the client owned and nothing of the others', async () => {
      const logs = await streams.followLogs('win-1', 'web', { tail: 0, timestamps: false });
      await streams.watchStats('win-1', ['a']);
      await streams.openExec('win-1', 'web', { cols: 80, rows: 24 });
      await streams.followLogs('win-2', 'db', { tail: 0, timestamps: false });
      streams.releaseClient('win-1');
      expect(fake.logs.map((stream) => stream.stopped)).toEqual([true, false]);
      expect(fake.stats[0]!.stopped).toBe(true);
      expect(fake.execs[0]!.closed).toBe(true);
      expect(() => streams.stop('win-1', logs.subscriptionId)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
      fake.logs[0]!.emit(lines(1));
      await vi.advanceTimersByTimeAsync(100);
      expect(events.events.filter((event) => event.target === 'win-1')).toEqual([]);
    });

    it('stops a stream that finishes opening after its client went away', async () => {
      let release: () => void = () => undefined;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const engine = fake.asEngine();
      const slow = new ContainerStreams({
        engine: { current: () => gate.then(() => engine) },
        events,
        logger: new RecordingLogger(),
      });
      const follow = slow.followLogs('win-1', 'web', { tail: 0, timestamps: false });
      const watch = slow.watchStats('win-1', ['a']);
      slow.releaseClient('win-1');
      release();
      await Promise.all([follow, watch]);
      expect(fake.logs[0]!.stopped).toBe(true);
      expect(fake.stats).toHaveLength(0);
      slow.dispose();
    });

    it('dispose ends every subscription and refuses new ones', async () => {
      await streams.followLogs('win-1', 'web', { tail: 0, timestamps: false });
      await streams.watchStats('win-2', ['a']);
      streams.dispose();
      expect(fake.logs[0]!.stopped).toBe(true);
      expect(fake.stats[0]!.stopped).toBe(true);
      await expect(streams.watchStats('win-1', ['a'])).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    });
  });
});
