import type { ContainerCgroup } from '../../../../shared/model/container';

/** The CPU limit in cores (`--cpus`, or quota over period), or null when the container may use every CPU. */
export function cpuLimitCores(cgroup: ContainerCgroup): number | null {
  if (cgroup.nanoCpus !== null && cgroup.nanoCpus > 0) return cgroup.nanoCpus / 1e9;
  if (cgroup.cpuQuota !== null && cgroup.cpuQuota > 0) return cgroup.cpuQuota / (cgroup.cpuPeriod !== null && cgroup.cpuPeriod > 0 ? cgroup.cpuPeriod : 100_000);
  return null;
}

/** A core count as people read it: "1 core", "1.5 cores", "0.25 cores". */
export function formatCores(cores: number): string {
  const text = Number(cores.toFixed(2)).toString();
  return `${text} ${cores === 1 ? 'core' : 'cores'}`;
}
