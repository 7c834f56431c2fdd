import os from 'node:os';
import type { ContainerStats } from '../../../shared/model/container';

/** CPU counters of one stats sample (`cpu_stats` / `precpu_stats`). */
export interface DockerCpuStats {
  cpu_usage?: { total_usage?: number; percpu_usage?: number[] | null };
  system_cpu_usage?: number;
  online_cpus?: number;
}

/** The Engine API's stats JSON (`GET /containers/{id}/stats`), the Linux fields the docker CLI reads. */
export interface DockerStatsJson {
  id?: string;
  name?: string;
  read?: string;
  cpu_stats?: DockerCpuStats;
  precpu_stats?: DockerCpuStats;
  memory_stats?: { usage?: number; limit?: number; stats?: Record<string, number> };
  networks?: Record<string, { rx_bytes?: number; tx_bytes?: number }>;
  blkio_stats?: { io_service_bytes_recursive?: Array<{ op?: string; value?: number }> | null };
  pids_stats?: { current?: number };
}

/** True when a sample carries a previous sample to compute CPU % from (the first streamed one does not). */
export function hasPreviousSample(raw: DockerStatsJson): boolean {
  return (raw.precpu_stats?.system_cpu_usage ?? 0) > 0;
}

/**
 * One sample with the docker CLI's exact math (cli/command/container/stats_helpers.go): CPU % from the
 * container and system deltas times the online CPUs (else the per-CPU count, else — cgroup v2 without
 * either — `fallbackCpus`, the host's count); memory without the inactive file cache (`total_inactive_file`
 * on cgroup v1, `inactive_file` on v2); network and block I/O summed; PIDs as reported.
 */
export function computeStats(raw: DockerStatsJson, name: string, fallbackCpus: number = os.availableParallelism()): ContainerStats {
  const memoryUsed = memoryWithoutCache(raw.memory_stats?.usage ?? 0, raw.memory_stats?.stats ?? {});
  const memoryLimit = raw.memory_stats?.limit ?? 0;
  const [netRx, netTx] = networkTotals(raw.networks);
  const [blockRead, blockWrite] = blockTotals(raw.blkio_stats?.io_service_bytes_recursive);
  const read = raw.read === undefined ? Number.NaN : Date.parse(raw.read);
  return {
    id: raw.id ?? '',
    name,
    cpuPercent: cpuPercent(raw.cpu_stats ?? {}, raw.precpu_stats ?? {}, fallbackCpus),
    memoryUsedBytes: memoryUsed,
    memoryLimitBytes: memoryLimit,
    memoryPercent: memoryLimit !== 0 ? (memoryUsed / memoryLimit) * 100 : 0,
    netRxBytes: netRx,
    netTxBytes: netTx,
    blockReadBytes: blockRead,
    blockWriteBytes: blockWrite,
    pids: raw.pids_stats?.current ?? 0,
    timestamp: Number.isFinite(read) && read > 0 ? read : Date.now(),
  };
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
