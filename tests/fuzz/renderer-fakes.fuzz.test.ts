import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { invokeContract } from '../../shared/ipc/contract';
import { AbsolutePath } from '../../shared/model/distro';
import { validArbitrary } from '../helpers/contract-arbitraries';
import { FakeLightdock, takeContractViolations } from '../renderer/fake-lightdock';
import { FUZZED_CHANNELS } from './fuzz-harness';

/** Generated valid requests per channel sent to the renderer's fake host. */
const RUNS = 50;
/** The fake writes nothing: any absolute path of either kind will do. */
const overrides = new Map<z.ZodType, fc.Arbitrary<unknown>>([[AbsolutePath, fc.constantFrom('C:\\backups\\ubuntu.tar', '/home/dev/ubuntu.tar', '\\\\server\\share\\disk.vhdx')]]);

describe("the renderer suite's fake host keeps the contract", () => {
  it.each(FUZZED_CHANNELS)(`%s: ${RUNS} valid requests, each answered on-contract (the fake throws otherwise)`, async (channel) => {
    const host = new FakeLightdock();
    const known = [...host.distros.map((d) => d.name), ...host.engine.containers.flatMap((c) => [c.id, c.name]), 'wsl2.memory', 'build-box', 'logs-1', 'exec-1'];
    await fc.assert(
      fc.asyncProperty(validArbitrary(invokeContract[channel].request as z.ZodType, { knownStrings: () => known, overrides }), async (request) => {
        const parsed = (invokeContract[channel].request as z.ZodType).safeParse(request);
        fc.pre(parsed.success);
        const result = await host.invoke(channel, parsed.data as never);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: RUNS },
    );
  });

  it('refuses an off-contract request, response or event by throwing', async () => {
    const host = new FakeLightdock();
    await expect(host.invoke('distros:start', { name: '../x' })).rejects.toThrow(/Off-contract distros:start request/);
    host.distros[0] = { ...host.distros[0]!, state: 'Sleeping' as never };
    await expect(host.invoke('distros:list', {})).rejects.toThrow(/Off-contract distros:list response/);
    expect(() => host.emit('exec:exited', { sessionId: 'exec-1', exitCode: 1.5 })).toThrow(/Off-contract exec:exited event/);
    expect(() => host.failWith('vm:info', { code: 'NOPE' as never, message: 'x' })).toThrow(/Off-contract error for vm:info/);
    expect(takeContractViolations()).toHaveLength(4);
  });
});
