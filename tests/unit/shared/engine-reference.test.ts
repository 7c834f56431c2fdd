import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { containerSegment, engineIdSegment, imageSegment, volumeSegment } from '../../../electron/services/docker/dockerode/engine-paths';
import { ServiceError } from '../../../electron/services/errors';
import { invokeContract } from '../../../shared/ipc/contract';
import { ContainerRef, DockerContextName, EngineObjectId, ImageRef, VolumeName } from '../../../shared/model/engine-reference';

// Generators built from docker/distribution's grammar term by term (not from our regular expression), so a
// mistake in the expression shows up as a generated reference it refuses.
const lowerAlnum = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'), minLength: 1, maxLength: 6 });
const alnum = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'), minLength: 1, maxLength: 6 });
const hex = (min: number, max: number): fc.Arbitrary<string> => fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: min, maxLength: max });
const separator = fc.oneof(fc.constant('.'), fc.constant('_'), fc.constant('__'), fc.integer({ min: 1, max: 3 }).map((n) => '-'.repeat(n)));
const pathComponent = fc
  .tuple(lowerAlnum, fc.array(fc.tuple(separator, lowerAlnum), { maxLength: 3 }))
  .map(([first, rest]) => first + rest.map(([sep, part]) => sep + part).join(''));
const domainComponent = fc.oneof(
  alnum.map((s) => s.slice(0, 1)),
  fc.tuple(alnum, fc.string({ unit: fc.constantFrom(...'abcXYZ019-'), maxLength: 4 }), alnum).map(([a, mid, b]) => a + mid + b),
);
const domain = fc.oneof(
  fc.array(domainComponent, { minLength: 1, maxLength: 3 }).map((parts) => parts.join('.')),
  fc.constantFrom('[::1]', '[2001:db8::1]'),
);
const port = fc.option(fc.integer({ min: 1, max: 65535 }).map((p) => `:${p}`), { nil: '' });
const name = fc
  .tuple(fc.option(fc.tuple(domain, port).map(([d, p]) => `${d}${p}/`), { nil: '' }), fc.array(pathComponent, { minLength: 1, maxLength: 3 }))
  .map(([prefix, parts]) => prefix + parts.join('/'));
const tagChars = 'abcXYZ0189_.-';
const tag = fc
  .tuple(fc.constantFrom(...'aZ0_'), fc.string({ unit: fc.constantFrom(...tagChars), maxLength: 12 }))
  .map(([first, rest]) => `:${first}${rest}`);
const digest = fc.tuple(fc.constantFrom('sha256', 'sha512', 'multihash+base58', 'a.b-c_d'), hex(32, 64)).map(([alg, h]) => `@${alg}:${h}`);
const imageReference = fc
  .tuple(name, fc.option(tag, { nil: '' }), fc.option(digest, { nil: '' }))
  .map(([n, t, d]) => n + t + d);
const imageId = fc.oneof(hex(64, 64).map((h) => `sha256:${h}`), hex(12, 64));
const containerName = fc
  .tuple(alnum, fc.string({ unit: fc.constantFrom(...'abcXYZ019_.-'), minLength: 1, maxLength: 30 }))
  .map(([first, rest]) => first + rest);
const containerId = hex(1, 64);

/** What must never get through: path tricks, query and fragment, escapes, whitespace and control characters. */
const poison = fc.constantFrom('/..', '../', '/../', '//', '%', '%2F', '%2e%2e', '?', '#', ' ', '\t', '\n', '\r', '\0', '\u00a0', '\\', '\u2028');

/** `value` with `insert` put in at `at` (a fraction of its length). */
function inserted(value: string, insert: string, at: number): string {
  const index = Math.floor(at * (value.length + 1));
  return value.slice(0, index) + insert + value.slice(index);
}

const unit = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

describe('image references (docker/distribution grammar)', () => {
  it('accepts every generated name[:tag][@digest] and image id', () => {
    fc.assert(
      fc.property(fc.oneof(imageReference, imageId), (ref) => {
        expect(ImageRef.safeParse(ref).success).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts the references docker pull and docker rmi accept', () => {
    for (const ref of [
      'busybox',
      'lightdock-test/busybox:latest',
      'docker.io/library/busybox:1.36',
      'localhost:5000/foo/bar@sha256:' + 'a'.repeat(64),
      'registry.example.com:5000/team/app:v1.2.3-rc_1',
      '[2001:db8::1]:5000/repo:tag',
      'test_com',
      'a__b',
      'a---b',
      'Example.COM/lower',
      `sha256:${'0123456789abcdef'.repeat(4)}`,
      '0123456789ab',
      'busybox:tag..with..dots',
    ]) {
      expect(ImageRef.safeParse(ref).success, ref).toBe(true);
    }
  });

  it('refuses what the grammar refuses, the path tricks of issue 9 first', () => {
    for (const ref of [
      'x/../../127.0.0.1:38123/pwned',
      'probe/../../containers/abc',
      '..',
      '.',
      'a/..',
      'a/./b',
      '../a',
      'a//b',
      '/a',
      'a/',
      'domain/Upper',
      'Upper',
      'a..b',
      '-a',
      'a-',
      'a:',
      ':tag',
      'a@',
      'a@sha256:abc',
      'a:-tag',
      'a:' + 'x'.repeat(129),
      `${'a'.repeat(256)}`,
      `${'a'.repeat(200)}/${'b'.repeat(60)}:t`,
      'a'.repeat(10_000),
      '',
    ]) {
      expect(ImageRef.safeParse(ref).success, JSON.stringify(ref)).toBe(false);
    }
  });

  it('holds names to 255 characters and references to 512, as distribution does', () => {
    const name255 = `${'a'.repeat(127)}/${'b'.repeat(127)}`;
    expect(name255).toHaveLength(255);
    expect(ImageRef.safeParse(name255).success).toBe(true);
    expect(ImageRef.safeParse(`${name255}b`).success).toBe(false);
    const longest = `${name255}:${'t'.repeat(128)}@sha256:${'c'.repeat(120)}`;
    expect(longest).toHaveLength(512);
    expect(ImageRef.safeParse(longest).success).toBe(true);
    expect(ImageRef.safeParse(`${longest}c`).success).toBe(false);
    expect(imageSegment(longest)).toBe(encodeURIComponent(longest));
    expect(() => imageSegment(`${longest}c`)).toThrow(ServiceError);
  });

  it('stops at the length bound: one issue for an overlong value, the grammar not even tried', () => {
    expect(ImageRef.safeParse('a'.repeat(10_000)).error?.issues).toHaveLength(1);
  });

  it('says what is wrong in one sentence', () => {
    expect(ImageRef.safeParse('a/../b').error?.issues[0]?.message).toBe('Not an image id or reference (name[:tag][@digest], as docker pull accepts).');
    expect(ImageRef.safeParse(`${'a'.repeat(256)}`).error?.issues.map((issue) => issue.message)).toEqual(['An image name is at most 255 characters.']);
    expect(ContainerRef.safeParse('a/b').error?.issues[0]?.message).toBe('A container is named by its id or by a name of letters, digits, "_", "." and "-".');
    expect(VolumeName.safeParse('a/b').error?.issues[0]?.message).toBe('Not a volume name.');
    expect(DockerContextName.safeParse('a/b').error?.issues[0]?.message).toBe('Not a Docker context name.');
  });

  it('refuses a valid reference with any path trick, escape, query, fragment, whitespace or NUL put in anywhere', () => {
    fc.assert(
      fc.property(fc.oneof(imageReference, imageId), poison, unit, (ref, bad, at) => {
        expect(ImageRef.safeParse(inserted(ref, bad, at)).success).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('container, volume and context names (Docker restricted name grammar)', () => {
  it('accepts generated names and hex ids, with the leading / inspect shows', () => {
    fc.assert(
      fc.property(fc.oneof(containerName, containerId), fc.boolean(), (ref, slash) => {
        expect(ContainerRef.safeParse(slash ? `/${ref}` : ref).success).toBe(true);
      }),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(containerName, (volume) => {
        expect(VolumeName.safeParse(volume).success).toBe(true);
      }),
    );
  });

  it('refuses a name with any path trick, escape, query, fragment, whitespace or NUL put in anywhere', () => {
    fc.assert(
      fc.property(fc.oneof(containerName, containerId), poison, unit, (ref, bad, at) => {
        const value = inserted(ref, bad, at);
        expect(ContainerRef.safeParse(value).success).toBe(false);
        expect(VolumeName.safeParse(value).success).toBe(false);
        expect(DockerContextName.safeParse(value).success).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it.each(['..', '.', '.a', '_a', '-a', '//a', '/', 'a/b', '', 'é'])('refuses %j as a container, volume or context name', (value) => {
    expect(ContainerRef.safeParse(value).success).toBe(false);
    expect(VolumeName.safeParse(value).success).toBe(false);
    expect(DockerContextName.safeParse(value).success).toBe(false);
  });

  it('accepts context names up to 128 characters, as the docker CLI does', () => {
    for (const name of ['default', 'desktop-linux', 'rootless', 'a', 'team.prod+eu_1', `a${'b'.repeat(127)}`]) {
      expect(DockerContextName.safeParse(name).success, name).toBe(true);
    }
    expect(DockerContextName.safeParse(`a${'b'.repeat(128)}`).success).toBe(false);
  });

  it('takes only 64 lowercase hex digits as an engine object id', () => {
    const id = '0123456789abcdef'.repeat(4);
    expect(EngineObjectId.safeParse(id).success).toBe(true);
    for (const bad of [`g${id}`, `${id}0`, id.slice(1), id.toUpperCase(), `sha256:${id}`]) {
      expect(EngineObjectId.safeParse(bad).success, bad).toBe(false);
      expect(() => engineIdSegment(bad)).toThrow(ServiceError);
    }
    expect(EngineObjectId.safeParse('x').error?.issues[0]?.message).toBe('Not an engine object id.');
  });

  it('refuses a one-character volume name, as Docker does', () => {
    expect(VolumeName.safeParse('a').success).toBe(false);
    expect(VolumeName.safeParse('ab').success).toBe(true);
    expect(volumeSegment('ld-refs.volume_1')).toBe('ld-refs.volume_1');
    expect(() => volumeSegment('a')).toThrow(ServiceError);
  });
});

describe('every engine reference in the contract', () => {
  it('is checked by the grammar on every channel that names an engine object', () => {
    const bad = 'x/../../127.0.0.1:38123/pwned';
    const requests: [keyof typeof invokeContract, unknown][] = [
      ['containers:inspect', { id: bad }],
      ['containers:act', { ids: [bad], action: 'stop' }],
      ['containers:stats', { ids: [bad] }],
      ['images:remove', { id: bad }],
      ['volumes:remove', { name: bad }],
      ['logs:follow', { id: bad, tail: 1, timestamps: false }],
      ['stats:watch', { ids: [bad] }],
      ['exec:open', { id: bad, cols: 80, rows: 24 }],
      ['engine:use-context', { name: bad }],
    ];
    for (const [channel, request] of requests) {
      expect(invokeContract[channel].request.safeParse(request).success, channel).toBe(false);
    }
  });
});

describe('engine paths: one encoded segment per reference', () => {
  const base = 'http://engine.invalid';

  it('encodes every valid reference as one segment that URL resolution keeps as it is', () => {
    fc.assert(
      fc.property(fc.oneof(imageReference, imageId), (ref) => {
        const segment = imageSegment(ref);
        expect(segment).not.toMatch(/[/?#\s]/);
        expect(decodeURIComponent(segment)).toBe(ref);
        const path = `/images/${segment}/json`;
        expect(new URL(path, base).pathname).toBe(path);
      }),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(fc.oneof(containerName, containerId), fc.boolean(), (ref, slash) => {
        const segment = containerSegment(slash ? `/${ref}` : ref);
        expect(segment).toBe(encodeURIComponent(ref));
        const path = `/containers/${segment}/json`;
        expect(new URL(path, base).pathname).toBe(path);
      }),
    );
  });

  it('refuses with VALIDATION what is not a reference, whoever called', () => {
    const cases: [(value: string) => string, string][] = [
      [imageSegment, 'x/../../127.0.0.1:38123/pwned'],
      [imageSegment, 'a?force=true'],
      [containerSegment, '../containers/abc'],
      [containerSegment, 'a/b'],
      [volumeSegment, 'v#x'],
      [engineIdSegment, 'abc'],
      [engineIdSegment, `${'a'.repeat(64)}/..`],
    ];
    for (const [segment, value] of cases) {
      let thrown: unknown;
      try {
        segment(value);
      } catch (error) {
        thrown = error;
      }
      expect(thrown, value).toBeInstanceOf(ServiceError);
      expect((thrown as ServiceError).code).toBe('VALIDATION');
    }
    expect(engineIdSegment('0123456789abcdef'.repeat(4))).toBe('0123456789abcdef'.repeat(4));
  });

  it('names the refused value, cut at 80 characters', () => {
    expect(() => imageSegment('a/../b')).toThrow('"a/../b" is not an image id or reference Docker accepts.');
    expect(() => containerSegment('a b')).toThrow('"a b" is not a container id or name Docker accepts.');
    expect(() => volumeSegment('v')).toThrow('"v" is not a volume name Docker accepts.');
    expect(() => engineIdSegment('abc')).toThrow('"abc" is not an engine object id Docker accepts.');
    const long = `${'x'.repeat(80)}/..`;
    expect(() => containerSegment(long)).toThrow(`"${'x'.repeat(80)}…" is not a container id or name Docker accepts.`);
    const exactly80 = `${'x'.repeat(79)}/`;
    expect(() => containerSegment(exactly80)).toThrow(`"${exactly80}" is not`);
  });
});
