import fc from 'fast-check';
import type { z } from 'zod';
import { CreateContextRequest, RemoteEngineHost } from '../../shared/model/engine';
import { ContainerRef } from '../../shared/model/engine-reference';
import { RunSpec } from '../../shared/model/run-container';

// fast-check arbitraries built by walking zod 4 schemas (`schema._zod.def`), mixed with hostile values, so a fuzz
// suite can derive its requests from the IPC contract itself and a new channel is fuzzed without a test edit.

/** How a request travels to the dispatcher, which bounds what a sender can put in it. */
export type Wire = 'direct' | 'clone' | 'json';

/** What the walker reads of a zod 4 schema: its definition. */
interface ZodInternals {
  _zod: { def: ZodDef };
}

interface ZodDef {
  type: string;
  checks?: readonly ZodInternals[];
  [key: string]: unknown;
}

/** What shapes the valid arm of the generators. */
export interface ContractArbitraryOptions {
  /**
   * Known strings (names, ids, paths that exist): a string schema offers those it accepts next to generated ones.
   * Return the same array until the known strings change: what each schema accepts is worked out once per array.
   */
  readonly knownStrings?: () => readonly string[];
  /** Schemas whose values must come from a given arbitrary (paths a service writes to, confined to a temp dir). */
  readonly overrides?: ReadonlyMap<z.ZodType, fc.Arbitrary<unknown>>;
  /**
   * How requests travel: `direct` (a function call: anything), `clone` (Electron IPC's structured clone: no functions,
   * at most about 1,000 levels deep) or `json` (the browser host's wire: JSON values only). Default `direct`.
   */
  readonly wire?: Wire;
}

const MAX_DEPTH = 6;
const SAFE_MIN = Number.MIN_SAFE_INTEGER;
const SAFE_MAX = Number.MAX_SAFE_INTEGER;

/**
 * Free-form strings never start at a root (`/x`, `\\x`): a path a service may write to must come from an override
 * confined to a temp folder, so a field that turns out to be a path cannot aim at this machine's files.
 */
function unrooted(value: string): string {
  return /^[/\\]/.test(value) ? `.${value}` : value;
}

/** Free-form strings of printable ASCII or any code point (lone surrogates included), never rooted. */
function freeString(minLength: number, maxLength: number): fc.Arbitrary<string> {
  return fc
    .oneof(fc.string({ minLength, maxLength, unit: 'grapheme-ascii' }), fc.string({ minLength, maxLength, unit: 'binary' }))
    .map(unrooted);
}

function defOf(schema: unknown): ZodDef {
  return (schema as ZodInternals)._zod.def;
}

function checkDefs(def: ZodDef): Record<string, unknown>[] {
  return (def.checks ?? []).map((check) => check._zod.def as unknown as Record<string, unknown>);
}

/** Length bounds and patterns of a string or array schema. */
function lengthBounds(def: ZodDef): { min: number; max: number; patterns: RegExp[] } {
  let min = 0;
  let max = Number.POSITIVE_INFINITY;
  const patterns: RegExp[] = [];
  for (const check of checkDefs(def)) {
    if (check['check'] === 'min_length') min = Math.max(min, Number(check['minimum']));
    if (check['check'] === 'max_length') max = Math.min(max, Number(check['maximum']));
    if (check['check'] === 'length_equals') min = max = Number(check['length']);
    if (check['check'] === 'string_format' && check['pattern'] instanceof RegExp) patterns.push(check['pattern']);
  }
  return { min, max, patterns };
}

function numberArbitrary(def: ZodDef): fc.Arbitrary<number> {
  let integer = false;
  let min = Number.NEGATIVE_INFINITY;
  let max = Number.POSITIVE_INFINITY;
  let minExcluded = false;
  let maxExcluded = false;
  for (const check of checkDefs(def)) {
    if (check['check'] === 'number_format') integer = integer || /int/.test(String(check['format']));
    if (check['check'] === 'greater_than') {
      min = Number(check['value']);
      minExcluded = check['inclusive'] !== true;
    }
    if (check['check'] === 'less_than') {
      max = Number(check['value']);
      maxExcluded = check['inclusive'] !== true;
    }
  }
  if (integer) {
    const low = Math.max(SAFE_MIN, minExcluded ? Math.floor(min) + 1 : Math.ceil(min));
    const high = Math.min(SAFE_MAX, maxExcluded ? Math.ceil(max) - 1 : Math.floor(max));
    return fc.integer({ min: low, max: high });
  }
  return fc.double({
    noNaN: true,
    noDefaultInfinity: true,
    ...(Number.isFinite(min) ? { min, minExcluded } : {}),
    ...(Number.isFinite(max) ? { max, maxExcluded } : {}),
  });
}

function stringArbitrary(schema: z.ZodType, def: ZodDef, options: ContractArbitraryOptions): fc.Arbitrary<string> {
  const { min, max, patterns } = lengthBounds(def);
  const fits = (value: string): boolean => value.length >= min && value.length <= max && patterns.every((pattern) => pattern.test(value));
  const [first] = patterns;
  const generated =
    first === undefined
      ? freeString(min, Math.min(max, min + 40)).filter(fits)
      : fc.stringMatching(first).filter(fits);
  const known = options.knownStrings;
  if (known === undefined) return generated;
  // Known values are read when a value is drawn, so names created during the run are offered too.
  let seen: readonly string[] | undefined;
  let accepted: string[] = [];
  const fromKnown = fc.nat().chain((index) => {
    const current = known();
    if (current !== seen) {
      seen = current;
      accepted = current.filter((value) => schema.safeParse(value).success);
    }
    return accepted.length === 0 ? generated : fc.constant(accepted[index % accepted.length] as string);
  });
  return fc.oneof({ arbitrary: generated, weight: 2 }, { arbitrary: fromKnown, weight: 3 });
}

function objectArbitrary(def: ZodDef, options: ContractArbitraryOptions, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const shape = def['shape'] as Record<string, z.ZodType>;
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  const requiredKeys: string[] = [];
  for (const [key, field] of Object.entries(shape)) {
    const fieldDef = defOf(field);
    const optional = fieldDef.type === 'optional' || fieldDef.type === 'default';
    model[key] = validArbitrary(optional ? (fieldDef['innerType'] as z.ZodType) : field, options, depth + 1);
    if (!optional) requiredKeys.push(key);
  }
  return fc.record(model, { requiredKeys }) as fc.Arbitrary<Record<string, unknown>>;
}

/**
 * Values the schema is meant to accept: objects (strict ones without extra keys), strings matching their pattern and
 * length (or a known string the schema accepts), numbers within bounds, enums, literals, unions, arrays, records,
 * nullable and optional. Refinements are not solved: a few drawn values may still fail them.
 */
export function validArbitrary(schema: z.ZodType, options: ContractArbitraryOptions = {}, depth = 0): fc.Arbitrary<unknown> {
  const override = options.overrides?.get(schema) ?? builtInOverride(schema, options);
  if (override !== undefined) return override;
  const def = defOf(schema);
  if (depth > MAX_DEPTH) return fc.constant(null);
  const inner = (key: string): fc.Arbitrary<unknown> => validArbitrary(def[key] as z.ZodType, options, depth + 1);
  switch (def.type) {
    case 'string':
      return stringArbitrary(schema, def, options);
    case 'number':
      return numberArbitrary(def);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'undefined':
    case 'void':
      return fc.constant(undefined);
    case 'literal':
      return fc.constantFrom(...(def['values'] as unknown[]));
    case 'enum':
      return fc.constantFrom(...Object.values(def['entries'] as Record<string, unknown>));
    case 'nullable':
      return fc.option(inner('innerType'), { nil: null, freq: 5 });
    case 'optional':
    case 'default':
    case 'prefault':
      return fc.option(inner('innerType'), { nil: undefined, freq: 5 });
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return inner('innerType');
    case 'pipe':
      return inner('in');
    case 'lazy':
      return validArbitrary((def['getter'] as () => z.ZodType)(), options, depth + 1);
    case 'array': {
      const { min, max } = lengthBounds(def);
      return fc.array(inner('element'), { minLength: min, maxLength: Math.min(max, min + 6) });
    }
    case 'tuple':
      return fc.tuple(...(def['items'] as z.ZodType[]).map((item) => validArbitrary(item, options, depth + 1)));
    case 'object':
      return objectArbitrary(def, options, depth);
    case 'union':
      return fc.oneof(...(def['options'] as z.ZodType[]).map((option) => validArbitrary(option, options, depth + 1)));
    case 'record':
      return fc.dictionary(inner('keyType') as fc.Arbitrary<string>, inner('valueType'), { maxKeys: 4 });
    default:
      return anyValue(options);
  }
}

/** Values that pass `schema`: the generated ones are filtered where refinements (lengths, NUL) would refuse a few. */
function passing<T>(schema: z.ZodType<T>, options: ContractArbitraryOptions): fc.Arbitrary<T> {
  return validArbitrary(schema, options).filter((value) => schema.safeParse(value).success) as fc.Arbitrary<T>;
}

/**
 * Run specs the run service gets past validation with and can act on: images of the seed next to generated
 * references, ports on the usual addresses (the seed's and Docker's ephemeral ones among them), networks the engine
 * knows or `container:` one of its containers, next to generated values for every other field. Walking the schema
 * alone gave specs that rarely validated (an image reference's refinements), so requests rarely reached the service.
 */
function runSpecArbitrary(options: ContractArbitraryOptions): fc.Arbitrary<unknown> {
  const shape = RunSpec.shape;
  const field = <K extends keyof typeof shape>(key: K): fc.Arbitrary<unknown> => passing(shape[key] as z.ZodType, options);
  const image = fc.oneof(
    { arbitrary: fc.constantFrom('busybox:1.36', 'nginx:1.27-alpine', 'redis:7-alpine', 'busybox', 'missing/image:1'), weight: 3 },
    { arbitrary: passing(shape.image, options), weight: 1 },
  );
  const resources = fc.oneof(
    {
      arbitrary: fc.record({
        memoryBytes: fc.constantFrom(null, 64 * 1024 * 1024, 512 * 1024 * 1024),
        memorySwapBytes: fc.constantFrom(null, -1, 1024 * 1024 * 1024),
        nanoCpus: fc.constantFrom(null, 500_000_000, 2_000_000_000),
        pidsLimit: fc.constantFrom(null, -1, 50),
      }),
      weight: 3,
    },
    { arbitrary: field('resources'), weight: 1 },
  );
  const port = fc.record({
    hostIp: fc.oneof(fc.constantFrom('127.0.0.1', '0.0.0.0', '::1'), fc.ipV4()),
    hostPort: fc.oneof(fc.constant(null), fc.constantFrom(8080, 5432, 6379, 32768, 32769), fc.integer({ min: 1, max: 65_535 })),
    containerPort: fc.integer({ min: 1, max: 65_535 }),
    protocol: fc.constantFrom('tcp' as const, 'udp' as const, 'sctp' as const),
  });
  const network = fc.oneof(
    { arbitrary: fc.constantFrom('bridge', 'bridge', 'bridge', 'host', 'none', 'shop_default', 'missing-network'), weight: 6 },
    { arbitrary: passing(ContainerRef, options).map((ref) => `container:${ref}`), weight: 2 },
    { arbitrary: field('namespaces').map((ns) => (ns as { network?: string }).network ?? 'bridge'), weight: 1 },
  );
  const namespaces = fc.record({
    network,
    pid: fc.constantFrom('private' as const, 'host' as const),
    ipc: fc.constantFrom('private' as const, 'host' as const, 'shareable' as const),
    uts: fc.constantFrom('private' as const, 'host' as const),
  });
  return fc
    .record(
      {
        image,
        name: fc.oneof(fc.constant(null), field('name')),
        command: field('command'),
        env: field('env'),
        ports: fc.array(port, { maxLength: 2 }),
        mounts: field('mounts'),
        restart: field('restart'),
        maxRetries: field('maxRetries'),
        resources,
        namespaces,
        labels: field('labels'),
        tty: fc.boolean(),
        start: fc.boolean(),
      },
      { requiredKeys: ['image', 'name', 'command', 'env', 'ports', 'mounts', 'restart', 'maxRetries', 'resources', 'namespaces', 'tty', 'start'] },
    )
    .filter((spec) => RunSpec.safeParse(spec).success);
}

/** ssh://[user@]host[:port] and tcp://host[:port] built from their parts (names, IPv4, bracketed IPv6), kept when the grammar takes them. */
const generatedEngineHost = fc
  .tuple(
    fc.constantFrom('ssh://', 'tcp://'),
    fc.option(fc.stringMatching(/^[a-z][a-z0-9._-]{0,15}@$/), { nil: '' }),
    fc.oneof(fc.domain(), fc.ipV4(), fc.ipV6().map((address) => `[${address}]`)),
    fc.option(fc.integer({ min: 1, max: 65_535 }).map((port) => `:${port}`), { nil: '' }),
  )
  .map(([scheme, user, host, port]) => `${scheme}${scheme === 'ssh://' ? user : ''}${host}${port}`)
  .filter((value) => RemoteEngineHost.safeParse(value).success);

/**
 * Docker endpoints a context may name: usual ssh:// and tcp:// forms (users, ports, IPv6, the loopback address) next to
 * ones generated from the grammar. A loopback port nothing is meant to answer keeps a later probe on this machine.
 */
function remoteEngineHostArbitrary(): fc.Arbitrary<unknown> {
  return fc.oneof(
    {
      arbitrary: fc.constantFrom('ssh://builder@127.0.0.1:2222', 'ssh://build-host', 'ssh://me@[::1]:22', 'tcp://127.0.0.1:2376', 'tcp://127.0.0.1:2375', 'tcp://[::1]:2376', 'tcp://docker.internal:2376'),
      weight: 3,
    },
    { arbitrary: generatedEngineHost, weight: 1 },
  );
}

/**
 * Create-context requests the service gets past validation with: a name (often a known one, to meet CONFLICT), an
 * endpoint, sometimes a description, and TLS material mostly with tcp:// (sometimes with ssh://, which is refused).
 * Walking the schema alone rarely gave TLS paths the schema accepts.
 */
function createContextArbitrary(options: ContractArbitraryOptions): fc.Arbitrary<unknown> {
  const shape = CreateContextRequest.shape;
  const host = remoteEngineHostArbitrary() as fc.Arbitrary<string>;
  const tls = validArbitrary(shape.tls.unwrap(), options) as fc.Arbitrary<Record<string, unknown>>;
  return fc
    .record(
      { name: passing(shape.name, options), host, description: passing(shape.description.unwrap(), options), tls, withTls: fc.nat(9) },
      { requiredKeys: ['name', 'host', 'tls', 'withTls'] },
    )
    .map(({ withTls, tls: material, host: endpoint, ...rest }) => {
      const tlsWanted = endpoint.startsWith('tcp://') ? withTls < 6 : withTls === 0;
      return { ...rest, host: endpoint, ...(tlsWanted ? { tls: material } : {}) };
    });
}

/** The generators this file gives some schemas instead of walking them (a caller's overrides come first). */
function builtInOverride(schema: z.ZodType, options: ContractArbitraryOptions): fc.Arbitrary<unknown> | undefined {
  if (schema === RunSpec) return runSpecArbitrary(options);
  if (schema === CreateContextRequest) return createContextArbitrary(options);
  if (schema === RemoteEngineHost) return remoteEngineHostArbitrary();
  return undefined;
}

/** Any plain value, of the kinds the wire in use can carry. */
function anyValue(options: Pick<ContractArbitraryOptions, 'wire'>): fc.Arbitrary<unknown> {
  const structured = options.wire !== 'json';
  const leaves: fc.Arbitrary<unknown>[] = [fc.boolean(), fc.integer(), fc.double({ noNaN: !structured, noDefaultInfinity: !structured }), freeString(0, 20), fc.constant(null)];
  if (structured) leaves.push(fc.constant(undefined));
  return fc.anything({
    maxDepth: 2,
    values: leaves,
    withNullPrototype: structured,
    withBigInt: structured,
    withDate: structured,
    withTypedArray: structured,
    withMap: structured,
    withSet: structured,
  });
}

/** A chain of `depth` nested objects (or arrays), built without recursion; fast-check prints it as a short label. */
export function deepValue(depth: number, kind: 'object' | 'array'): unknown {
  let value: unknown = 'bottom';
  for (let level = 0; level < depth; level += 1) value = kind === 'object' ? { a: value } : [value];
  Object.defineProperty(value, fc.toStringMethod, { value: () => `<${kind}s nested ${depth} deep>`, enumerable: false });
  return value;
}

/** An object whose own keys are the prototype names, as `JSON.parse` builds them from a hostile frame. */
function prototypeKeys(): unknown[] {
  return [
    JSON.parse('{"__proto__":{"polluted":true}}'),
    JSON.parse('{"constructor":{"prototype":{"polluted":true}}}'),
    JSON.parse('{"prototype":{"polluted":true},"toString":"x","hasOwnProperty":"x","valueOf":1}'),
  ];
}

/** Strings an attacker or an unlucky user sends: traversal, URL tricks, shell syntax, reserved names, odd characters. */
export const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  '.',
  '..',
  '../..',
  '../../etc/passwd',
  '..\\..\\Windows',
  'x/../../127.0.0.1:1/pwned',
  'probe/../../containers/json',
  'a/..',
  '/..',
  '%2e%2e',
  '%2e%2e%2f',
  'a?b=c',
  'a#b',
  'a b',
  'a\nb',
  'a\r\nb',
  '\0',
  'a\0b',
  '$(id)',
  '`id`',
  '; id',
  '| id',
  '&& id',
  '-rf',
  '--help',
  '-d',
  'Legacy',
  'legacy',
  'LEGACY',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'http://127.0.0.1:1/',
  'unix:///var/run/docker.sock',
  'C:\\Windows\\System32',
  '\\\\server\\share',
  '\u202e',
  '\ud800',
  '\udfff',
  '💥',
  'é',
  'sha256:',
  'sha256:../../x',
  'ubuntu:latest/../../x',
  'a'.repeat(257),
  'a'.repeat(4097),
  'a'.repeat(65_537),
  '.'.repeat(300),
  '/'.repeat(10_000),
];

/**
 * Values no schema in the contract should accept as they are: wrong types, hostile strings, numbers at and past
 * every edge, deep nesting (5,000 levels, 1,000 over a wire), prototype keys, huge strings (200,000 characters) and arrays.
 */
export function hostileArbitrary(options: Pick<ContractArbitraryOptions, 'wire'> = {}): fc.Arbitrary<unknown> {
  const wire = options.wire ?? 'direct';
  const edges: unknown[] = [null, true, false, 0, -0, -1, 1.5, 2 ** 31, 2 ** 53, -(2 ** 53), 1e308, -1e308, [], {}, [[]], [null], ...prototypeKeys()];
  if (wire !== 'json') edges.push(undefined, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 10n ** 30n, new Date(0), new Uint8Array([0, 1, 2]), new Map([['a', 1]]));
  // Neither the structured clone nor JSON.stringify goes much past 1,000 levels: a sender could not send deeper.
  const depth = wire === 'direct' ? 5000 : 1000;
  return fc.oneof(
    { arbitrary: fc.constantFrom(...edges), weight: 3 },
    { arbitrary: fc.constantFrom(...HOSTILE_STRINGS), weight: 4 },
    { arbitrary: freeString(0, 64), weight: 2 },
    { arbitrary: fc.constantFrom(deepValue(depth, 'object'), deepValue(depth, 'array'), 'x'.repeat(200_000), Array.from({ length: 10_000 }, (_, i) => i)), weight: 1 },
    { arbitrary: anyValue(options), weight: 2 },
  );
}

/** Puts `value` on `target` as an own property, even for `__proto__` (plain assignment would change the prototype). */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
}

/** Keys that are not in any request schema, or that reach for the prototype. */
const UNKNOWN_KEYS = ['__proto__', 'constructor', 'prototype', 'extra', 'token', 'admin', 'name ', 'NAME', ''];

/**
 * Near misses of an object schema: a valid object with one field swapped for a hostile value, one required key
 * dropped, or an unknown or prototype key added.
 */
function nearMissArbitrary(schema: z.ZodType, options: ContractArbitraryOptions): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const keys = def.type === 'object' ? Object.keys(def['shape'] as Record<string, unknown>) : [];
  const hostile = hostileArbitrary(options);
  return fc
    .tuple(validArbitrary(schema, options), fc.nat(), hostile, fc.constantFrom('swap', 'drop', 'add'), fc.constantFrom(...UNKNOWN_KEYS))
    .map(([valid, index, bad, how, unknownKey]) => {
      if (typeof valid !== 'object' || valid === null || Array.isArray(valid)) return bad;
      const copy: Record<string, unknown> = { ...(valid as Record<string, unknown>) };
      const key = keys.length > 0 ? keys[index % keys.length] : undefined;
      if (how === 'swap' && key !== undefined) setOwn(copy, key, bad);
      else if (how === 'drop' && key !== undefined) delete copy[key];
      else setOwn(copy, unknownKey, bad);
      return copy;
    });
}

/** Requests for one channel: mostly valid ones (so services run), near misses, and plain hostile values. */
export function requestArbitrary(schema: z.ZodType, options: ContractArbitraryOptions = {}): fc.Arbitrary<unknown> {
  return fc.oneof(
    { arbitrary: validArbitrary(schema, options), weight: 5 },
    { arbitrary: nearMissArbitrary(schema, options), weight: 3 },
    { arbitrary: hostileArbitrary(options), weight: 2 },
  );
}
