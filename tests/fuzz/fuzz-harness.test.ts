import { execFile } from 'node:child_process';
import net from 'node:net';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { invokeContract } from '../../shared/ipc/contract';
import { HOSTILE_STRINGS, deepValue, hostileArbitrary, requestArbitrary, validArbitrary } from '../helpers/contract-arbitraries';
import { FUZZED_CHANNELS, SNAPSHOT_CHANNELS, envelopeProblem, installProcessGuards, type ProcessGuards } from './fuzz-harness';

let guards: ProcessGuards | undefined;
afterEach(() => guards?.restore());

describe('the process guards of the fuzz suite', () => {
  it('refuse and record a process started through a named import of node:child_process', () => {
    guards = installProcessGuards();
    expect(() => execFile('/bin/true', [])).toThrow(/refuses execFile/);
    expect(guards.spawned).toEqual(['execFile /bin/true']);
  });

  it('record every socket connection, TCP and unix alike', async () => {
    guards = installProcessGuards();
    const attempts = [net.connect(1, '127.0.0.1'), net.connect({ path: '/nonexistent/docker.sock' })];
    await Promise.all(attempts.map((socket) => new Promise((resolve) => socket.once('error', resolve))));
    expect(guards.connections).toEqual(['127.0.0.1:1', 'unix:/nonexistent/docker.sock']);
  });

  it('count an unhandled rejection', async () => {
    guards = installProcessGuards();
    void Promise.reject(new Error('nobody listens'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(guards.unhandled).toHaveLength(1);
  });
});

describe('the contract generators', () => {
  it('fuzz every channel of the contract and snapshot the list channels', () => {
    expect(FUZZED_CHANNELS).toEqual(Object.keys(invokeContract));
    expect(SNAPSHOT_CHANNELS).toEqual(expect.arrayContaining(['distros:list', 'containers:list', 'images:list', 'volumes:list', 'wslconfig:get']));
  });

  it('draw valid values the schema accepts, known strings included', () => {
    const schema = z.object({ name: z.string().regex(/^[a-z]{2,8}$/), size: z.number().int().min(1).max(9), kind: z.enum(['a', 'b']), tags: z.array(z.string().max(3)).max(2), note: z.string().nullable().optional() }).strict();
    const values = fc.sample(validArbitrary(schema, { knownStrings: () => ['known'] }), 300);
    expect(values.every((value) => schema.safeParse(value).success)).toBe(true);
    expect(values.some((value) => (value as { name: string }).name === 'known')).toBe(true);
  });

  it('never draw a rooted free-form string; the rooted hostile strings name no file anyone could write', () => {
    const strings = fc.sample(fc.oneof(validArbitrary(z.string()), hostileArbitrary()), 2000).filter((value): value is string => typeof value === 'string');
    expect(strings.filter((value) => /^[/\\]/.test(value) && !HOSTILE_STRINGS.includes(value))).toEqual([]);
    expect(HOSTILE_STRINGS.filter((value) => /^[/\\]/.test(value))).toEqual(['/..', '\\\\server\\share', '/'.repeat(10_000)]);
  });

  it('mix valid requests, near misses with unknown or prototype keys, and other types', () => {
    const schema = z.object({ name: z.string().regex(/^[a-z]{1,8}$/) }).strict();
    const values = fc.sample(requestArbitrary(schema), 1000);
    const valid = values.filter((value) => schema.safeParse(value).success).length;
    expect(valid).toBeGreaterThan(300);
    expect(valid).toBeLessThan(900);
    expect(values.some((value) => typeof value === 'object' && value !== null && Object.hasOwn(value, '__proto__'))).toBe(true);
    expect(values.some((value) => typeof value !== 'object')).toBe(true);
  });

  it('label deep values briefly in counterexamples', () => {
    expect(fc.stringify(deepValue(5000, 'array'))).toBe('<arrays nested 5000 deep>');
  });
});

describe('envelopeProblem', () => {
  it('accepts a known error code and a value the response schema parses, and names anything else', () => {
    expect(envelopeProblem('distros:list', { ok: true, value: [] })).toBeNull();
    expect(envelopeProblem('distros:list', { ok: false, error: { code: 'NOT_FOUND', message: 'x' } })).toBeNull();
    expect(envelopeProblem('distros:list', { ok: true, value: [{ name: '../x' }] })).toMatch(/response schema refuses/);
    expect(envelopeProblem('distros:list', { ok: false, error: { code: 'OOPS', message: 'x' } })).toMatch(/known code/);
    expect(envelopeProblem('distros:list', undefined)).toMatch(/not an envelope/);
  });
});
