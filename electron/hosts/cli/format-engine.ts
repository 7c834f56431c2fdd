import type { ContainerActionResult, ContainerDetail, ContainerStats, ContainerRow } from '../../../shared/model/container';
import type { ContextProbe, DockerContext, EngineStatus } from '../../../shared/model/engine';
import { widest } from './format-output';

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => widest(h.length, rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd((widths[i] ?? 0) + 3))).join('');
  return [line(header), ...rows.map(line)].join('\n');
}

function bytes(value: number | null): string {
  if (value === null) return 'unlimited';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let n = value;
  let unit = 0;
  while (n >= 1024 && unit < units.length - 1) {
    n /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? n : n.toFixed(2).replace(/\.?0+$/, '')}${units[unit]}`;
}

/** The engine in one line: kind, state, endpoint, context and version, or why it is not connected. */
export function formatEngineStatus(status: EngineStatus): string {
  const where = `${status.endpoint}${status.context ? ` (context ${status.context})` : ''}`;
  if (status.state === 'connected') {
    const version = status.serverVersion ? ` · Docker ${status.serverVersion}, API ${status.apiVersion ?? '?'}` : '';
    return `Engine ${status.kind}: connected at ${where}${version}`;
  }
  return `Engine ${status.kind}: ${status.state} at ${where}${status.message ? ` · ${status.message}` : ''}`;
}

/** A Docker context with what probing its engine just answered. */
export type ProbedContext = DockerContext & { probe: ContextProbe };

/** A probe in words: `connected (Docker 24.0.7)` or `unreachable: <sentence>`. */
export function formatProbeStatus(probe: ContextProbe): string {
  if (probe.state === 'connected') return probe.serverVersion === null ? 'connected' : `connected (Docker ${probe.serverVersion})`;
  return probe.message === null ? 'unreachable' : `unreachable: ${probe.message}`;
}

/** The contexts with their live status: NAME, CURRENT (`*`), ENDPOINT, STATUS. */
export function formatContextProbes(contexts: ProbedContext[]): string {
  return table(
    ['NAME', 'CURRENT', 'ENDPOINT', 'STATUS'],
    contexts.map((c) => [c.name, c.current ? '*' : '', c.endpoint, formatProbeStatus(c.probe)]),
  );
}

/** A created context in one line, with how to switch to it. */
export function formatCreatedContext(context: DockerContext): string {
  return `Created Docker context ${context.name} for ${context.endpoint}; switch to it with: lightdock engine use ${context.name}`;
}

/** `docker ps -a`-like table; a sentence when there are none. */
export function formatContainerTable(containers: ContainerRow[]): string {
  if (containers.length === 0) return 'No containers.';
  return table(
    ['CONTAINER ID', 'IMAGE', 'STATUS', 'PORTS', 'NAMES'],
    containers.map((c) => [
      c.id.slice(0, 12),
      c.image,
      c.status,
      c.ports.map((p) => (p.publicPort === null ? `${p.privatePort}/${p.type}` : `${p.ip ?? ''}:${p.publicPort}->${p.privatePort}/${p.type}`)).join(', '),
      c.name,
    ]),
  );
}

/** A container's facts, namespaces and cgroup as labelled lines. */
export function formatContainerDetail(c: ContainerDetail): string {
  const ns = Object.entries(c.namespaces).map(([kind, info]) => {
    const mode = info.mode === 'container' ? `container:${(info.container ?? '').slice(0, 12)}` : info.mode;
    return `  ${kind.padEnd(7)}${mode}${info.inode === null ? '' : ` [${info.inode}]`}`;
  });
  const cpus = c.cgroup.nanoCpus !== null ? `${c.cgroup.nanoCpus / 1e9} CPUs` : c.cgroup.cpuQuota !== null ? `quota ${c.cgroup.cpuQuota}/${c.cgroup.cpuPeriod ?? 100000}` : 'unlimited';
  return [
    `${c.name} (${c.id.slice(0, 12)}) · ${c.image} · ${c.status}`,
    `pid ${c.pid ?? '-'} · restarts ${c.restartCount}${c.exitCode === null ? '' : ` · exit code ${c.exitCode}`}`,
    'namespaces:',
    ...ns,
    `cgroup v${c.cgroup.version ?? '?'} ${c.cgroup.path ?? ''}`.trimEnd(),
    `  memory ${bytes(c.cgroup.memoryUsageBytes ?? 0)} / ${bytes(c.cgroup.memoryLimitBytes)} · cpu ${cpus} · pids ${c.cgroup.pidsCurrent ?? '-'} / ${c.cgroup.pidsLimit ?? 'unlimited'}`,
  ].join('\n');
}

/** One line per container of a (bulk) action: the reference and `ok` or the error. */
export function formatActionResults(results: ContainerActionResult[]): string {
  return results.map((r) => (r.ok ? r.id : `${r.id}: ${r.error?.message ?? 'failed'}`)).join('\n');
}

/** `docker stats --no-stream`-like table. */
export function formatStatsTable(samples: ContainerStats[]): string {
  if (samples.length === 0) return 'No running containers.';
  return table(
    ['CONTAINER ID', 'NAME', 'CPU %', 'MEM USAGE / LIMIT', 'MEM %', 'PIDS'],
    samples.map((s) => [s.id.slice(0, 12), s.name, `${s.cpuPercent.toFixed(2)}%`, `${bytes(s.memoryUsedBytes)} / ${bytes(s.memoryLimitBytes)}`, `${s.memoryPercent.toFixed(2)}%`, String(s.pids)]),
  );
}
