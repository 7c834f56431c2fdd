import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCpus, formatPublish, quoteWord } from '../../../shared/model/docker-run-line';
import { defaultRunSpec, formatSize, parseCommandLine, parseCpus, parseEnv, parseMount, parsePublish, parseSize, RunArgError } from '../../../shared/model/run-args';
import { PublishSpec, RunSpec } from '../../../shared/model/run-container';

const MiB = 1024 * 1024;

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(RunArgError);
    return (error as Error).message;
  }
  throw new Error('accepted');
}

describe('parseSize and formatSize', () => {
  it('reads docker\'s units, binary and case-insensitive', () => {
    expect(parseSize('64m')).toBe(64 * MiB);
    expect(parseSize('64M')).toBe(64 * MiB);
    expect(parseSize('64mb')).toBe(64 * MiB);
    expect(parseSize('64MiB')).toBe(64 * MiB);
    expect(parseSize('1g')).toBe(1024 * MiB);
    expect(parseSize('512k')).toBe(512 * 1024);
    expect(parseSize('1024')).toBe(1024);
    expect(parseSize('1.5g')).toBe(1536 * MiB);
    expect(parseSize(' 2t ')).toBe(2 * 1024 ** 4);
  });

  it('refuses what is not a size with one sentence', () => {
    expect(refusal(() => parseSize('64x'))).toBe('"64x" is not a size: write a number with an optional unit, like 64m, 512k or 1g.');
    for (const text of ['', 'm', '-1m', '1e3', '64 mm', '0x10']) refusal(() => parseSize(text));
    expect(refusal(() => parseSize('99999999p'))).toBe('"99999999p" is too large a size.');
  });

  it('formats the shortest exact text', () => {
    expect(formatSize(67_108_864)).toBe('64m');
    expect(formatSize(1536)).toBe('1536');
    expect(formatSize(1024)).toBe('1k');
    expect(formatSize(0)).toBe('0');
    expect(formatSize(3 * 1024 ** 3)).toBe('3g');
  });

  it('reads back every byte count it formats, and every whole count of a unit', () => {
    fc.assert(fc.property(fc.nat({ max: Number.MAX_SAFE_INTEGER }), (bytes) => parseSize(formatSize(bytes)) === bytes));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4096 }), fc.constantFrom(['', 0], ['k', 1], ['K', 1], ['m', 2], ['Mb', 2], ['g', 3], ['GiB', 3], ['t', 4]), (count, [unit, power]) => {
        const bytes = parseSize(`${count}${unit as string}`);
        return bytes === count * 1024 ** (power as number) && parseSize(formatSize(bytes)) === bytes;
      }),
    );
  });
});

describe('parseCpus', () => {
  it('reads decimal CPUs as nano CPUs', () => {
    expect(parseCpus('0.5')).toBe(500_000_000);
    expect(parseCpus('.25')).toBe(250_000_000);
    expect(parseCpus('2')).toBe(2_000_000_000);
    expect(parseCpus('1.000000001')).toBe(1_000_000_001);
  });

  it('refuses what is not a number, too precise or out of range', () => {
    expect(refusal(() => parseCpus('half'))).toBe('"half" is not a number of CPUs: write a decimal number like 0.5 or 2.');
    expect(refusal(() => parseCpus('0.0000000001'))).toBe('"0.0000000001" is too precise: CPUs are counted in billionths.');
    expect(refusal(() => parseCpus('0'))).toBe('"0" CPUs is out of range: give between 0.01 and 1024.');
    for (const text of ['', '.', '-1', '1025', '1e3', '1,5']) refusal(() => parseCpus(text));
  });

  it('reads back every nano CPU count formatCpus writes', () => {
    fc.assert(fc.property(fc.integer({ min: 10_000_000, max: 1024 * 1e9 }), (nano) => parseCpus(formatCpus(nano)) === nano));
  });
});

describe('parsePublish', () => {
  it('follows docker -p, with 127.0.0.1 as the default host address', () => {
    expect(parsePublish('80')).toEqual({ hostIp: '127.0.0.1', hostPort: null, containerPort: 80, protocol: 'tcp' });
    expect(parsePublish('8080:80')).toEqual({ hostIp: '127.0.0.1', hostPort: 8080, containerPort: 80, protocol: 'tcp' });
    expect(parsePublish('0.0.0.0:8080:80/udp')).toEqual({ hostIp: '0.0.0.0', hostPort: 8080, containerPort: 80, protocol: 'udp' });
    expect(parsePublish(':80')).toEqual({ hostIp: '127.0.0.1', hostPort: null, containerPort: 80, protocol: 'tcp' });
    expect(parsePublish('127.0.0.1::80')).toEqual({ hostIp: '127.0.0.1', hostPort: null, containerPort: 80, protocol: 'tcp' });
    expect(parsePublish('[::1]:8080:80/SCTP')).toEqual({ hostIp: '::1', hostPort: 8080, containerPort: 80, protocol: 'sctp' });
    expect(parsePublish('[2001:db8::1]::53/udp')).toEqual({ hostIp: '2001:db8::1', hostPort: null, containerPort: 53, protocol: 'udp' });
  });

  it('refuses ranges, bad protocols, bare IPv6 and ports out of range, each with its sentence', () => {
    expect(refusal(() => parsePublish('8000-8010:80'))).toBe('"8000-8010:80" publishes a port range; publish each port on its own.');
    expect(refusal(() => parsePublish('80/icmp'))).toBe('"80/icmp" names protocol "icmp"; use tcp, udp or sctp.');
    expect(refusal(() => parsePublish('::1:80:80'))).toBe('"::1:80:80" has too many ":"; an IPv6 address goes in brackets, like [::1]:8080:80.');
    expect(refusal(() => parsePublish('0:80'))).toBe('"0:80" has host port 0; a port is between 1 and 65535.');
    expect(refusal(() => parsePublish('8080:65536'))).toBe('"8080:65536" has container port 65536; a port is between 1 and 65535.');
    expect(refusal(() => parsePublish('300.1.1.1:80:80'))).toBe('"300.1.1.1:80:80" has "300.1.1.1", which is not an IPv4 address.');
    for (const text of ['', 'web', '[::1]80', '[::g]:1:2', '8080:', '1.2.3.4:80']) refusal(() => parsePublish(text));
  });

  it('reads back every published port the docker run line writes', () => {
    const ipv6 = fc.array(fc.integer({ min: 0, max: 0xffff }), { minLength: 8, maxLength: 8 }).map((groups) => groups.map((g) => g.toString(16)).join(':'));
    const spec = fc.record({
      hostIp: fc.oneof(fc.ipV4(), ipv6, fc.constantFrom('::1', '::', 'fe80::1')),
      hostPort: fc.option(fc.integer({ min: 1, max: 65_535 }), { nil: null }),
      containerPort: fc.integer({ min: 1, max: 65_535 }),
      protocol: fc.constantFrom('tcp' as const, 'udp' as const, 'sctp' as const),
    });
    fc.assert(
      fc.property(spec, (port) => {
        expect(PublishSpec.safeParse(port).success).toBe(true);
        expect(parsePublish(formatPublish(port))).toEqual(port);
      }),
    );
  });
});

describe('parseMount', () => {
  it('tells binds from named volumes, with ro and rw', () => {
    expect(parseMount('/srv/data:/data')).toEqual({ kind: 'bind', source: '/srv/data', target: '/data', readOnly: false });
    expect(parseMount('/srv/data:/data:ro')).toEqual({ kind: 'bind', source: '/srv/data', target: '/data', readOnly: true });
    expect(parseMount('~/site:/usr/share/html:rw')).toEqual({ kind: 'bind', source: '~/site', target: '/usr/share/html', readOnly: false });
    expect(parseMount('C:\\Users\\dev\\site:/site')).toEqual({ kind: 'bind', source: 'C:\\Users\\dev\\site', target: '/site', readOnly: false });
    expect(parseMount('db-data:/var/lib/postgresql/data')).toEqual({ kind: 'volume', source: 'db-data', target: '/var/lib/postgresql/data', readOnly: false });
  });

  it('refuses relative paths, bad names, relative targets and unknown modes', () => {
    expect(refusal(() => parseMount('./site:/site'))).toBe('"./site" is a relative path; a bind mount needs an absolute host path.');
    expect(refusal(() => parseMount('a:/b'))).toBe('"a" is not a volume name: two or more letters, digits, "_", "." or "-", starting with a letter or digit.');
    expect(refusal(() => parseMount('data:data'))).toBe('"data" is not an absolute path inside the container; it starts with "/".');
    expect(refusal(() => parseMount('data:/d:z'))).toBe('"data:/d:z" ends in mode "z"; use ro or rw.');
    expect(refusal(() => parseMount('/data'))).toBe('"/data" needs a source and a target: write source:/path/in/container.');
    for (const text of ['', ':/d', 'a/b:/d', 'x:/d:ro:rw', '_x:/d']) refusal(() => parseMount(text));
  });
});

describe('parseEnv', () => {
  it('splits at the first "=", the value may be empty or hold "="', () => {
    expect(parseEnv('A=b')).toEqual({ name: 'A', value: 'b' });
    expect(parseEnv('EMPTY=')).toEqual({ name: 'EMPTY', value: '' });
    expect(parseEnv('URL=a=b=c')).toEqual({ name: 'URL', value: 'a=b=c' });
  });

  it('refuses a missing "=" or name', () => {
    expect(refusal(() => parseEnv('PATH'))).toBe('"PATH" has no "=": write NAME=value.');
    expect(refusal(() => parseEnv('=x'))).toBe('"" is not an environment variable name: it cannot be empty, start with a space or hold "=".');
  });
});

describe('parseCommandLine', () => {
  it('splits words as a POSIX shell does, without expansions', () => {
    expect(parseCommandLine(`sh -c 'echo "hi" $HOME'`)).toEqual(['sh', '-c', 'echo "hi" $HOME']);
    expect(parseCommandLine(`a\\ b "c \\"d\\" \\$e \\x" '' ""`)).toEqual(['a b', 'c "d" $e \\x', '', '']);
    expect(parseCommandLine('  one\t two\nthree  ')).toEqual(['one', 'two', 'three']);
    expect(parseCommandLine(`'it'\\''s'`)).toEqual([`it's`]);
    expect(parseCommandLine('a\\\nb')).toEqual(['ab']);
    expect(parseCommandLine('')).toEqual([]);
  });

  it('refuses unterminated quotes and a lone trailing backslash', () => {
    expect(refusal(() => parseCommandLine(`echo 'hi`))).toBe('The command has a single quote that is never closed.');
    expect(refusal(() => parseCommandLine('echo "hi'))).toBe('The command has a double quote that is never closed.');
    expect(refusal(() => parseCommandLine('echo \\'))).toBe('The command ends with a lone backslash.');
  });

  it('reads back any words quoted with quoteWord', () => {
    fc.assert(fc.property(fc.array(fc.string({ unit: 'binary' })), (words) => {
      expect(parseCommandLine(words.map(quoteWord).join(' '))).toEqual(words);
    }));
  });
});

describe('defaultRunSpec', () => {
  it('is the empty form and a valid spec', () => {
    const spec = defaultRunSpec('busybox:latest');
    expect(RunSpec.parse(spec)).toEqual(spec);
    expect(spec).toMatchObject({ name: null, command: [], restart: 'no', tty: false, start: true, namespaces: { network: 'bridge', pid: 'private', ipc: 'private', uts: 'private' } });
    expect(spec.resources).toEqual({ memoryBytes: null, memorySwapBytes: null, nanoCpus: null, pidsLimit: null });
  });
});
