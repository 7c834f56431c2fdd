import os from 'node:os';
import type { ContainerStats } from '../../../shared/model/container';

/** CPU counters of one stats sample (`cpu_stats` / `precpu_stats`). */
export interface DockerCpuStats {
  cpu_usage?: { total_usage?: number; percpu_usage?: number[] | null };
  system_cpu_usage?: number;
  online_cpus?: number;
}

/** The Engine API's stats JSON (`GET /containers/{id}/stats`): the Linux and Windows fields the docker CLI reads. */
export interface DockerStatsJson {
  id?: string;
  name?: string;
  read?: string;
  /** Windows: when the previous sample was read (year 1 when there is none). */
  preread?: string;
  /** Windows: the processors the container may use; 0 or absent on Linux. */
  num_procs?: number;
  /** `linux` or `windows` (API 1.48 and later). */
  os_type?: string;
  cpu_stats?: DockerCpuStats;
  precpu_stats?: DockerCpuStats;
  memory_stats?: { usage?: number; limit?: number; stats?: Record<string, number>; privateworkingset?: number };
  networks?: Record<string, { rx_bytes?: number; tx_bytes?: number }>;
  blkio_stats?: { io_service_bytes_recursive?: Array<{ op?: string; value?: number }> | null };
  /** Windows: the container's storage I/O. */
  storage_stats?: { read_size_bytes?: number; write_size_bytes?: number };
  pids_stats?: { current?: number };
}

/** A Windows container's sample: `os_type` says so, or, before API 1.48, the daemon filled `num_procs` (Linux sends 0). */
function isWindowsSample(raw: DockerStatsJson): boolean {
  if (raw.os_type !== undefined) return raw.os_type === 'windows';
  return (raw.num_procs ?? 0) > 0;
}

function timeOf(stamp: string | undefined): number {
  const parsed = stamp === undefined ? Number.NaN : Date.parse(stamp);
  return Number.isFinite(parsed) && parsed > 0 ? parsed : Number.NaN;
}

/** True when a sample carries a previous sample to compute CPU % from (the first streamed one does not). */
export function hasPreviousSample(raw: DockerStatsJson): boolean {
  if (isWindowsSample(raw)) return Number.isFinite(timeOf(raw.preread));
  return (raw.precpu_stats?.system_cpu_usage ?? 0) > 0;
}

/**
 * One sample with the docker CLI's exact math (cli/command/container/stats_helpers.go). Linux: CPU % from the
 * container and system deltas times the online CPUs (else the per-CPU count, else — cgroup v2 without
 * either — `fallbackCpus`, the host's count); memory without the inactive file cache (`total_inactive_file`
 * on cgroup v1, `inactive_file` on v2); block I/O from blkio. Windows: CPU % of the 100 ns intervals all
 * `num_procs` processors had since the previous read; memory is the private working set, with no limit;
 * block I/O from storage_stats. Network summed and PIDs as reported on both.
 */
export function computeStats(raw: DockerStatsJson, name: string, fallbackCpus: number = os.availableParallelism()): ContainerStats {
  const windows = isWindowsSample(raw);
  const memoryUsed = windows ? (raw.memory_stats?.privateworkingset ?? 0) : memoryWithoutCache(raw.memory_stats?.usage ?? 0, raw.memory_stats?.stats ?? {});
  const memoryLimit = windows ? 0 : (raw.memory_stats?.limit ?? 0);
  const [netRx, netTx] = networkTotals(raw.networks);
  const [blockRead, blockWrite] = windows
    ? [raw.storage_stats?.read_size_bytes ?? 0, raw.storage_stats?.write_size_bytes ?? 0]
    : blockTotals(raw.blkio_stats?.io_service_bytes_recursive);
  const read = timeOf(raw.read);
  return {
    id: raw.id ?? '',
    name,
    cpuPercent: windows ? windowsCpuPercent(raw) : cpuPercent(raw.cpu_stats ?? {}, raw.precpu_stats ?? {}, fallbackCpus),
    memoryUsedBytes: memoryUsed,
    memoryLimitBytes: memoryLimit,
    memoryPercent: memoryLimit !== 0 ? (memoryUsed / memoryLimit) * 100 : 0,
    netRxBytes: netRx,
    netTxBytes: netTx,
    blockReadBytes: blockRead,
    blockWriteBytes: blockWrite,
    pids: raw.pids_stats?.current ?? 0,
    timestamp: Number.isFinite(read) ? read : Date.now(),
  };
}

function windowsCpuPercent(raw: DockerStatsJson): number {
  const elapsedNs = (timeOf(raw.read) - timeOf(raw.preread)) * 1e6;
  const possibleIntervals = (elapsedNs / 100) * (raw.num_procs ?? 0);
  const usedIntervals = (raw.cpu_stats?.cpu_usage?.total_usage ?? 0) - (raw.precpu_stats?.cpu_usage?.total_usage ?? 0);
  return Number.isFinite(possibleIntervals) && possibleIntervals > 0 ? (usedIntervals / possibleIntervals) * 100 : 0;
}

function cpuPercent(now: DockerCpuStats, previous: DockerCpuStats, fallbackCpus: number): number {
  const cpuDelta = (now.cpu_usage?.total_usage ?? 0) - (previous.cpu_usage?.total_usage ?? 0);
  const systemDelta = (now.system_cpu_usage ?? 0) - (previous.system_cpu_usage ?? 0);
  const onlineCpus = now.online_cpus || now.cpu_usage?.percpu_usage?.length || fallbackCpus;
  return systemDelta > 0 && cpuDelta > 0 ? (cpuDelta / systemDelta) * onlineCpus * 100 : 0;
}

function memoryWithoutCache(usage: number, stats: Record<string, number>): number {
  const v1 = stats['total_inactive_file'];
  if (v1 !== undefined && v1 < usage) return usage - v1;
  const v2 = stats['inactive_file'] ?? 0;
  return v2 < usage ? usage - v2 : usage;
}

function networkTotals(networks: DockerStatsJson['networks']): [number, number] {
  let rx = 0;
  let tx = 0;
  for (const network of Object.values(networks ?? {})) {
    rx += network.rx_bytes ?? 0;
    tx += network.tx_bytes ?? 0;
  }
  return [rx, tx];
}

function blockTotals(entries: Array<{ op?: string; value?: number }> | null | undefined): [number, number] {
  let read = 0;
  let write = 0;
  for (const entry of entries ?? []) {
    const op = entry.op?.[0];
    if (op === 'r' || op === 'R') read += entry.value ?? 0;
    else if (op === 'w' || op === 'W') write += entry.value ?? 0;
  }
  return [read, write];
}
