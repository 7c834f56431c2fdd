import type { BoundaryCost, FileEntry, FilesReport, FilesSubject } from '../../../shared/model/files';
import { widest } from './format-output';

/** The mark before an entry that crosses the boundary to Windows. */
export const CROSSING_MARK = '!';

/** Text from a distro or an engine with control characters (terminal escapes) shown as `?`. */
function printable(text: string): string {
  return [...text].map((ch) => ((ch.codePointAt(0) ?? 0) < 0x20 || ch === '\u007f' ? '?' : ch)).join('');
}

function rate(mbps: number): string {
  return `${mbps >= 100 ? Math.round(mbps) : mbps.toFixed(1)} MB/s`;
}

/** One cost in one line: both sides' read and write, the slowdown, and whether it was measured or modelled (with how). */
export function formatCost(cost: BoundaryCost): string {
  const how = cost.measured ? 'measured' : 'modelled';
  return (
    `Windows drive read ${rate(cost.windowsDrive.readMBps)}, write ${rate(cost.windowsDrive.writeMBps)}; ` +
    `${cost.distro}'s own disk read ${rate(cost.linux.readMBps)}, write ${rate(cost.linux.writeMBps)}: ` +
    `${cost.slowdown}x slower across the boundary (${how}). ${printable(cost.method)}`
  );
}

function place(entry: FileEntry): string {
  switch (entry.location) {
    case 'windows-drive':
      return `drive ${entry.drive ?? '?'}:${entry.crossesBoundary ? ' (across the boundary)' : ''}`;
    case 'linux':
      return 'Linux filesystem';
    case 'volume':
      return 'volume';
    case 'tmpfs':
      return 'tmpfs (memory)';
    case 'unknown':
      return 'unknown';
  }
}

function detail(entry: FileEntry): string {
  if (entry.kind === 'working-directory') return entry.processes.length > 0 ? printable(entry.processes.join(', ')) : 'working directory';
  const from = entry.source === null ? '' : ` from ${printable(entry.source)}`;
  return `${entry.kind}${from}`;
}

function heading(subject: FilesSubject): string {
  const state = subject.running ? 'running' : 'stopped';
  const home = subject.homePath === null ? '' : `, home ${printable(subject.homePath)}`;
  return `${printable(subject.name)} (${subject.kind}, ${state}${home})`;
}

/** One distro or container: its entries in columns (crossing ones marked), the advice with its commands, and the cost when known. */
export function formatSubject(subject: FilesSubject): string {
  const lines = [heading(subject)];
  if (subject.entries.length === 0) {
    lines.push(subject.kind === 'distro' && !subject.running ? '  Not running: no processes work anywhere.' : '  No working directories or mounts.');
  }
  const paths = subject.entries.map((e) => printable(e.path));
  const places = subject.entries.map(place);
  const pathWidth = widest(4, paths.map((p) => p.length));
  const placeWidth = widest(5, places.map((p) => p.length));
  subject.entries.forEach((entry, i) => {
    const mark = entry.crossesBoundary ? CROSSING_MARK : ' ';
    lines.push(`  ${mark} ${(paths[i] ?? '').padEnd(pathWidth)}   ${(places[i] ?? '').padEnd(placeWidth)}   ${detail(entry)}`);
  });
  for (const advice of subject.advice) {
    lines.push(`  Move ${printable(advice.path)}: ${printable(advice.text)}`);
    for (const command of advice.commands) lines.push(`    $ ${printable(command)}`);
  }
  if (subject.cost !== null) lines.push(`  Cost: ${formatCost(subject.cost)}`);
  return lines.join('\n');
}

/** The whole report: a header (simulated host said so), each subject, and the mark's legend when anything crosses. */
export function formatFilesReport(report: FilesReport): string {
  if (report.subjects.length === 0) return 'No distros or containers to show.';
  const header = `Files: where each distro and container works${report.simulated ? ' (simulated host)' : ''}`;
  const crossing = report.subjects.some((s) => s.entries.some((e) => e.crossesBoundary));
  const legend = crossing ? [`${CROSSING_MARK} = on a Windows drive, across the 9p boundary (slow); run "lightdock files --measure <distro>" to time it.`] : [];
  return [header, ...legend, '', report.subjects.map(formatSubject).join('\n\n')].join('\n');
}
