import type { MemoryNode, MemoryReport, MemorySample } from '../../../shared/model/memory';
import { formatByteCount } from './format-output';

/** Tree levels printed one under another; deeper levels are not expected (the host builds at most four). */
const MAX_DEPTH = 6;

function nodeLines(node: MemoryNode, depth: number, out: string[]): void {
  const limit = node.limitBytes === null ? '' : ` of ${formatByteCount(node.limitBytes)} limit`;
  const mark = node.estimated ? '  (estimated)' : '';
  out.push(`${'  '.repeat(depth)}${node.label}: ${formatByteCount(node.bytes)}${limit}${mark}`);
  if (depth + 1 >= MAX_DEPTH) return;
  for (const child of node.children) nodeLines(child, depth + 1, out);
}

/** Every estimated node's sentence, once each, numbered in tree order. */
function estimates(report: MemoryReport): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  const visit = (node: MemoryNode): void => {
    if (node.estimated && node.estimate !== null && !seen.has(node.estimate)) {
      seen.add(node.estimate);
      out.push(`  ${node.label}: ${node.estimate}`);
    }
    node.children.forEach(visit);
  };
  report.roots.forEach(visit);
  return out;
}

/**
 * The breakdown as `lightdock memory` prints it: where the engine runs, an indented tree per machine (bytes, limits,
 * "(estimated)" marks), how each estimate was reached, then the warnings (or "No warnings.").
 */
export function formatMemoryReport(report: MemoryReport): string {
  const out: string[] = [];
  if (report.simulated) out.push('Simulated host and engine: the figures are modelled.');
  out.push(report.placement.description, '');
  for (const root of report.roots) nodeLines(root, 0, out);
  const notes = estimates(report);
  if (notes.length > 0) out.push('', 'How the estimates are reached:', ...notes);
  out.push('');
  if (report.warnings.length === 0) out.push('No warnings.');
  else out.push('Warnings:', ...report.warnings.map((w) => `  ${w.severity === 'error' ? 'ERROR' : 'warn '} ${w.message}`));
  return out.join('\n');
}

/** One line per `memory:sampled` push: the time, the host's use, the VM's held, used and page-cache bytes, and the containers' total. */
export function formatMemorySample(sample: MemorySample): string {
  const time = new Date(sample.t).toISOString().slice(11, 19);
  const containers = Object.values(sample.containers).reduce((acc, bytes) => acc + bytes, 0);
  return (
    `${time}  host ${formatByteCount(sample.hostUsedBytes)} used · VM ${formatByteCount(sample.vmAssignedBytes)} held ` +
    `(${formatByteCount(sample.vmUsedBytes)} used, ${formatByteCount(sample.vmPageCacheBytes)} cache) · containers ${formatByteCount(containers)}`
  );
}
