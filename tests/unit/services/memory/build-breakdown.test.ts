import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EnginePlacement } from '../../../../shared/model/engine-placement';
import { MemoryNode } from '../../../../shared/model/memory';
import type { VmMemory } from '../../../../shared/model/vm';
import { buildBreakdown, MAX_CONTAINER_NODES, type BreakdownInput } from '../../../../electron/services/memory/build-breakdown';
import { fitParts, scaleTo } from '../../../../electron/services/memory/fit-parts';

const GIB = 1024 ** 3;
const MIB = 1024 ** 2;

/** Every node whose children do not add up to it, or with a negative or fractional figure, or estimated without a sentence. */
function faults(nodes: readonly MemoryNode[], path = ''): string[] {
  const found: string[] = [];
  for (const n of nodes) {
    const where = `${path}/${n.id}`;
    if (!Number.isSafeInteger(n.bytes) || n.bytes < 0) found.push(`${where}: bytes ${n.bytes}`);
    if (n.children.length > 0) {
      const sum = n.children.reduce((acc, c) => acc + c.bytes, 0);
      if (sum !== n.bytes) found.push(`${where}: children add up to ${sum}, not ${n.bytes}`);
    }
    if (n.estimated !== (n.estimate !== null && n.estimate.length > 0)) found.push(`${where}: estimated ${n.estimated} with estimate ${n.estimate}`);
    if (n.estimate !== null && (!n.estimate.endsWith('.') || /\.\s+[A-Z]/.test(n.estimate))) found.push(`${where}: estimate is not one sentence: ${n.estimate}`);
    found.push(...faults(n.children, where));
  }
  return found;
}

const byId = (nodes: readonly MemoryNode[], id: string): MemoryNode | undefined => {
  for (const n of nodes) {
    if (n.id === id) return n;
    const inner = byId(n.children, id);
    if (inner) return inner;
  }
  return undefined;
};

const placement = (kind: EnginePlacement['kind'], distro: string | null = null): EnginePlacement => ({ kind, distro, simulated: false, description: 'test' });

const vm = (over: Partial<VmMemory> = {}): VmMemory => ({
  hostTotalBytes: 32 * GIB,
  limitBytes: 16 * GIB,
  assignedBytes: 4 * GIB,
  usedBytes: 2 * GIB,
  pageCacheBytes: 1 * GIB,
  swapBytes: 4 * GIB,
  swapUsedBytes: 0,
  reclaimMode: 'gradual',
  ...over,
});

const base = (over: Partial<BreakdownInput> = {}): BreakdownInput => ({
  host: { label: 'Host', totalBytes: 32 * GIB, availableBytes: 20 * GIB },
  vm: vm(),
  vmRunning: true,
  distros: [
    { name: 'Ubuntu', processBytes: 1 * GIB },
    { name: 'Debian', processBytes: 256 * MIB },
  ],
  distroEstimate: 'Sum of resident memory.',
  placement: placement('wsl-distro', 'Ubuntu'),
  containers: [
    { id: 'a'.repeat(64), name: 'web', bytes: 100 * MIB, limitBytes: 128 * MIB },
    { id: 'b'.repeat(64), name: 'db', bytes: 300 * MIB, limitBytes: null },
  ],
  linuxHost: null,
  ...over,
});

describe('scaleTo and fitParts', () => {
  it('scale down to the exact total without raising any part, and leave parts that fit alone', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 2 ** 40 }), { maxLength: 30 }), fc.nat({ max: 2 ** 42 }), (amounts, total) => {
        const scaled = scaleTo(amounts, total);
        const sum = amounts.reduce((a, b) => a + b, 0);
        expect(scaled.reduce((a, b) => a + b, 0)).toBe(Math.min(sum, total));
        scaled.forEach((s, i) => {
          expect(s).toBeGreaterThanOrEqual(0);
          expect(s).toBeLessThanOrEqual(amounts[i] as number);
        });
      }),
      { numRuns: 500 },
    );
  });

  it('keep the floors when they fit and never exceed the total', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat({ max: 2 ** 36 }), fc.nat({ max: 2 ** 36 })), { maxLength: 12 }),
        fc.nat({ max: 2 ** 38 }),
        (pairs, total) => {
          const desired = pairs.map(([a, b]) => Math.max(a, b));
          const floors = pairs.map(([a, b]) => Math.min(a, b));
          const shares = fitParts(total, desired, floors);
          expect(shares.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(Math.max(total, 0));
          shares.forEach((s, i) => expect(s).toBeLessThanOrEqual(desired[i] as number));
          if (floors.reduce((a, b) => a + b, 0) <= total) shares.forEach((s, i) => expect(s).toBeGreaterThanOrEqual(floors[i] as number));
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('buildBreakdown', () => {
  it('puts the VM, other programs and free memory under the host, and the distros, system, cache and free under the VM', () => {
    const roots = buildBreakdown(base());
    expect(roots).toHaveLength(1);
    const host = roots[0] as MemoryNode;
    expect(host.bytes).toBe(32 * GIB);
    expect(host.children.map((c) => c.kind)).toEqual(['vm', 'host-other', 'host-free']);
    const vmNode = byId(roots, 'host/vm') as MemoryNode;
    expect(vmNode.bytes).toBe(4 * GIB);
    expect(vmNode.limitBytes).toBe(16 * GIB);
    expect(vmNode.children.map((c) => c.kind)).toEqual(['distro', 'distro', 'vm-system', 'vm-page-cache', 'vm-free']);
    expect(byId(roots, 'host/host-other')?.bytes).toBe(12 * GIB - 4 * GIB);
    expect(byId(roots, 'host/host-free')?.bytes).toBe(20 * GIB);
    expect(byId(roots, 'host/vm/vm-system')?.bytes).toBe(2 * GIB - 1 * GIB - 256 * MIB);
    expect(byId(roots, 'host/vm/vm-page-cache')?.bytes).toBe(1 * GIB);
    expect(byId(roots, 'host/vm/vm-free')?.bytes).toBe(1 * GIB);
    expect(faults(roots)).toEqual([]);
  });

  it('puts the containers with their limits and distro-other under the engine distro only', () => {
    const roots = buildBreakdown(base());
    const ubuntu = byId(roots, 'host/vm/distro:Ubuntu') as MemoryNode;
    expect(ubuntu.estimated).toBe(true);
    expect(ubuntu.children.map((c) => [c.kind, c.label, c.bytes, c.limitBytes])).toEqual([
      ['container', 'db', 300 * MIB, null],
      ['container', 'web', 100 * MIB, 128 * MIB],
      ['distro-other', 'Other processes in Ubuntu', 1 * GIB - 400 * MIB, null],
    ]);
    expect(byId(roots, 'host/vm/distro:Debian')?.children).toEqual([]);
  });

  it('raises an engine distro whose processes read less than its containers, and says so', () => {
    const roots = buildBreakdown(base({ distros: [{ name: 'Ubuntu', processBytes: 50 * MIB }] }));
    const ubuntu = byId(roots, 'host/vm/distro:Ubuntu') as MemoryNode;
    expect(ubuntu.bytes).toBe(400 * MIB);
    expect(ubuntu.estimate).toMatch(/raised to its containers/i);
    expect(faults(roots)).toEqual([]);
  });

  it('scales estimated distros down when they add up to more than the VM uses, keeping the containers measured', () => {
    const roots = buildBreakdown(base({ distros: [{ name: 'Ubuntu', processBytes: 3 * GIB }, { name: 'Debian', processBytes: 3 * GIB }] }));
    const ubuntu = byId(roots, 'host/vm/distro:Ubuntu') as MemoryNode;
    const debian = byId(roots, 'host/vm/distro:Debian') as MemoryNode;
    expect(ubuntu.bytes + debian.bytes).toBe(2 * GIB);
    expect(debian.estimate).toMatch(/scaled down by \d+ %/i);
    expect(byId(roots, `host/vm/distro:Ubuntu/container:db`)?.bytes).toBe(300 * MIB);
    expect(byId(roots, 'host/vm/vm-system')?.bytes).toBe(0);
    expect(faults(roots)).toEqual([]);
  });

  it('scales containers down and marks them when they exceed everything the VM uses', () => {
    const roots = buildBreakdown(base({ vm: vm({ usedBytes: 200 * MIB }) }));
    const db = byId(roots, 'host/vm/distro:Ubuntu/container:db') as MemoryNode;
    expect(db.bytes).toBeLessThan(300 * MIB);
    expect(db.estimated).toBe(true);
    expect(db.estimate).toMatch(/^Scaled down by \d+ %/);
    expect(faults(roots)).toEqual([]);
  });

  it('shows a stopped VM as empty and no containers when the engine is remote or absent', () => {
    for (const kind of ['remote', 'none'] as const) {
      const roots = buildBreakdown(base({ vmRunning: false, placement: placement(kind) }));
      expect(byId(roots, 'host/vm')).toMatchObject({ bytes: 0, children: [] });
      expect(roots).toHaveLength(1);
      expect(JSON.stringify(roots)).not.toContain('"container"');
    }
  });

  it('adds this Linux machine as a second root with the containers, other processes and free memory when the engine runs on it', () => {
    const roots = buildBreakdown(
      base({ placement: placement('linux-host'), linuxHost: { label: 'This Linux machine', totalBytes: 8 * GIB, availableBytes: 6 * GIB } }),
    );
    expect(roots).toHaveLength(2);
    const linux = roots[1] as MemoryNode;
    expect(linux.children.map((c) => [c.kind, c.bytes])).toEqual([
      ['container', 300 * MIB],
      ['container', 100 * MIB],
      ['host-other', 2 * GIB - 400 * MIB],
      ['host-free', 6 * GIB],
    ]);
    expect(byId(roots, 'host/vm/distro:Ubuntu')?.children).toEqual([]);
    expect(faults(roots)).toEqual([]);
  });

  it('lists at most MAX_CONTAINER_NODES containers and counts the rest in the remainder', () => {
    const containers = Array.from({ length: MAX_CONTAINER_NODES + 20 }, (_, i) => ({ id: `${i}`.padStart(64, '0'), name: `c${i}`, bytes: 1000 + i, limitBytes: null }));
    const roots = buildBreakdown(base({ containers, distros: [{ name: 'Ubuntu', processBytes: 2 * GIB }] }));
    const ubuntu = byId(roots, 'host/vm/distro:Ubuntu') as MemoryNode;
    expect(ubuntu.children).toHaveLength(MAX_CONTAINER_NODES + 1);
    expect(ubuntu.children.at(-1)?.estimate).toContain('20 smaller containers');
    expect(() => MemoryNode.parse(ubuntu)).not.toThrow();
  });

  const arbitraryInput: fc.Arbitrary<BreakdownInput> = fc
    .record({
      total: fc.nat({ max: 2 ** 40 }),
      available: fc.nat({ max: 2 ** 40 }),
      assigned: fc.nat({ max: 2 ** 40 }),
      used: fc.nat({ max: 2 ** 40 }),
      cache: fc.nat({ max: 2 ** 40 }),
      running: fc.boolean(),
      hasVm: fc.boolean(),
      distros: fc.uniqueArray(fc.record({ name: fc.constantFrom('A', 'B', 'C', 'D', 'docker-desktop'), processBytes: fc.nat({ max: 2 ** 38 }) }), {
        selector: (d) => d.name,
        maxLength: 5,
      }),
      kind: fc.constantFrom('wsl-distro', 'linux-host', 'remote', 'none') as fc.Arbitrary<EnginePlacement['kind']>,
      engineDistro: fc.constantFrom('A', 'docker-desktop', null),
      containers: fc.uniqueArray(
        fc.record({
          name: fc.string({ minLength: 1, maxLength: 8 }),
          bytes: fc.oneof(fc.nat({ max: 2 ** 36 }), fc.constantFrom(Number.NaN, Infinity, -1, 1e300, 2 ** 53 + 2, 0.5)),
          limitBytes: fc.option(fc.oneof(fc.nat({ max: 2 ** 36 }), fc.constantFrom(1e300, -5, Number.NaN))),
        }),
        { selector: (c) => c.name, maxLength: 12 },
      ),
      linuxTotal: fc.nat({ max: 2 ** 38 }),
      linuxAvailable: fc.nat({ max: 2 ** 38 }),
    })
    .map((r) => ({
      host: { label: 'Host', totalBytes: r.total, availableBytes: r.available },
      vm: r.hasVm ? vm({ assignedBytes: r.assigned, usedBytes: r.used, pageCacheBytes: r.cache }) : null,
      vmRunning: r.running,
      distros: r.distros,
      distroEstimate: 'Sum of resident memory.',
      placement: placement(r.kind, r.kind === 'wsl-distro' ? r.engineDistro : null),
      containers: r.containers.map((c, i) => ({ ...c, id: `${i}`.padStart(64, 'f') })),
      linuxHost: r.kind === 'linux-host' ? { label: 'Linux', totalBytes: r.linuxTotal, availableBytes: r.linuxAvailable } : null,
    }));

  it('over random inputs: every node is its children\u2019s exact sum, nothing is negative, every estimate says how, the schema holds', () => {
    fc.assert(
      fc.property(arbitraryInput, (input) => {
        const roots = buildBreakdown(input);
        expect(faults(roots)).toEqual([]);
        for (const root of roots) expect(() => MemoryNode.parse(root)).not.toThrow();
        expect(roots[0]?.bytes).toBe(input.host.totalBytes);
        if (input.placement.kind === 'remote' || input.placement.kind === 'none') expect(JSON.stringify(roots)).not.toContain('"kind":"container"');
        for (const n of roots.flatMap(function all(x: MemoryNode): MemoryNode[] {
          return [x, ...x.children.flatMap(all)];
        })) {
          if (n.limitBytes !== null) expect(n.limitBytes).toBeGreaterThan(0);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
