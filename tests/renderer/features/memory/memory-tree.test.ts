import { describe, expect, it } from 'vitest';
import type { MemoryNode } from '../../../../shared/model/memory';
import { breakdownLevels, containerRefOf, flattenMemoryTree, heaviestContainers, nodesOfKind } from '../../../../renderer/src/features/memory/memory-tree';
import { fakeReport, initialMemoryState } from '../../fake-memory';

function leaf(id: string, kind: MemoryNode['kind'], bytes: number, label = id): MemoryNode {
  return { id, kind, label, bytes, limitBytes: null, estimated: false, estimate: null, children: [] };
}

const roots = fakeReport(initialMemoryState()).roots;

describe('flattenMemoryTree', () => {
  it('lists parents before their children with depth, parent and share of the parent', () => {
    const rows = flattenMemoryTree(roots);
    expect(rows.map((row) => `${'  '.repeat(row.depth)}${row.node.label}`).slice(0, 8)).toEqual([
      'Windows host',
      '  Other programs',
      '  WSL 2 VM (vmmem)',
      '    Kernel and WSL system',
      '    Page cache',
      '    Ubuntu-24.04',
      '    docker-desktop',
      '      shop-db-1',
    ]);
    const db = rows.find((row) => row.node.label === 'shop-db-1');
    expect(db?.parent?.label).toBe('docker-desktop');
    expect(db?.share).toBeCloseTo(900 / 2048);
    expect(rows[0]?.share).toBeNull();
  });

  it('leaves out the children of collapsed nodes, not the nodes', () => {
    const rows = flattenMemoryTree(roots, new Set(['distro:docker-desktop']));
    expect(rows.some((row) => row.node.label === 'docker-desktop')).toBe(true);
    expect(rows.some((row) => row.node.kind === 'container')).toBe(false);
  });

  it('gives a share of 0 under a parent of 0 bytes', () => {
    const parent = { ...leaf('p', 'distro', 0), children: [leaf('c', 'container', 0)] };
    expect(flattenMemoryTree([parent])[1]?.share).toBe(0);
  });
});

describe('containerRefOf', () => {
  it('takes the id when it is a reference, the id after a kind prefix, or the label', () => {
    expect(containerRefOf(leaf('3f4e5a', 'container', 1, 'web'))).toBe('3f4e5a');
    expect(containerRefOf(leaf('container:web', 'container', 1, 'web'))).toBe('web');
    expect(containerRefOf(leaf('vm/docker-desktop/web', 'container', 1, 'web-1'))).toBe('web-1');
    expect(containerRefOf(leaf('??', 'container', 1, 'not a name'))).toBeNull();
  });
});

describe('heaviestContainers', () => {
  it('lists containers heaviest first, at most the number asked', () => {
    expect(heaviestContainers(roots, 3).map((container) => `${container.ref} ${container.bytes / 1024 ** 2}`)).toEqual(['shop-db-1 900', 'shop-web-1 700', 'worker 256']);
    expect(nodesOfKind(roots, 'container')).toHaveLength(4);
  });
});

describe('breakdownLevels', () => {
  it('makes a bar of every node with parts, its parts summing to it', () => {
    const levels = breakdownLevels(roots);
    expect(levels.map((level) => level.label)).toEqual(['Windows host', 'WSL 2 VM (vmmem)', 'docker-desktop']);
    for (const level of levels) expect(level.segments.reduce((sum, segment) => sum + segment.bytes, 0)).toBe(level.bytes);
  });

  it('sums the smallest parts as others beyond the segments allowed', () => {
    const children = Array.from({ length: 12 }, (_, index) => leaf(`c${index}`, 'container', (index + 1) * 10));
    const parent = { ...leaf('d', 'distro', children.reduce((sum, child) => sum + child.bytes, 0)), children };
    const [level] = breakdownLevels([parent], 5);
    expect(level?.segments.map((segment) => segment.label)).toEqual(['c8', 'c9', 'c10', 'c11', '8 others']);
    expect(level?.segments.at(-1)?.bytes).toBe(10 + 20 + 30 + 40 + 50 + 60 + 70 + 80);
    expect(level?.segments.reduce((sum, segment) => sum + segment.bytes, 0)).toBe(parent.bytes);
  });
});
