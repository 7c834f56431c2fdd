import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MemoryReport } from '../../../../shared/model/memory';
import { MEMORY_HISTORY_FILE, MemoryHistoryDocument } from '../../../../electron/services/metrics/history-file';
import { MemoryHistoryService } from '../../../../electron/services/metrics/memory-history-service';
import { MINUTE_MS } from '../../../../electron/services/metrics/minute-aggregate';
import { ManualClock, RecordingEventSink, RecordingLogger } from '../../../helpers/recording';
import { rejection } from '../../../helpers/service-error';
import { makeTempDir } from '../../../helpers/temp-dir';
import { mib, reportOf } from './report-fixture';

const START = Date.UTC(2026, 10, 25, 12, 0, 0);

let temp: ReturnType<typeof makeTempDir>;
let clock: ManualClock;
let events: RecordingEventSink;
let logger: RecordingLogger;
let calls: number;
let services: MemoryHistoryService[];

/** A report whose web container holds `calls` MiB, so each sample is told apart. */
const countingSource = async (): Promise<MemoryReport> => {
  calls += 1;
  return reportOf({ distros: [{ name: 'Ubuntu', other: 100, containers: [{ name: 'web', bytes: calls }] }] });
};

function service(source: () => Promise<MemoryReport> = countingSource): MemoryHistoryService {
  const created = new MemoryHistoryService({ events, clock, logger, dataDir: temp.dir }, source);
  services.push(created);
  return created;
}

/** Moves the clock and the timers on by whole seconds, letting each tick's report settle. */
async function seconds(count: number): Promise<void> {
  for (let index = 0; index < count; index += 1) {
    clock.advance(1000);
    await vi.advanceTimersByTimeAsync(1000);
  }
}

function pushes(target?: string): Array<{ subscriptionId: string; sample: { containers: Record<string, number> } }> {
  return events.events
    .filter((event) => event.channel === 'memory:sampled' && (target === undefined || event.target === target))
    .map((event) => event.payload as { subscriptionId: string; sample: { containers: Record<string, number> } });
}

function onDisk(): MemoryHistoryDocument {
  return MemoryHistoryDocument.parse(JSON.parse(fs.readFileSync(path.join(temp.dir, MEMORY_HISTORY_FILE), 'utf8')));
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] });
  temp = makeTempDir();
  clock = new ManualClock(START);
  events = new RecordingEventSink();
  logger = new RecordingLogger();
  calls = 0;
  services = [];
});

afterEach(() => {
  for (const created of services) created.dispose();
  expect(vi.getTimerCount()).toBe(0);
  vi.useRealTimers();
  temp.cleanup();
});

describe('MemoryHistoryService sampling', () => {
  it('takes no sample and runs no timer while nobody watches', async () => {
    const history = service();
    await seconds(5);
    expect(calls).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
    expect((await history.history('1s')).samples).toEqual([]);
  });

  it('samples once a second while watched and pushes each sample to the watcher', async () => {
    const history = service();
    const { subscriptionId } = await history.watch('window-1');
    expect(subscriptionId).toMatch(/^[a-z]+-\d{1,12}$/);
    await seconds(3);
    expect(calls).toBe(3);
    const sent = pushes('window-1');
    expect(sent.map((push) => push.subscriptionId)).toEqual([subscriptionId, subscriptionId, subscriptionId]);
    expect(sent.map((push) => push.sample.containers['web'])).toEqual([mib(1), mib(2), mib(3)]);
    const recent = await history.history('1s');
    expect(recent).toMatchObject({ resolution: '1s', intervalMs: 1000, capacity: 600 });
    expect(recent.samples.map((sample) => sample.t)).toEqual([START + 1000, START + 2000, START + 3000]);
    expect(await history.history('1m')).toMatchObject({ resolution: '1m', intervalMs: 60_000, capacity: 1440, samples: [] });
  });

  it('pauses while the only watching window is hidden and resumes when it shows again', async () => {
    const history = service();
    await history.watch('window-1');
    await seconds(2);
    history.setVisibility('window-1', false);
    expect(vi.getTimerCount()).toBe(0);
    await seconds(5);
    expect(calls).toBe(2);
    history.setVisibility('window-1', true);
    await seconds(2);
    expect(calls).toBe(4);
  });

  it('pushes only to visible clients while another one watches', async () => {
    const history = service();
    await history.watch('window-1');
    await history.watch('window-2');
    history.setVisibility('window-2', false);
    await seconds(3);
    expect(pushes('window-1')).toHaveLength(3);
    expect(pushes('window-2')).toHaveLength(0);
  });

  it('keeps the CLI visible whatever it reports', async () => {
    const history = service();
    await history.watch('cli');
    history.setVisibility('cli', false);
    await seconds(2);
    expect(pushes('cli')).toHaveLength(2);
  });

  it('skips ticks while a report is still running, so samples never overlap', async () => {
    let running = 0;
    let most = 0;
    const answers: Array<() => void> = [];
    const history = service(async () => {
      running += 1;
      most = Math.max(most, running);
      await new Promise<void>((resolve) => answers.push(resolve));
      running -= 1;
      return reportOf();
    });
    await history.watch('window-1');
    await seconds(5);
    expect(answers).toHaveLength(1);
    answers.shift()?.();
    await seconds(1);
    expect(answers).toHaveLength(1);
    answers.shift()?.();
    await vi.advanceTimersByTimeAsync(0);
    expect(most).toBe(1);
    expect(pushes()).toHaveLength(2);
  });

  it('does not push a sample taken before the subscription existed', async () => {
    const answers: Array<() => void> = [];
    const history = service(async () => {
      await new Promise<void>((resolve) => answers.push(resolve));
      return reportOf();
    });
    const first = await history.watch('window-1');
    await seconds(1);
    const second = await history.watch('window-2');
    answers.shift()?.();
    await vi.advanceTimersByTimeAsync(0);
    expect(pushes().map((push) => push.subscriptionId)).toEqual([first.subscriptionId]);
    expect(second.subscriptionId).not.toBe(first.subscriptionId);
  });

  it('does not push a sample to a window hidden while it was being taken', async () => {
    const answers: Array<() => void> = [];
    const history = service(async () => {
      await new Promise<void>((resolve) => answers.push(resolve));
      return reportOf();
    });
    await history.watch('window-1');
    await history.watch('window-2');
    await seconds(1);
    history.setVisibility('window-2', false);
    answers.shift()?.();
    await vi.advanceTimersByTimeAsync(0);
    expect(pushes('window-1')).toHaveLength(1);
    expect(pushes('window-2')).toHaveLength(0);
  });

  it('survives a source that throws instead of rejecting', async () => {
    const history = service(() => {
      throw new Error('thrown at once');
    });
    await history.watch('window-1');
    await seconds(2);
    expect(pushes()).toHaveLength(0);
    expect(logger.lines.filter((line) => line.level === 'warn')).toHaveLength(1);
  });

  it('logs a failing report once, keeps sampling, and says when it answers again', async () => {
    let failing = true;
    const history = service(async () => {
      if (failing) throw new Error('engine gone');
      return reportOf();
    });
    await history.watch('window-1');
    await seconds(3);
    expect(logger.lines.filter((line) => line.level === 'warn')).toHaveLength(1);
    expect(pushes()).toHaveLength(0);
    failing = false;
    await seconds(1);
    expect(pushes()).toHaveLength(1);
    expect(logger.lines.some((line) => line.level === 'info' && line.message.includes('again'))).toBe(true);
  });
});

describe('MemoryHistoryService subscriptions', () => {
  it('allows 4 subscriptions per client and refuses the fifth with CONFLICT', async () => {
    const history = service();
    for (let index = 0; index < 4; index += 1) await history.watch('window-1');
    expect((await rejection(history.watch('window-1'))).code).toBe('CONFLICT');
    expect((await history.watch('window-2')).subscriptionId).toMatch(/^memory-\d+$/);
  });

  it('allows 32 subscriptions in all and refuses the next with CONFLICT', async () => {
    const history = service();
    for (let index = 0; index < 32; index += 1) await history.watch(`window-${index}`);
    expect((await rejection(history.watch('window-99'))).code).toBe('CONFLICT');
    history.releaseClient('window-0');
    expect((await history.watch('window-99')).subscriptionId).toMatch(/^memory-\d+$/);
  });

  it('refuses to end another client’s or an unknown subscription (NOT_FOUND), which keeps sampling for its owner', async () => {
    const history = service();
    const owned = await history.watch('window-1');
    expect(() => history.unwatch('window-2', owned.subscriptionId)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(() => history.unwatch('window-2', 'memory-999')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    await seconds(2);
    expect(pushes('window-1')).toHaveLength(2);
  });

  it('stops the timer and writes the history when the last watcher goes', async () => {
    const history = service();
    const { subscriptionId } = await history.watch('window-1');
    await history.watch('window-2');
    await seconds(3);
    history.unwatch('window-1', subscriptionId);
    expect(vi.getTimerCount()).toBe(1);
    history.releaseClient('window-2');
    expect(vi.getTimerCount()).toBe(0);
    expect(onDisk().seconds).toHaveLength(3);
    await seconds(3);
    expect(calls).toBe(3);
  });

  it('refuses new watchers after dispose and drops a report still running', async () => {
    const answers: Array<() => void> = [];
    const history = service(async () => {
      await new Promise<void>((resolve) => answers.push(resolve));
      return reportOf();
    });
    await history.watch('window-1');
    await seconds(1);
    history.dispose();
    expect(vi.getTimerCount()).toBe(0);
    answers.shift()?.();
    await vi.advanceTimersByTimeAsync(0);
    expect(pushes()).toHaveLength(0);
    expect((await rejection(history.watch('window-1'))).code).toBe('UNAVAILABLE');
  });
});

describe('MemoryHistoryService rings and file', () => {
  it('keeps at most 600 one-second points and adds a one-minute mean per completed minute', async () => {
    const history = service();
    await history.watch('cli');
    await seconds(700);
    const recent = (await history.history('1s')).samples;
    expect(recent).toHaveLength(600);
    expect(recent[0]?.t).toBe(START + 101_000);
    const minutes = (await history.history('1m')).samples;
    expect(minutes.map((point) => point.t)).toEqual(Array.from({ length: 11 }, (_, index) => START + index * MINUTE_MS));
    // Minute 0 holds the samples 1…59 (web = n MiB at second n), minute 1 holds 60…119.
    expect(minutes[0]?.containers['web']).toBe(mib(30));
    expect(minutes[1]?.containers['web']).toBe(mib(89.5));
  });

  it('writes the file every 10 samples while sampling, not after each one', async () => {
    const history = service();
    await history.watch('cli');
    await seconds(9);
    expect(onDisk().seconds).toHaveLength(0);
    await seconds(1);
    expect(onDisk().seconds).toHaveLength(10);
    await seconds(5);
    expect(onDisk().seconds).toHaveLength(10);
    history.dispose();
    expect(onDisk().seconds).toHaveLength(15);
  });

  it('writes a sample that lands after sampling stopped', async () => {
    const answers: Array<() => void> = [];
    const history = service(async () => {
      await new Promise<void>((resolve) => answers.push(resolve));
      return reportOf();
    });
    const { subscriptionId } = await history.watch('cli');
    await seconds(1);
    history.unwatch('cli', subscriptionId);
    answers.shift()?.();
    await vi.advanceTimersByTimeAsync(0);
    expect(onDisk().seconds).toHaveLength(1);
  });

  it('gives the same history after a restart on the same data directory, and goes on from it', async () => {
    const first = service();
    await first.watch('cli');
    await seconds(125);
    const before = { recent: await first.history('1s'), minutes: await first.history('1m') };
    first.dispose();
    const second = service();
    expect(await second.history('1s')).toEqual(before.recent);
    expect(await second.history('1m')).toEqual(before.minutes);
    expect(before.minutes.samples).toHaveLength(2);
    clock.advance(10 * MINUTE_MS);
    await second.watch('cli');
    await seconds(1);
    const minutes = (await second.history('1m')).samples;
    expect(minutes.map((point) => point.t)).toEqual([START, START + MINUTE_MS, START + 2 * MINUTE_MS]);
    expect((await second.history('1s')).samples).toHaveLength(126);
  });

  it('shows what another process sampled when this one is not sampling', async () => {
    const reader = service();
    expect((await reader.history('1s')).samples).toEqual([]);
    const writer = service();
    const { subscriptionId } = await writer.watch('cli');
    await seconds(4);
    writer.unwatch('cli', subscriptionId);
    expect((await reader.history('1s')).samples).toHaveLength(4);
  });

  it('moves a corrupt file aside, logs it and starts empty', async () => {
    fs.writeFileSync(path.join(temp.dir, MEMORY_HISTORY_FILE), '{"version":1,"seconds":[');
    const history = service();
    expect((await history.history('1s')).samples).toEqual([]);
    expect(fs.readdirSync(temp.dir).some((name) => name.startsWith(`${MEMORY_HISTORY_FILE}.corrupt-`))).toBe(true);
    expect(logger.lines.some((line) => line.level === 'warn' && line.message.includes(MEMORY_HISTORY_FILE))).toBe(true);
  });

  it('moves aside a file off the schema: too many points, or a point naming too many containers', async () => {
    const point = { t: START, hostUsedBytes: 1, vmAssignedBytes: 1, vmUsedBytes: 1, vmPageCacheBytes: 0, distros: {}, containers: {} };
    const crowded = { ...point, containers: Object.fromEntries(Array.from({ length: 18 }, (_, index) => [`c${index}`, 1])) };
    for (const document of [
      { version: 1, seconds: Array.from({ length: 601 }, () => point), minutes: [] },
      { version: 1, seconds: [crowded], minutes: [] },
      { version: 2, seconds: [], minutes: [] },
    ]) {
      fs.writeFileSync(path.join(temp.dir, MEMORY_HISTORY_FILE), JSON.stringify(document));
      expect((await service().history('1s')).samples).toEqual([]);
    }
    expect(fs.readdirSync(temp.dir).filter((name) => name.includes('.corrupt-')).length).toBeGreaterThanOrEqual(1);
    expect(logger.lines.filter((line) => line.level === 'warn')).toHaveLength(3);
  });

  it('keeps sampling in memory when the file cannot be written, and logs it once', async () => {
    const history = service();
    await history.watch('cli');
    await seconds(1);
    fs.rmSync(temp.dir, { recursive: true, force: true });
    fs.writeFileSync(temp.dir, 'not a directory');
    await seconds(25);
    expect((await history.history('1s')).samples).toHaveLength(26);
    expect(logger.lines.filter((line) => line.level === 'warn' && line.message.includes('could not be written'))).toHaveLength(1);
    fs.rmSync(temp.dir, { force: true });
    fs.mkdirSync(temp.dir);
  });
});
