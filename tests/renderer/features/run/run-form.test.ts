import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { quoteWord } from '../../../../shared/model/docker-run-line';
import { defaultRunSpec, parseCommandLine } from '../../../../shared/model/run-args';
import type { RunSpec } from '../../../../shared/model/run-container';
import {
  belongsTo,
  emptyPortRow,
  formFromSpec,
  problemOn,
  problemsOfDetails,
  specFromForm,
  type RunForm,
} from '../../../../renderer/src/features/run/run-form';

function form(patch: Partial<RunForm>): RunForm {
  return { ...formFromSpec(defaultRunSpec('nginx:1.27-alpine')), ...patch };
}

const MIB = 1024 * 1024;

const specs: fc.Arbitrary<RunSpec> = fc.record({
  image: fc.constantFrom('nginx:1.27-alpine', 'postgres:16', 'registry.example:5000/team/app@sha256:' + 'a'.repeat(64)),
  name: fc.option(fc.stringMatching(/^[a-z0-9][a-z0-9_.-]{0,20}$/), { nil: null }),
  command: fc.array(fc.string({ maxLength: 12 }).filter((word) => !word.includes('\0')), { maxLength: 5 }),
  env: fc.array(fc.record({ name: fc.stringMatching(/^[A-Z_][A-Z0-9_]{0,10}$/), value: fc.string({ maxLength: 20 }).filter((v) => !v.includes('\0')) }), { maxLength: 3 }),
  ports: fc.array(
    fc.record({
      hostIp: fc.constantFrom('127.0.0.1', '0.0.0.0', '::1', '::'),
      hostPort: fc.option(fc.integer({ min: 1, max: 65_535 }), { nil: null }),
      containerPort: fc.integer({ min: 1, max: 65_535 }),
      protocol: fc.constantFrom('tcp' as const, 'udp' as const, 'sctp' as const),
    }),
    { maxLength: 3 },
  ),
  mounts: fc.array(
    fc.record({
      kind: fc.constant('volume' as const),
      source: fc.stringMatching(/^[a-z0-9][a-z0-9_.-]{1,12}$/),
      target: fc.stringMatching(/^\/[a-z0-9/_.-]{0,12}$/),
      readOnly: fc.boolean(),
    }),
    { maxLength: 2 },
  ),
  restart: fc.constantFrom('no' as const, 'always' as const, 'unless-stopped' as const),
  maxRetries: fc.constant(null),
  resources: fc.integer({ min: 6, max: 4096 }).chain((memoryMiB) =>
    fc.record({
      memoryBytes: fc.constant(memoryMiB * MIB),
      memorySwapBytes: fc.option(fc.constantFrom(-1, memoryMiB * 2 * MIB), { nil: null }),
      nanoCpus: fc.option(fc.integer({ min: 1, max: 64_000 }).map((centi) => centi * 10_000_000), { nil: null }),
      pidsLimit: fc.option(fc.integer({ min: 1, max: 4_194_304 }), { nil: null }),
    }),
  ),
  namespaces: fc.record({
    network: fc.constantFrom('bridge', 'host', 'none', 'container:shop-web-1', 'shop_default'),
    pid: fc.constantFrom('private' as const, 'host' as const),
    ipc: fc.constantFrom('private' as const, 'host' as const, 'shareable' as const),
    uts: fc.constantFrom('private' as const, 'host' as const),
  }),
  tty: fc.boolean(),
  start: fc.boolean(),
});

describe('run form ↔ RunSpec', () => {
  it('reads back every spec it shows, unchanged', () => {
    fc.assert(
      fc.property(specs, (spec) => {
        expect(specFromForm(formFromSpec(spec))).toEqual({ spec, problems: [] });
      }),
      { numRuns: 300 },
    );
  });

  it('shows the command so that parseCommandLine reads the same words back', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 16 }), { maxLength: 6 }), (words) => {
        expect(parseCommandLine(words.map(quoteWord).join(' '))).toEqual(words);
      }),
    );
    expect(formFromSpec({ ...defaultRunSpec('busybox:1.36'), command: ['sh', '-c', "echo it's"] }).command).toBe(`sh -c 'echo it'\\''s'`);
  });

  it('gives no spec and no problem while the image is empty', () => {
    expect(specFromForm(form({ image: '' }))).toEqual({ spec: null, problems: [] });
  });

  it('builds a spec from typed text in docker’s units', () => {
    const { spec, problems } = specFromForm(
      form({
        name: 'web',
        command: `sh -c 'echo "hi there"'`,
        env: [{ key: 1, text: 'GREETING=hello=world' }],
        ports: [{ ...emptyPortRow(1), hostPort: '8081', containerPort: '80' }, { ...emptyPortRow(2), hostIp: '', containerPort: '53', protocol: 'udp' }],
        mounts: [{ key: 1, source: '/srv/site', target: '/usr/share/nginx/html', readOnly: true }],
        restart: 'on-failure',
        maxRetries: '3',
        memory: '64m',
        memorySwap: '128m',
        cpus: '0.5',
        pidsLimit: '100',
      }),
    );
    expect(problems).toEqual([]);
    expect(spec).toMatchObject({
      name: 'web',
      command: ['sh', '-c', 'echo "hi there"'],
      env: [{ name: 'GREETING', value: 'hello=world' }],
      ports: [
        { hostIp: '127.0.0.1', hostPort: 8081, containerPort: 80, protocol: 'tcp' },
        { hostIp: '127.0.0.1', hostPort: null, containerPort: 53, protocol: 'udp' },
      ],
      mounts: [{ kind: 'bind', source: '/srv/site', target: '/usr/share/nginx/html', readOnly: true }],
      restart: 'on-failure',
      maxRetries: 3,
      resources: { memoryBytes: 64 * MIB, memorySwapBytes: 128 * MIB, nanoCpus: 500_000_000, pidsLimit: 100 },
    });
  });

  it('names the field of every bad value, in the host’s field paths, and gives no spec', () => {
    const { spec, problems } = specFromForm(
      form({
        name: '-web',
        command: `echo 'unclosed`,
        env: [{ key: 1, text: 'OK=1' }, { key: 2, text: 'NOEQUALS' }],
        ports: [{ ...emptyPortRow(1), hostPort: '70000', containerPort: '80' }],
        mounts: [{ key: 1, source: 'relative/dir', target: '/data', readOnly: false }],
        restart: 'on-failure',
        maxRetries: 'lots',
        memory: '5m',
        memorySwap: '64x',
        cpus: '0',
        pidsLimit: '0',
        network: 'container:',
      }),
    );
    expect(spec).toBeNull();
    expect(problems.map((problem) => problem.field)).toEqual([
      'name',
      'command',
      'env.1',
      'ports.0',
      'mounts.0',
      'maxRetries',
      'resources.memoryBytes',
      'resources.memorySwapBytes',
      'resources.nanoCpus',
      'resources.pidsLimit',
      'namespaces.network',
    ]);
    expect(problems.every((problem) => problem.blocking && problem.message.length > 0)).toBe(true);
    expect(problemOn(problems, 'ports.0')?.message).toContain('70000');
  });

  it('refuses memory + swap below the memory or without it', () => {
    expect(problemOn(specFromForm(form({ memory: '64m', memorySwap: '32m' })).problems, 'resources.memorySwapBytes')?.message).toBe('Memory + swap must be at least the memory limit.');
    expect(problemOn(specFromForm(form({ memorySwap: '64m' })).problems, 'resources.memorySwapBytes')?.message).toMatch(/memory limit too/);
    expect(specFromForm(form({ memory: '64m', memorySwap: '-1' })).spec?.resources.memorySwapBytes).toBe(-1);
  });

  it('ties problems to fields by path and reads them from an error’s details', () => {
    expect(belongsTo({ field: 'ports.0.hostPort', message: 'x', blocking: true }, 'ports.0')).toBe(true);
    expect(belongsTo({ field: 'ports.10', message: 'x', blocking: true }, 'ports.1')).toBe(false);
    const problem = { field: 'name', message: 'in use', blocking: true };
    expect(problemsOfDetails({ problems: [problem] })).toEqual([problem]);
    expect(problemsOfDetails({ problems: [{ field: 1 }] })).toEqual([]);
    expect(problemsOfDetails(undefined)).toEqual([]);
  });
});
