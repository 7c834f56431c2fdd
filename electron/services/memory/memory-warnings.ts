import type { MemoryWarning } from '../../../shared/model/memory';
import type { VmMemory } from '../../../shared/model/vm';
import type { ContainerMemoryUse } from '../docker/container-engine';
import type { MachineMemory } from './build-breakdown';
import { formatBytes } from './memory-figures';

/** Use of a limit at or above which the VM or a container counts as near it. */
export const NEAR_LIMIT_RATIO = 0.9;
/** Available RAM below this share of the total counts as pressure on the machine. */
export const HOST_PRESSURE_RATIO = 0.1;
/** Warnings a report carries at most (the contract's bound). */
export const MAX_WARNINGS = 200;

/** A container the kernel's OOM killer ended, as the last inspect said. */
export interface OomKilledContainer {
  name: string;
  finishedAt: string | null;
}

/** What the warnings are read from: the VM (null without WSL), the machines, the running containers and the OOM-killed ones. */
export interface WarningInput {
  at: number;
  vm: VmMemory | null;
  vmRunning: boolean;
  machines: readonly { id: string; memory: MachineMemory }[];
  containers: readonly ContainerMemoryUse[];
  oomKilled: readonly OomKilledContainer[];
}

const share = (part: number, whole: number): number => Math.round((part / whole) * 100);

/**
 * The memory warnings now, each with an id stable for the same condition on the same subject: the VM at 90 % of
 * its limit or swapping, a container at 90 % of its `--memory`, a container the OOM killer ended (per exit),
 * a machine with less than 10 % available. At most MAX_WARNINGS, errors first.
 */
export function memoryWarnings(input: WarningInput): MemoryWarning[] {
  const { at } = input;
  const warnings: MemoryWarning[] = [];
  const vm = input.vm;
  if (vm !== null && input.vmRunning && vm.limitBytes > 0 && vm.usedBytes >= vm.limitBytes * NEAR_LIMIT_RATIO) {
    warnings.push({
      id: 'vm-near-limit:vm',
      kind: 'vm-near-limit',
      severity: vm.usedBytes >= vm.limitBytes ? 'error' : 'warning',
      subject: 'WSL2 VM',
      message: `The WSL2 VM uses ${formatBytes(vm.usedBytes)} of its ${formatBytes(vm.limitBytes)} limit (${share(vm.usedBytes, vm.limitBytes)} %); raise "memory" in .wslconfig or stop something.`,
      at,
    });
  }
  if (vm !== null && input.vmRunning && vm.swapUsedBytes > 0) {
    warnings.push({
      id: 'vm-swapping:vm',
      kind: 'vm-swapping',
      severity: 'warning',
      subject: 'WSL2 VM',
      message: `The WSL2 VM has ${formatBytes(vm.swapUsedBytes)} in swap, so Linux is short of RAM and slows down.`,
      at,
    });
  }
  for (const { id, memory } of input.machines) {
    if (memory.totalBytes > 0 && memory.availableBytes < memory.totalBytes * HOST_PRESSURE_RATIO) {
      warnings.push({
        id: `host-pressure:${id}`,
        kind: 'host-pressure',
        severity: 'warning',
        subject: memory.label,
        message: `${memory.label} has only ${formatBytes(memory.availableBytes)} of ${formatBytes(memory.totalBytes)} available (${share(memory.availableBytes, memory.totalBytes)} %).`,
        at,
      });
    }
  }
  for (const c of input.containers) {
    if (c.limitBytes === null || !Number.isFinite(c.limitBytes) || c.limitBytes <= 0 || !Number.isFinite(c.bytes) || c.bytes < c.limitBytes * NEAR_LIMIT_RATIO) continue;
    warnings.push({
      id: `container-near-limit:${c.name}`,
      kind: 'container-near-limit',
      severity: 'warning',
      subject: c.name,
      message: `${c.name} uses ${formatBytes(c.bytes)} of its ${formatBytes(c.limitBytes)} limit (${share(c.bytes, c.limitBytes)} %); the kernel kills it when it reaches the limit.`,
      at,
    });
  }
  for (const c of input.oomKilled) {
    warnings.push({
      id: `container-oom-killed:${c.name}:${c.finishedAt ?? 'unknown'}`,
      kind: 'container-oom-killed',
      severity: 'error',
      subject: c.name,
      message: `${c.name} was killed by the kernel because it ran out of memory (its limit or the machine's).`,
      at,
    });
  }
  const order = (w: MemoryWarning): number => (w.severity === 'error' ? 0 : 1);
  return warnings.sort((a, b) => order(a) - order(b)).slice(0, MAX_WARNINGS);
}
