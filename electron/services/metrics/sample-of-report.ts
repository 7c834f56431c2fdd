import type { MemoryNode, MemoryReport, MemorySample } from '../../../shared/model/memory';
import { keepHeaviest } from './heaviest';

/** A history point names at most this many containers (the heaviest) and this many distros; the rest are summed under `(others)`. */
export const MAX_NAMED_IN_SAMPLE = 16;

/** A byte figure as the sample schema takes it: a non-negative integer (anything else counts as 0). */
export function bytesOf(value: number): number {
  return Number.isFinite(value) && value > 0 ? Math.min(Math.round(value), Number.MAX_SAFE_INTEGER) : 0;
}

function visit(node: MemoryNode, each: (node: MemoryNode) => void): void {
  each(node);
  for (const child of node.children) visit(child, each);
}

function addTo(byName: Map<string, number>, name: string, bytes: number): void {
  byName.set(name, bytesOf((byName.get(name) ?? 0) + bytesOf(bytes)));
}

/**
 * The history point of one report at time `t` (pure): host used = the first root's bytes less its `host-free`
 * children; VM assigned = the `vm` nodes; VM used = the distros plus `vm-system`; VM page cache = the
 * `vm-page-cache` nodes; distros and containers by label from every root (a name seen twice is summed), each
 * bounded to the 16 heaviest plus `(others)`.
 */
export function sampleOfReport(report: MemoryReport, t: number): MemorySample {
  const host = report.roots[0];
  const hostFree = host ? host.children.filter((child) => child.kind === 'host-free').reduce((sum, child) => sum + bytesOf(child.bytes), 0) : 0;
  let vmAssigned = 0;
  let vmSystem = 0;
  let vmPageCache = 0;
  const distros = new Map<string, number>();
  const containers = new Map<string, number>();
  for (const root of report.roots) {
    visit(root, (node) => {
      if (node.kind === 'vm') vmAssigned += bytesOf(node.bytes);
      else if (node.kind === 'vm-system') vmSystem += bytesOf(node.bytes);
      else if (node.kind === 'vm-page-cache') vmPageCache += bytesOf(node.bytes);
      else if (node.kind === 'distro') addTo(distros, node.label, node.bytes);
      else if (node.kind === 'container') addTo(containers, node.label, node.bytes);
    });
  }
  const distroTotal = [...distros.values()].reduce((sum, bytes) => sum + bytes, 0);
  return {
    t: Math.round(t),
    hostUsedBytes: bytesOf((host ? bytesOf(host.bytes) : 0) - hostFree),
    vmAssignedBytes: bytesOf(vmAssigned),
    vmUsedBytes: bytesOf(distroTotal + vmSystem),
    vmPageCacheBytes: bytesOf(vmPageCache),
    distros: keepHeaviest(distros, MAX_NAMED_IN_SAMPLE),
    containers: keepHeaviest(containers, MAX_NAMED_IN_SAMPLE),
  };
}
