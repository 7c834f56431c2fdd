import type { ContainerStats } from '../../../../shared/model/container';
import { SIMULATED_VM, type SimulatedContainer, type SimulatedRun } from './engine-state';
import { noise } from './noise';
import { programProfile } from './program-profiles';

/** Milliseconds the run was active (not paused) up to `now`. */
export function activeMs(run: SimulatedRun, now: number): number {
  const end = Math.min(run.end ?? now, now);
  const paused = run.pauses.reduce((sum, p) => sum + Math.max(0, Math.min(p.to ?? end, end) - Math.max(p.from, run.start)), 0);
  return Math.max(0, end - run.start - paused);
}

/** The memory ceiling a container's cgroup enforces (the VM's memory when unlimited). */
export function memoryCeiling(container: SimulatedContainer): number {
  return container.memory ?? SIMULATED_VM.memoryBytes;
}

/**
 * One `docker stats` sample at `now`, deterministic in the clock: CPU wobbles around the program's base and
 * never exceeds `--cpus`, memory stays under `--memory`, pids under `--pids-limit`, counters only grow.
 */
export function sampleStats(container: SimulatedContainer, now: number): ContainerStats {
  const limit = memoryCeiling(container);
  const run = container.runs.at(-1);
  const live = run !== undefined && (container.state === 'running' || container.state === 'paused');
  if (!live) {
    return {
      id: container.id,
      name: container.name,
      cpuPercent: 0,
      memoryUsedBytes: 0,
      memoryLimitBytes: limit,
      memoryPercent: 0,
      netRxBytes: 0,
      netTxBytes: 0,
      blockReadBytes: 0,
      blockWriteBytes: 0,
      pids: 0,
      timestamp: now,
    };
  }
  const profile = programProfile(container.program, container.startLines);
  const seconds = activeMs(run, now) / 1000;
  const phase = noise(container.id, 1) * 2 * Math.PI;
  const wave = (periodSeconds: number, shift: number): number => Math.sin((2 * Math.PI * now) / (periodSeconds * 1000) + phase * shift);

  const cpuCeiling = Math.min(container.nanoCpus === null ? SIMULATED_VM.cpus * 100 : container.nanoCpus / 1e7, SIMULATED_VM.cpus * 100);
  const burst = noise(container.id, Math.floor(now / 10_000)) < 0.1 ? 3 : 1;
  const cpu = container.state === 'paused' ? 0 : profile.cpuPercent * burst * (1 + 0.45 * wave(17, 1) + 0.25 * wave(5.3, 2));
  const cpuPercent = Math.round(Math.min(Math.max(cpu, 0), cpuCeiling * 0.98) * 100) / 100;

  const warm = 1 + 0.15 * (1 - Math.exp(-seconds / 3600)) + 0.06 * wave(41, 3);
  const memoryUsedBytes = Math.round(Math.min(profile.memoryBytes * warm, limit * 0.92));
  const memoryPercent = (memoryUsedBytes / limit) * 100;

  const counter = (perSecond: number): number => Math.round(perSecond * (seconds + 1.5 * Math.sin(seconds / 5)));
  const netless = container.network.mode === 'host' || container.network.mode === 'none';
  return {
    id: container.id,
    name: container.name,
    cpuPercent,
    memoryUsedBytes,
    memoryLimitBytes: limit,
    memoryPercent,
    netRxBytes: netless ? 0 : counter(profile.netRxPerSecond),
    netTxBytes: netless ? 0 : counter(profile.netTxPerSecond),
    blockReadBytes: Math.round(profile.blockReadAtStart * (1 - Math.exp(-seconds / 2))),
    blockWriteBytes: counter(profile.blockWritePerSecond),
    pids: Math.min(profile.tasks, container.pidsLimit ?? Number.POSITIVE_INFINITY),
    timestamp: now,
  };
}
