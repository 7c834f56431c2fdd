import type { MemoryFigures, MemoryNode, MemoryReport } from '../../../shared/model/memory';

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'] as const;

/** Bytes for people: `512 B`, `1.5 GiB` (binary units, one decimal from KiB up). */
export function formatBytes(bytes: number): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${Math.round(value)} B` : `${value.toFixed(1)} ${UNITS[unit]}`;
}

function walk(nodes: readonly MemoryNode[], visit: (node: MemoryNode) => void): void {
  for (const n of nodes) {
    visit(n);
    walk(n.children, visit);
  }
}

/** Every node of the report's trees, depth first. */
export function allNodes(report: Pick<MemoryReport, 'roots'>): MemoryNode[] {
  const nodes: MemoryNode[] = [];
  walk(report.roots, (n) => nodes.push(n));
  return nodes;
}

/**
 * The figures an action compares: the first root's RAM in use (its bytes less its free node), the VM's held, used
 * and page-cache bytes (0 without WSL), and every container node's bytes in every tree.
 */
export function figuresOf(report: MemoryReport): MemoryFigures {
  const host = report.roots[0] as MemoryNode;
  const free = host.children.find((c) => c.kind === 'host-free')?.bytes ?? 0;
  const containersBytes = allNodes(report)
    .filter((n) => n.kind === 'container')
    .reduce((acc, n) => acc + n.bytes, 0);
  const vmNode = host.children.find((c) => c.kind === 'vm');
  return {
    hostUsedBytes: host.bytes - free,
    vmAssignedBytes: vmNode?.bytes ?? 0,
    vmUsedBytes: vmNode === undefined || vmNode.bytes === 0 ? 0 : (report.vm?.usedBytes ?? 0),
    vmPageCacheBytes: vmNode?.children.find((c) => c.kind === 'vm-page-cache')?.bytes ?? 0,
    containersBytes,
  };
}
