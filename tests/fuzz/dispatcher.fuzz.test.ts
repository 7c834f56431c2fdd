import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, it, vi } from 'vitest';
import {
  FUZZED_CHANNELS,
  composeFuzzHost,
  expectCleanRun,
  installProcessGuards,
  refusalChecker,
  settle,
  useSimulatedTime,
  type ProcessGuards,
} from './fuzz-harness';

/** Generated requests per channel through the dispatcher. */
const RUNS = 1000;
const client = { id: 'fuzz-client' };

/** A safety net for a loaded machine, not a performance bound: a channel's run takes about a second. */
const CHANNEL_TIMEOUT_MS = 180_000;

let guards: ProcessGuards;
beforeAll(() => {
  guards = installProcessGuards();
  useSimulatedTime();
});
beforeEach(() => guards.clear());
afterAll(() => {
  vi.useRealTimers();
  guards.restore();
});

describe('every channel through the dispatcher, on the simulated host and engine', () => {
  it.each(FUZZED_CHANNELS)(`%s: ${RUNS} generated requests, each a typed error or a valid result, a refused one changing nothing`, async (channel) => {
    const host = await composeFuzzHost('ready');
    try {
      const { check, reachedService } = await refusalChecker(host, channel);
      const send = (request: unknown): Promise<unknown> => settle(host.dispatch(channel, request, client));
      await fc.assert(
        fc.asyncProperty(host.requests(channel, 'direct'), (request) => check(request, send)),
        { numRuns: RUNS },
      );
      expectCleanRun(host, guards, reachedService(), RUNS);
    } finally {
      host.cleanup();
    }
  }, CHANNEL_TIMEOUT_MS);
});
