import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ProgressMessage } from '../../../../electron/services/docker/container-engine';
import { ServiceError } from '../../../../electron/services/errors';
import {
  JOB_LAYERS_MAX,
  JOB_LINE_CHARS,
  JOB_LINES_KEPT,
  JOB_LINES_PER_PUSH,
  JOB_PUSH_MS,
  JOBS_FINISHED_KEPT,
  JOBS_RUNNING_MAX,
  JobService,
  type JobReporter,
  type JobSpec,
} from '../../../../electron/services/jobs/job-service';
import { JobProgress } from '../../../../shared/model/job';
import { ManualClock, RecordingEventSink, RecordingLogger } from '../../../helpers/recording';
import { rejection } from '../../../helpers/service-error';

const PULL: JobSpec = { kind: 'pull', target: '127.0.0.1:5000/app:1', title: 'Pull 127.0.0.1:5000/app:1' };
const BUILD: JobSpec = { kind: 'build', target: '/ctx', title: 'Build /ctx' };

/** Two layer ids as the engine shortens them. */
const A = 'a3ed95caeb02';
const B = '0123456789ab';

interface Harness {
  service: JobService;
  events: RecordingEventSink;
  logger: RecordingLogger;
  clock: ManualClock;
  /** Every `jobs:progressed` push so far. */
  pushes: () => JobProgress[];
}

function make(pushMs?: number): Harness {
  const events = new RecordingEventSink();
  const logger = new RecordingLogger();
  const clock = new ManualClock();
  const service = new JobService({ events, clock, logger, ...(pushMs === undefined ? {} : { pushMs }) });
  const pushes = (): JobProgress[] => events.events.filter((event) => event.channel === 'jobs:progressed').map((event) => event.payload as JobProgress);
  return { service, events, logger, clock, pushes };
}

/** A job's work the test drives: its reporter and signal once started, and how it ends (rejecting on abort unless told to ignore it). */
interface Driven {
  reporter: JobReporter;
  signal: AbortSignal;
  finish: () => void;
  fail: (error: unknown) => void;
}

async function startDriven(service: JobService, spec: JobSpec = PULL, ignoreAbort = false): Promise<{ id: string; work: Driven }> {
  let work: Driven | undefined;
  const summary = service.start(spec, (reporter, signal) => {
    return new Promise<void>((resolve, reject) => {
      work = { reporter, signal, finish: resolve, fail: reject };
      if (!ignoreAbort) signal.addEventListener('abort', () => reject(new ServiceError('UNAVAILABLE', 'Aborted.')));
    });
  });
  await vi.advanceTimersByTimeAsync(0);
  if (work === undefined) throw new Error('the work did not start');
  return { id: summary.id, work };
}

/** Lets the pending push timer fire. */
async function tick(ms = JOB_PUSH_MS): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
}

function last<T>(items: readonly T[]): T {
  const item = items[items.length - 1];
  if (item === undefined) throw new Error('nothing there');
  return item;
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
});

afterEach(() => {
  expect(vi.getTimerCount()).toBe(0);
  vi.useRealTimers();
});

describe('JobService: folding pull progress into layers', () => {
  it('follows a layer from Waiting through Downloading, Download complete and Extracting to Pull complete', async () => {
    const { service, pushes } = make();
    const { id, work } = await startDriven(service);
    const feed = async (message: ProgressMessage): Promise<JobProgress> => {
      work.reporter.message(message);
      await tick();
      return last(pushes());
    };
    expect((await feed({ status: 'Pulling from app', id: '1' })).job.message).toBe('1: Pulling from app');
    expect((await feed({ status: 'Pulling fs layer', progressDetail: {}, id: A })).job.layers).toEqual([{ id: A, status: 'Pulling fs layer', current: null, total: null, done: false }]);
    expect((await feed({ status: 'Waiting', progressDetail: {}, id: A })).job.layers[0]).toMatchObject({ status: 'Waiting', done: false });
    let pushed = await feed({ status: 'Downloading', progressDetail: { current: 1000, total: 4000 }, progress: '[==>   ]', id: A });
    expect(pushed.job.layers[0]).toEqual({ id: A, status: 'Downloading', current: 1000, total: 4000, done: false });
    expect(pushed.job.progress).toBe(0.25);
    pushed = await feed({ status: 'Verifying Checksum', progressDetail: {}, id: A });
    expect(pushed.job.layers[0]).toMatchObject({ status: 'Verifying Checksum', current: 1000, total: 4000, done: false });
    pushed = await feed({ status: 'Download complete', progressDetail: {}, id: A });
    expect(pushed.job.layers[0]).toEqual({ id: A, status: 'Download complete', current: 4000, total: 4000, done: true });
    expect(pushed.job.progress).toBe(1);
    pushed = await feed({ status: 'Extracting', progressDetail: { current: 32, total: 4000 }, id: A });
    expect(pushed.job.layers[0]).toEqual({ id: A, status: 'Extracting', current: 32, total: 4000, done: false });
    expect(pushed.job.progress).toBe(1);
    pushed = await feed({ status: 'Pull complete', progressDetail: {}, id: A });
    expect(pushed.job.layers[0]).toEqual({ id: A, status: 'Pull complete', current: 4000, total: 4000, done: true });
    pushed = await feed({ status: 'Digest: sha256:' + 'f'.repeat(64) });
    expect(pushed.job.message).toBe('Digest: sha256:' + 'f'.repeat(64));
    work.finish();
    const done = await service.wait(id);
    expect(done).toMatchObject({ state: 'succeeded', progress: 1, endedAt: expect.any(Number) });
    expect(done.layers).toEqual([{ id: A, status: 'Pull complete', current: 4000, total: 4000, done: true }]);
    expect(last(pushes()).job.state).toBe('succeeded');
  });

  it('marks a layer that already exists as done without bytes, and leaves it out of the overall progress', async () => {
    const { service, pushes } = make();
    const { id, work } = await startDriven(service);
    work.reporter.message({ status: 'Already exists', progressDetail: {}, id: A });
    work.reporter.message({ status: 'Downloading', progressDetail: { current: 500, total: 1000 }, id: B });
    await tick();
    expect(last(pushes()).job.layers).toEqual([
      { id: A, status: 'Already exists', current: null, total: null, done: true },
      { id: B, status: 'Downloading', current: 500, total: 1000, done: false },
    ]);
    expect(last(pushes()).job.progress).toBe(0.5);
    work.finish();
    await service.wait(id);
  });

  it('weighs layers by bytes, counts waiting layers at the mean size so the bar does not fall back, and answers null before any size', async () => {
    const { service, pushes } = make();
    const { id, work } = await startDriven(service);
    const C = 'cccccccccccc';
    for (const layer of [A, B, C]) work.reporter.message({ status: 'Waiting', progressDetail: {}, id: layer });
    await tick();
    expect(last(pushes()).job.progress).toBeNull();
    work.reporter.message({ status: 'Downloading', progressDetail: { current: 3000, total: 3000 }, id: A });
    work.reporter.message({ status: 'Downloading', progressDetail: { current: 0, total: 1000 }, id: B });
    await tick();
    // 3000 of 4000 known, C waiting counts as 2000: 3000 / 6000.
    expect(last(pushes()).job.progress).toBe(0.5);
    work.reporter.message({ status: 'Download complete', progressDetail: {}, id: A });
    work.reporter.message({ status: 'Extracting', progressDetail: { current: 1, total: 3000 }, id: A });
    work.reporter.message({ status: 'Downloading', progressDetail: { current: 1000, total: 1000 }, id: B });
    work.reporter.message({ status: 'Downloading', progressDetail: { current: 0, total: 2000 }, id: C });
    await tick();
    expect(last(pushes()).job.progress).toBeCloseTo(4000 / 6000, 10);
    work.finish();
    await service.wait(id);
  });

  it('takes a status without a layer id as the message, and an id that is not a layer id as its prefix', async () => {
    const { service, pushes } = make();
    const { id, work } = await startDriven(service);
    work.reporter.message({ status: 'Status: Downloaded newer image for app:1' });
    await tick();
    expect(last(pushes()).job.message).toBe('Status: Downloaded newer image for app:1');
    work.reporter.message({ status: 'Preparing', id: 'latest' });
    await tick();
    expect(last(pushes()).job).toMatchObject({ message: 'latest: Preparing', layers: [] });
    work.finish();
    await service.wait(id);
  });
});

describe('JobService: build output, errors and results', () => {
  it('splits stream text into lines across chunk boundaries (CRLF split too) and prints the unfinished last line at the end', async () => {
    const { service, pushes } = make();
    const { id, work } = await startDriven(service, BUILD);
    for (const chunk of ['Step 1/2 : FR', 'OM busybox\n ---> 1234\r', '\nStep 2/2 : RUN echo hi\n', 'hi\nno newline yet']) work.reporter.message({ stream: chunk });
    await tick();
    expect(last(pushes()).lines).toEqual(['Step 1/2 : FROM busybox', ' ---> 1234', 'Step 2/2 : RUN echo hi', 'hi']);
    work.reporter.output(' and more');
    work.finish();
    await service.wait(id);
    expect(last(pushes()).lines).toEqual(['no newline yet and more']);
    expect(service.get(id)).toMatchObject({ lines: ['Step 1/2 : FROM busybox', ' ---> 1234', 'Step 2/2 : RUN echo hi', 'hi', 'no newline yet and more'], firstLine: 0 });
    expect(service.get(id).job.lineCount).toBe(5);
  });

  it('records an error message as an output line (errorDetail before error), and the failure of the work as the job error', async () => {
    const { service, pushes } = make();
    const { id, work } = await startDriven(service, BUILD);
    work.reporter.message({ error: 'short', errorDetail: { message: 'The command returned a non-zero code: 1' } });
    work.reporter.message({ error: 'only error' });
    work.fail(new ServiceError('UNAVAILABLE', 'The build failed: the command returned a non-zero code: 1'));
    const done = await service.wait(id);
    expect(done).toMatchObject({ state: 'failed', message: 'The build failed: the command returned a non-zero code: 1', error: { code: 'UNAVAILABLE' } });
    expect(service.get(id).lines).toEqual(['The command returned a non-zero code: 1', 'only error']);
    expect(last(pushes()).job.state).toBe('failed');
  });

  it('answers an unexpected failure as INTERNAL without its text, and logs it', async () => {
    const { service, logger } = make();
    const { id, work } = await startDriven(service, BUILD);
    work.fail(new TypeError('secret internals'));
    const done = await service.wait(id);
    expect(done.error).toEqual({ code: 'INTERNAL', message: 'The job failed unexpectedly; the log has the details.' });
    expect(logger.lines.some((line) => line.level === 'error')).toBe(true);
  });

  it('takes aux.ID as the result of a build and aux.Digest as the result of a push', async () => {
    const { service } = make();
    const build = await startDriven(service, BUILD);
    build.work.reporter.message({ aux: { ID: 'sha256:' + 'a'.repeat(64) } });
    build.work.reporter.message({ stream: 'Successfully built aaaaaaaaaaaa\n' });
    build.work.finish();
    expect((await service.wait(build.id)).result).toBe('sha256:' + 'a'.repeat(64));
    const push = await startDriven(service, { kind: 'push', target: 'app:1', title: 'Push app:1' });
    push.work.reporter.message({ status: '1: digest: sha256:b size: 528', aux: { Tag: '1', Digest: 'sha256:' + 'b'.repeat(64) } });
    push.work.finish();
    expect((await service.wait(push.id)).result).toBe('sha256:' + 'b'.repeat(64));
  });

  it('reports status and result through the reporter, and ignores what the work reports after it ended', async () => {
    const { service } = make();
    const { id, work } = await startDriven(service, BUILD);
    work.reporter.status('Sending the context…');
    work.reporter.result('sha256:c');
    expect(service.get(id).job).toMatchObject({ message: 'Sending the context…', result: 'sha256:c' });
    work.finish();
    await service.wait(id);
    work.reporter.output('late\n');
    work.reporter.status('late');
    work.reporter.message({ stream: 'late\n' });
    expect(service.get(id)).toMatchObject({ lines: [], job: { message: 'Sending the context…', lineCount: 0 } });
  });
});

describe('JobService: pushes', () => {
  it('pushes many messages within one interval once, with every new line, and nothing while idle', async () => {
    const { service, pushes } = make(200);
    const { id, work } = await startDriven(service, BUILD);
    await tick(200);
    const before = pushes().length;
    for (let i = 0; i < 500; i += 1) work.reporter.message({ stream: `line ${i}\n` });
    await tick(199);
    expect(pushes().length).toBe(before);
    await tick(1);
    expect(pushes().length).toBe(before + 1);
    expect(last(pushes()).lines).toHaveLength(500);
    expect(last(pushes()).droppedLines).toBe(0);
    await tick(2000);
    expect(pushes().length).toBe(before + 1);
    work.finish();
    await service.wait(id);
  });

  it('sends the final push at once when the work ends between two pushes, for success, failure and cancel alike', async () => {
    const { service, pushes } = make(10_000);
    const ok = await startDriven(service, BUILD);
    ok.work.reporter.output('last words\n');
    ok.work.finish();
    await service.wait(ok.id);
    expect(last(pushes())).toMatchObject({ job: { id: ok.id, state: 'succeeded' }, lines: ['last words'] });

    const bad = await startDriven(service, BUILD);
    bad.work.fail(new ServiceError('UNAVAILABLE', 'No.'));
    await service.wait(bad.id);
    expect(last(pushes()).job).toMatchObject({ id: bad.id, state: 'failed' });

    const stopped = await startDriven(service, BUILD);
    await service.cancel(stopped.id);
    expect(last(pushes()).job).toMatchObject({ id: stopped.id, state: 'cancelled', message: 'Cancelled.' });
    expect(pushes().filter((push) => push.job.state !== 'running')).toHaveLength(3);
  });

  it('keeps the last JOB_LINES_KEPT lines for jobs:get, numbered from the first one kept', async () => {
    const { service } = make();
    const { id, work } = await startDriven(service, BUILD);
    const total = JOB_LINES_KEPT + 1234;
    for (let i = 0; i < total; i += 1) work.reporter.output(`line ${i}\n`);
    const detail = service.get(id);
    expect(detail.lines).toHaveLength(JOB_LINES_KEPT);
    expect(detail.firstLine).toBe(1234);
    expect(detail.lines[0]).toBe('line 1234');
    expect(last(detail.lines)).toBe(`line ${total - 1}`);
    expect(detail.job.lineCount).toBe(total);
    work.finish();
    await service.wait(id);
  });

  it('carries at most JOB_LINES_PER_PUSH lines in one push, the newest, and counts the rest as dropped', async () => {
    const { service, pushes } = make();
    const { id, work } = await startDriven(service, BUILD);
    const total = JOB_LINES_PER_PUSH + 700;
    work.reporter.output(Array.from({ length: total }, (_, i) => `line ${i}\n`).join(''));
    await tick();
    const pushed = last(pushes());
    expect(pushed.lines).toHaveLength(JOB_LINES_PER_PUSH);
    expect(pushed.droppedLines).toBe(700);
    expect(pushed.lines[0]).toBe('line 700');
    work.reporter.output('one more\n');
    await tick();
    expect(last(pushes())).toMatchObject({ lines: ['one more'], droppedLines: 0 });
    work.finish();
    await service.wait(id);
  });

  it('cuts a line longer than JOB_LINE_CHARS, and makes an endless unfinished line a line of its own', async () => {
    const { service } = make();
    const { id, work } = await startDriven(service, BUILD);
    work.reporter.output('x'.repeat(JOB_LINE_CHARS * 3) + '\n');
    const cut = service.get(id).lines[0] ?? '';
    expect(cut).toHaveLength(JOB_LINE_CHARS);
    expect(cut.endsWith('…')).toBe(true);
    // 64 KiB of a line without its end: the 17th chunk of 4 KiB makes it a line of its own.
    for (let i = 0; i < 17; i += 1) work.reporter.output('y'.repeat(4096));
    expect(service.get(id).job.lineCount).toBe(2);
    expect(service.get(id).lines[1]).toHaveLength(JOB_LINE_CHARS);
    work.finish();
    await service.wait(id);
  });

  it('tracks at most JOB_LAYERS_MAX layers, and still updates the ones it tracks', async () => {
    const { service } = make();
    const { id, work } = await startDriven(service);
    const ids = Array.from({ length: JOB_LAYERS_MAX + 44 }, (_, i) => i.toString(16).padStart(12, '0'));
    for (const layer of ids) work.reporter.message({ status: 'Waiting', progressDetail: {}, id: layer });
    work.reporter.message({ status: 'Pull complete', progressDetail: {}, id: ids[0] });
    const layers = service.get(id).job.layers;
    expect(layers).toHaveLength(JOB_LAYERS_MAX);
    expect(layers[0]).toMatchObject({ id: ids[0], done: true });
    expect(layers.some((layer) => layer.id === last(ids))).toBe(false);
    work.finish();
    await service.wait(id);
  });
});

describe('JobService: running, finished and cancelled jobs', () => {
  it('refuses a job beyond JOBS_RUNNING_MAX with CONFLICT, and takes one again once a job finished', async () => {
    const { service } = make();
    const running = [];
    for (let i = 0; i < JOBS_RUNNING_MAX; i += 1) running.push(await startDriven(service));
    const refused = await rejection(Promise.resolve().then(() => service.start(PULL, () => Promise.resolve())));
    expect(refused.code).toBe('CONFLICT');
    expect(service.list()).toHaveLength(JOBS_RUNNING_MAX);
    const first = running[0];
    if (first === undefined) throw new Error('no job');
    first.work.finish();
    await service.wait(first.id);
    const again = await startDriven(service);
    for (const job of [...running.slice(1), again]) job.work.finish();
    for (const job of [...running.slice(1), again]) await service.wait(job.id);
    expect(service.list().every((job) => job.state === 'succeeded')).toBe(true);
  });

  it('keeps JOBS_FINISHED_KEPT finished jobs, newest first, and forgets older ones', async () => {
    const { service } = make();
    const ids: string[] = [];
    for (let i = 0; i < JOBS_FINISHED_KEPT + 5; i += 1) {
      const summary = service.start(PULL, () => Promise.resolve());
      ids.push(summary.id);
      await service.wait(summary.id);
    }
    const listed = service.list();
    expect(listed).toHaveLength(JOBS_FINISHED_KEPT);
    expect(listed[0]?.id).toBe(last(ids));
    expect((await rejection(Promise.resolve().then(() => service.get('job-1')))).code).toBe('NOT_FOUND');
    expect((await rejection(Promise.resolve().then(() => service.wait('job-5')))).code).toBe('NOT_FOUND');
    expect(service.get(ids[5] ?? '').job.state).toBe('succeeded');
  });

  it('cancel aborts the signal and answers the job cancelled; a finished job is answered as it is; an unknown one is NOT_FOUND', async () => {
    const { service } = make();
    const { id, work } = await startDriven(service);
    const answer = await service.cancel(id);
    expect(work.signal.aborted).toBe(true);
    expect(answer).toMatchObject({ id, state: 'cancelled', message: 'Cancelled.', endedAt: expect.any(Number) });
    expect(answer.error).toBeUndefined();
    expect((await service.cancel(id)).state).toBe('cancelled');
    expect((await rejection(service.cancel('job-999'))).code).toBe('NOT_FOUND');
  });

  it('answers a cancel after 10 s with the job still running when the work ignores the signal, and cancelled once it stops', async () => {
    const { service } = make();
    const { id, work } = await startDriven(service, PULL, true);
    const answer = service.cancel(id);
    await tick(9_999);
    let answered = false;
    void answer.then(() => (answered = true));
    await tick(0);
    expect(answered).toBe(false);
    await tick(1);
    expect((await answer).state).toBe('running');
    work.finish();
    expect((await service.wait(id)).state).toBe('cancelled');
  });

  it('refuses to cancel a job that cannot be cancelled (CONFLICT) and leaves it running', async () => {
    const { service } = make();
    const { id, work } = await startDriven(service, { ...PULL, cancellable: false });
    expect((await rejection(service.cancel(id))).code).toBe('CONFLICT');
    expect(work.signal.aborted).toBe(false);
    expect(service.get(id).job.state).toBe('running');
    work.finish();
    expect((await service.wait(id)).state).toBe('succeeded');
  });

  it('wait resolves with the final summary, at once for a finished job', async () => {
    const { service } = make();
    const { id, work } = await startDriven(service, BUILD);
    const waiting = [service.wait(id), service.wait(id)];
    work.reporter.status('Built.');
    work.finish();
    for (const summary of await Promise.all(waiting)) expect(summary).toMatchObject({ id, state: 'succeeded', message: 'Built.' });
    expect(await service.wait(id)).toMatchObject({ id, state: 'succeeded' });
  });

  it('a work that throws at once fails the job instead of throwing from start', async () => {
    const { service } = make();
    const summary = service.start(BUILD, () => {
      throw new ServiceError('VALIDATION', 'No Dockerfile.');
    });
    expect(summary.state).toBe('running');
    expect(await service.wait(summary.id)).toMatchObject({ state: 'failed', error: { code: 'VALIDATION', message: 'No Dockerfile.' } });
  });

  it('dispose aborts running jobs, leaves no timer, and refuses new jobs', async () => {
    const { service } = make();
    const one = await startDriven(service);
    const two = await startDriven(service, BUILD);
    one.work.reporter.output('pending\n');
    service.dispose();
    expect(vi.getTimerCount()).toBe(0);
    expect(one.work.signal.aborted).toBe(true);
    expect(two.work.signal.aborted).toBe(true);
    expect((await service.wait(one.id)).state).toBe('cancelled');
    expect((await service.wait(two.id)).state).toBe('cancelled');
    expect(vi.getTimerCount()).toBe(0);
    expect((await rejection(Promise.resolve().then(() => service.start(PULL, () => Promise.resolve())))).code).toBe('UNAVAILABLE');
  });
});

describe('JobService: hostile progress messages', () => {
  /** Feeds messages to one job, pushing between groups, and answers every push and the final detail. */
  async function feedAll(groups: unknown[][]): Promise<{ pushes: JobProgress[]; lines: string[]; lineCount: number; layers: number }> {
    const { service, pushes } = make();
    const { id, work } = await startDriven(service);
    for (const group of groups) {
      for (const message of group) work.reporter.message(message as ProgressMessage);
      await tick();
    }
    work.finish();
    await service.wait(id);
    const detail = service.get(id);
    service.dispose();
    return { pushes: pushes(), lines: detail.lines, lineCount: detail.job.lineCount, layers: detail.job.layers.length };
  }

  it('wrong types, NaN, negative, infinite and huge numbers, huge ids and statuses change nothing harmful', async () => {
    const huge = 'f'.repeat(100_000);
    const { pushes } = await feedAll([
      [
        null,
        42,
        'text',
        [],
        { id: 123, status: 'Downloading', progressDetail: { current: 1, total: 2 } },
        { id: A, status: { text: 'Downloading' }, progressDetail: { current: 1, total: 2 } },
        { id: A, status: 'Downloading', progressDetail: { current: Number.NaN, total: -5 } },
        { id: B, status: 'Downloading', progressDetail: 'all of it' },
        { id: B, status: 'Downloading', progressDetail: { current: 1e308, total: 1e308 } },
        { id: 'cccccccccccc', status: 'Downloading', progressDetail: { current: Number.POSITIVE_INFINITY, total: 2 ** 60 } },
        { id: 'dddddddddddd', status: 'x'.repeat(10_000), progressDetail: { current: 1, total: 2 } },
        { id: huge, status: 'Downloading' },
        { stream: 42, error: { message: 'nope' }, errorDetail: 'nope', aux: 'sha256:x' },
        { aux: { ID: 7, Digest: ['sha256:y'] } },
      ],
    ]);
    for (const push of pushes) expect(JobProgress.safeParse(push).success).toBe(true);
    const final = last(pushes).job;
    expect(final.result).toBeNull();
    expect(final.layers.map((layer) => layer.id)).toEqual([A, B, 'cccccccccccc', 'dddddddddddd']);
    for (const layer of final.layers.slice(0, 3)) expect(layer).toMatchObject({ current: null, total: null });
    expect(final.layers[3]?.status).toHaveLength(200);
    expect(final.message.length).toBeLessThan(400);
  });

  const layerId = fc.oneof(
    fc.stringMatching(/^[0-9a-f]{12}$/),
    fc.constantFrom(A, B),
    fc.string({ maxLength: 300 }),
    fc.integer(),
    fc.constant('e'.repeat(20_000)),
  );
  const number = fc.oneof(fc.double(), fc.integer(), fc.constantFrom(Number.NaN, -1, Number.MAX_VALUE, Number.POSITIVE_INFINITY, 2 ** 62), fc.string());
  const status = fc.oneof(
    fc.constantFrom('Waiting', 'Downloading', 'Download complete', 'Extracting', 'Pull complete', 'Already exists', 'Pushing', 'Pushed'),
    fc.string({ maxLength: 400 }),
    fc.anything(),
  );
  const message = fc.oneof(
    fc.record(
      { id: layerId, status, progressDetail: fc.oneof(fc.record({ current: number, total: number }, { requiredKeys: [] }), fc.anything()) },
      { requiredKeys: [] },
    ),
    fc.record(
      {
        stream: fc.oneof(fc.string({ maxLength: 3000 }), fc.constant('z'.repeat(70_000)), fc.anything()),
        error: fc.anything(),
        errorDetail: fc.oneof(fc.record({ message: fc.oneof(fc.string({ maxLength: 6000 }), fc.anything()) }), fc.anything()),
        aux: fc.oneof(fc.record({ ID: fc.anything(), Digest: fc.oneof(fc.string({ maxLength: 2000 }), fc.anything()) }, { requiredKeys: [] }), fc.anything()),
      },
      { requiredKeys: [] },
    ),
    fc.anything(),
  );

  it('over any sequence of arbitrary messages: never throws, every push matches the contract, every bound holds', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(message, { maxLength: 40 }), { maxLength: 6 }), async (groups) => {
        const result = await feedAll(groups);
        for (const push of result.pushes) {
          const checked = JobProgress.safeParse(push);
          expect(checked.success).toBe(true);
          expect(push.lines.length).toBeLessThanOrEqual(JOB_LINES_PER_PUSH);
          expect(push.job.layers.length).toBeLessThanOrEqual(JOB_LAYERS_MAX);
          for (const line of push.lines) expect(line.length).toBeLessThanOrEqual(JOB_LINE_CHARS);
        }
        expect(result.lines.length).toBeLessThanOrEqual(JOB_LINES_KEPT);
        expect(result.lines.length).toBeLessThanOrEqual(result.lineCount);
        expect(result.layers).toBeLessThanOrEqual(JOB_LAYERS_MAX);
        expect(last(result.pushes).job.state).toBe('succeeded');
      }),
      { numRuns: 150 },
    );
  });
});
