import { execFile } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dockerRunArgs, dockerRunLine, quoteWord } from '../../../shared/model/docker-run-line';
import { defaultRunSpec, parseCommandLine } from '../../../shared/model/run-args';
import { RunSpec } from '../../../shared/model/run-container';

/** The script sh runs: the line (its one argument) parsed by the shell itself, each word printed NUL-terminated. */
const PRINT_WORDS = 'eval "set -- $1"; for a; do printf "%s\\0" "$a"; done';

/** The words a POSIX shell (sh, with HOME as given) makes of `line`: the line goes in as one argv element, never a shell string of ours. */
function shellWords(line: string, home = '/home/tester'): Promise<string[]> {
  return new Promise((resolve, reject) => {
    execFile('sh', ['-c', PRINT_WORDS, 'sh', line], { env: { PATH: process.env['PATH'], HOME: home }, timeout: 10_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout) => {
      if (error) reject(error);
      else resolve(stdout === '' ? [] : stdout.slice(0, -1).split('\0'));
    });
  });
}

/** Text full of what a shell would act on: quotes, blanks, `$`, backquotes, globs, `~`, `=`, `#`, newlines, non-ASCII. */
const nasty = fc.string({ unit: fc.constantFrom(...`aZ09 '"\\$\`!*?[]{}~=#&;|<>()\t\n%@+:,./-é💥`.split(/(?:)/u)), maxLength: 12 });
const port = fc.record({
  hostIp: fc.constantFrom('127.0.0.1', '0.0.0.0', '::1'),
  hostPort: fc.option(fc.integer({ min: 1, max: 65_535 }), { nil: null }),
  containerPort: fc.integer({ min: 1, max: 65_535 }),
  protocol: fc.constantFrom('tcp' as const, 'udp' as const),
});
const spec = fc
  .record({
    name: fc.option(fc.stringMatching(/^[a-z0-9][a-z0-9_.-]{0,12}$/), { nil: null }),
    command: fc.array(nasty, { maxLength: 5 }),
    env: fc.array(fc.record({ name: fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,8}$/), value: nasty }), { maxLength: 3 }),
    ports: fc.array(port, { maxLength: 3 }),
    mounts: fc.array(
      fc.record({ kind: fc.constantFrom('bind' as const, 'volume' as const), source: nasty.map((s) => `/src/${s}`), target: nasty.map((s) => `/dst/${s}`), readOnly: fc.boolean() }),
      { maxLength: 2 },
    ),
    restart: fc.constantFrom('no' as const, 'always' as const, 'unless-stopped' as const, 'on-failure' as const),
    maxRetries: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }),
    resources: fc.record({
      memoryBytes: fc.option(fc.integer({ min: 6 * 1024 * 1024, max: 2 ** 40 }), { nil: null }),
      memorySwapBytes: fc.option(fc.oneof(fc.constant(-1), fc.integer({ min: 6 * 1024 * 1024, max: 2 ** 40 })), { nil: null }),
      nanoCpus: fc.option(fc.integer({ min: 10_000_000, max: 64e9 }), { nil: null }),
      pidsLimit: fc.option(fc.integer({ min: -1, max: 100_000 }), { nil: null }),
    }),
    namespaces: fc.record({
      network: fc.constantFrom('bridge', 'host', 'none', 'container:web', 'my net'),
      pid: fc.constantFrom('private' as const, 'host' as const),
      ipc: fc.constantFrom('private' as const, 'host' as const, 'shareable' as const),
      uts: fc.constantFrom('private' as const, 'host' as const),
    }),
    labels: fc.dictionary(fc.stringMatching(/^[a-z][a-z.]{0,8}$/), nasty, { maxKeys: 2 }),
    tty: fc.boolean(),
    start: fc.boolean(),
  })
  .map((fields) => RunSpec.parse({ ...defaultRunSpec('registry.local:5000/team/app:1.2'), ...fields }));

describe('dockerRunLine', () => {
  it('leaves the defaults out', () => {
    expect(dockerRunLine(defaultRunSpec('busybox'))).toBe('docker run -d busybox');
    expect(dockerRunLine({ ...defaultRunSpec('busybox'), start: false })).toBe('docker create busybox');
  });

  it('writes every flag in a stable order, quoted where a shell would act on it', () => {
    const line = dockerRunLine({
      ...defaultRunSpec('nginx:1.27'),
      name: 'web',
      command: ['sh', '-c', `echo "it's $HOME"`],
      env: [{ name: 'GREETING', value: 'hello world' }, { name: 'EMPTY', value: '' }],
      ports: [
        { hostIp: '127.0.0.1', hostPort: 8080, containerPort: 80, protocol: 'tcp' },
        { hostIp: '::1', hostPort: null, containerPort: 53, protocol: 'udp' },
      ],
      mounts: [{ kind: 'volume', source: 'data', target: '/data', readOnly: true }, { kind: 'bind', source: '~/my site', target: '/site', readOnly: false }],
      restart: 'on-failure',
      maxRetries: 3,
      resources: { memoryBytes: 64 * 1024 * 1024, memorySwapBytes: -1, nanoCpus: 1_500_000_000, pidsLimit: 50 },
      namespaces: { network: 'host', pid: 'host', ipc: 'shareable', uts: 'host' },
      labels: { 'b.label': 'x y', 'a.label': '1' },
      tty: true,
    });
    expect(line).toBe(
      "docker run -d --name web -t --restart on-failure:3 --network host --pid host --ipc shareable --uts host --memory 64m --memory-swap -1 --cpus 1.5 " +
        "--pids-limit 50 -p 127.0.0.1:8080:80 -p '[::1]::53/udp' -e 'GREETING=hello world' -e EMPTY= -v data:/data:ro -v ~/'my site:/site' " +
        `--label a.label=1 --label 'b.label=x y' nginx:1.27 sh -c 'echo "it'\\''s $HOME"'`,
    );
  });

  it('keeps a home-folder bind source expandable by the shell', async () => {
    const spec = { ...defaultRunSpec('busybox'), mounts: [{ kind: 'bind' as const, source: '~/my site', target: '/site', readOnly: false }, { kind: 'bind' as const, source: '~', target: '/home', readOnly: true }] };
    expect(await shellWords(dockerRunLine(spec), '/home/tester')).toEqual(['docker', 'run', '-d', '-v', '/home/tester/my site:/site', '-v', '/home/tester/:/home:ro', 'busybox']);
  });

  it('quotes every word so that sh and parseCommandLine both read back exactly dockerRunArgs', async () => {
    await fc.assert(
      fc.asyncProperty(spec, async (run) => {
        const line = dockerRunLine(run);
        const words = ['docker', ...dockerRunArgs(run)];
        expect(parseCommandLine(line)).toEqual(words);
        expect(await shellWords(line)).toEqual(words);
      }),
      { numRuns: 150 },
    );
  }, 120_000);

  it('quotes a word only when a shell would act on it', () => {
    expect(quoteWord('plain-word_1.2:/x,y@z+%')).toBe('plain-word_1.2:/x,y@z+%');
    expect(quoteWord('A=b')).toBe('A=b');
    expect(quoteWord('=cmd')).toBe("'=cmd'");
    expect(quoteWord('')).toBe("''");
    expect(quoteWord("it's")).toBe("'it'\\''s'");
    expect(quoteWord('~')).toBe("'~'");
  });
});
