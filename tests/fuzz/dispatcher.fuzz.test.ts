import fc from 'fast-check';
import { describe, it } from 'vitest';
import {
  CHANNEL_TIMEOUT_MS,
  composeFuzzHost,
  expectCleanRun,
  FUZZED_CHANNELS,
  refusalChecker,
  settle,
  useFuzzEnvironment,
} from './fuzz-harness';

/** Generated requests per channel through the dispatcher. */
const RUNS = 1000;
const client = { id: 'fuzz-client' };

const fuzz = useFuzzEnvironment();

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
      expectCleanRun(host, fuzz.guards, reachedService(), RUNS);
    } finally {
      host.cleanup();
    }
  }, CHANNEL_TIMEOUT_MS);
});
