import path from 'node:path';
import { ServiceError } from '../../errors';
import { cancelledBeforeStart, type ProcessRunner, type RunOptions, type RunResult } from './process-runner';

/** How many programs a bounded runner runs at once, and how many distinct calls may wait for a slot. */
export interface RunLimits {
  maxConcurrent: number;
  maxQueued: number;
}

/** wsl.exe calls at once: enough for a list, a registry read and two probes side by side. */
export const DEFAULT_RUN_LIMITS: RunLimits = { maxConcurrent: 4, maxQueued: 256 };

interface Flight {
  promise: Promise<RunResult>;
  /** The number of settled calls when its process started (null while queued): later callers join only if none settled since. */
  generation: number | null;
}

interface Waiter {
  start(): void;
}

/**
 * Wraps a runner so that identical calls in flight (same file, arguments and environment) share one
 * process and one result, at most `maxConcurrent` processes run at once, and at most `maxQueued`
 * distinct calls wait (first come, first served); one more is refused with an UNAVAILABLE
 * `ServiceError` and starts nothing. A caller joins a queued flight, or a running one only when no call
 * has finished since its process started, so nobody gets a result older than a change they saw complete. The
 * timeout of each call counts from its own start, not from its time in the queue. A call with a `signal`
 * is never shared (it neither joins nor is joined), and when its signal aborts while it waits it leaves the
 * queue and resolves `cancelled` without starting.
 */
export function boundedRunner(inner: ProcessRunner, limits: RunLimits = DEFAULT_RUN_LIMITS): ProcessRunner {
  const flights = new Map<string, Flight>();
  const queue: Waiter[] = [];
  let running = 0;
  let settledCalls = 0;

  const release = (): void => {
    running -= 1;
    settledCalls += 1;
    const next = queue.shift();
    if (next) next.start();
  };

  const launch = (file: string, args: readonly string[], options: RunOptions, flight: { generation: number | null }): Promise<RunResult> =>
    new Promise<RunResult>((resolve, reject) => {
      const start = (): void => {
        running += 1;
        flight.generation = settledCalls;
        let started: Promise<RunResult>;
        try {
          started = inner.run(file, args, options);
        } catch (error) {
          started = Promise.reject(error);
        }
        started.then(
          (result) => {
            release();
            resolve(result);
          },
          (error: unknown) => {
            release();
            reject(error);
          },
        );
      };
      const signal = options.signal;
      if (signal?.aborted) resolve(cancelledBeforeStart());
      else if (running < limits.maxConcurrent) start();
      else if (queue.length < limits.maxQueued) {
        const waiter: Waiter = {
          start: () => {
            signal?.removeEventListener('abort', leave);
            start();
          },
        };
        // A queued call whose signal aborts leaves the queue and never starts.
        const leave = (): void => {
          const index = queue.indexOf(waiter);
          if (index < 0) return;
          queue.splice(index, 1);
          resolve(cancelledBeforeStart());
        };
        signal?.addEventListener('abort', leave, { once: true });
        queue.push(waiter);
      } else {
        reject(
          new ServiceError(
            'UNAVAILABLE',
            `Too many calls to ${path.win32.basename(file)} are waiting (${limits.maxQueued} queued behind ${limits.maxConcurrent} running); try again when they finish.`,
            { code: null, exitCode: null },
          ),
        );
      }
    });

  return {
    run(file, args, options) {
      // A call that can be cancelled has a flight of its own: nobody joins it, so one caller's cancel never ends another's call.
      if (options.signal) return launch(file, args, options, { generation: null });
      const key = JSON.stringify([file, args, Object.entries(options.env).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))]);
      const existing = flights.get(key);
      if (existing && (existing.generation === null || existing.generation === settledCalls)) return existing.promise;
      const state = { generation: null as number | null };
      const flight: Flight = Object.assign(state, { promise: launch(file, args, options, state) });
      flights.set(key, flight);
      const forget = (): void => {
        if (flights.get(key) === flight) flights.delete(key);
      };
      flight.promise.then(forget, forget);
      return flight.promise;
    },
  };
}
