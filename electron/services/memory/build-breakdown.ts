import type { EnginePlacement } from '../../../shared/model/engine-placement';
import type { MemoryNode } from '../../../shared/model/memory';
import type { VmMemory } from '../../../shared/model/vm';
import type { ContainerMemoryUse } from '../docker/container-engine';
import { fitParts, scaleTo } from './fit-parts';

/** Containers shown one by one below a machine or distro; the rest are counted in the remainder node. */
export const MAX_CONTAINER_NODES = 500;

/** A machine's RAM: its total and what the OS calls available (free plus reclaimable). */
export interface MachineMemory {
  label: string;
  totalBytes: number;
  availableBytes: number;
}

/** Everything the breakdown is built from, read at one moment. */
export interface BreakdownInput {
  /** The machine wsl.exe runs on (or the simulated host). */
  host: MachineMemory;
  /** The VM's figures, null when there is no WSL; `vmRunning` false shows an empty VM. */
  vm: VmMemory | null;
  vmRunning: boolean;
  distros: readonly { name: string; processBytes: number }[];
  /** How the distro figures were reached, one sentence. */
  distroEstimate: string;
  placement: EnginePlacement;
  containers: readonly ContainerMemoryUse[];
  /** This Linux machine, when the engine runs on it (placement `linux-host`). */
  linuxHost: MachineMemory | null;
}

/** The largest figure taken as read (1 PiB); anything above, NaN or negative is hostile or broken and is clamped. */
export const MAX_FIGURE_BYTES = 2 ** 50;

const clampBytes = (value: number): number => (Number.isFinite(value) ? Math.min(MAX_FIGURE_BYTES, Math.max(0, Math.floor(value))) : 0);
const text = (value: string): string => (value.length > 200 ? `${value.slice(0, 199)}…` : value);
const percent = (part: number, whole: number): string => `${whole === 0 ? 0 : Math.round((1 - part / whole) * 100)} %`;

function node(id: string, kind: MemoryNode['kind'], label: string, bytes: number, extra: Partial<MemoryNode> = {}): MemoryNode {
  return { id, kind, label: text(label), bytes, limitBytes: null, estimated: false, estimate: null, children: [], ...extra };
}

/** Marks a node estimated with one sentence, joining a sentence it already has into one. */
function estimated(target: MemoryNode, sentence: string): MemoryNode {
  if (target.estimate === null) return { ...target, estimated: true, estimate: sentence };
  const joined = `${target.estimate.replace(/\.\s*$/, '')}; ${sentence.charAt(0).toLowerCase()}${sentence.slice(1)}`;
  return { ...target, estimated: true, estimate: joined };
}

/**
 * The containers as child nodes of a parent that has `room` bytes for them (the heaviest first, at most
 * MAX_CONTAINER_NODES), scaled down and marked when their cgroups add up to more than the room.
 */
function containerNodes(parentId: string, containers: readonly ContainerMemoryUse[], room: number, why: string): { nodes: MemoryNode[]; hidden: number } {
  const sorted = [...containers].sort((a, b) => b.bytes - a.bytes || a.name.localeCompare(b.name));
  const shown = sorted.slice(0, MAX_CONTAINER_NODES);
  const wanted = shown.map((c) => clampBytes(c.bytes));
  const shares = scaleTo(wanted, room);
  const nodes = shown.map((c, i) => {
    const share = shares[i] as number;
    const base = node(`${parentId}/container:${c.name || c.id}`, 'container', c.name || c.id.slice(0, 12), share, {
      limitBytes: c.limitBytes !== null && Number.isFinite(c.limitBytes) && c.limitBytes > 0 ? clampBytes(c.limitBytes) : null,
    });
    return share < (wanted[i] as number) ? estimated(base, `Scaled down by ${percent(share, wanted[i] as number)} because ${why}`) : base;
  });
  return { nodes, hidden: sorted.length - shown.length };
}

/** The containers below the engine's distro, with `distro-other` taking what is left. */
function withContainers(distro: MemoryNode, containers: readonly ContainerMemoryUse[]): MemoryNode {
  const { nodes, hidden } = containerNodes(distro.id, containers, distro.bytes, "the containers' cgroups count more than the distro's share of the VM.");
  const shown = nodes.reduce((acc, n) => acc + n.bytes, 0);
  const more = hidden > 0 ? `, counting ${hidden} smaller containers not listed one by one` : '';
  const other = node(`${distro.id}/distro-other`, 'distro-other', `Other processes in ${distro.label}`, distro.bytes - shown, {
    estimated: true,
    estimate: `The distro's processes less its listed containers' cgroup use${more}.`,
  });
  return { ...distro, children: [...nodes, other] };
}

/**
 * The VM's children: the running distros and `vm-system` share what Linux uses (the distros are estimates and are
 * scaled down when they add up to more; the engine's distro keeps at least its containers), then page cache and
 * free memory, adding up to what the VM holds.
 */
function vmChildren(vm: VmMemory, input: BreakdownInput, vmId: string): MemoryNode[] {
  const assigned = clampBytes(vm.assignedBytes);
  const used = Math.min(clampBytes(vm.usedBytes), assigned);
  const cache = Math.min(clampBytes(vm.pageCacheBytes), assigned - used);
  const engineDistro = input.placement.kind === 'wsl-distro' ? input.placement.distro : null;
  const containersSum = input.containers.reduce((acc, c) => acc + clampBytes(c.bytes), 0);
  const distros = input.distros.slice(0, 64);
  const isEngine = (name: string): boolean => engineDistro !== null && name === engineDistro;
  const raw = distros.map((d) => clampBytes(d.processBytes));
  const desired = distros.map((d, i) => (isEngine(d.name) ? Math.max(raw[i] as number, containersSum) : (raw[i] as number)));
  const floors = distros.map((d, i) => (isEngine(d.name) ? Math.min(containersSum, desired[i] as number) : 0));
  const shares = fitParts(used, desired, floors);
  const distroNodes = distros.map((d, i) => {
    const share = shares[i] as number;
    let distro = estimated(node(`${vmId}/distro:${d.name}`, 'distro', d.name, share), text(input.distroEstimate));
    if ((desired[i] as number) > (raw[i] as number)) distro = estimated(distro, "Raised to its containers' total, which its processes' figure did not reach.");
    if (share < (desired[i] as number)) distro = estimated(distro, `Scaled down by ${percent(share, desired[i] as number)} so the distros fit in what the VM uses.`);
    return isEngine(d.name) ? withContainers(distro, input.containers) : distro;
  });
  const distroSum = shares.reduce((acc, s) => acc + s, 0);
  const system = node(`${vmId}/vm-system`, 'vm-system', 'Kernel and WSL system', used - distroSum, {
    estimated: true,
    estimate: "What Linux in the VM uses less the running distros' processes: the kernel, WSL's system distro and anything no distro accounts for.",
  });
  let pageCache = node(`${vmId}/vm-page-cache`, 'vm-page-cache', 'Page cache (reclaimable)', cache);
  if (cache < clampBytes(vm.pageCacheBytes)) pageCache = estimated(pageCache, 'Cut to what the VM holds beyond its used memory.');
  const free = node(`${vmId}/vm-free`, 'vm-free', 'Free in the VM', assigned - used - cache);
  return [...distroNodes, system, pageCache, free];
}

/** The host root: the VM (what vmmem holds), other programs and free memory, adding up to the host's RAM. */
function hostRoot(input: BreakdownInput): MemoryNode {
  const total = clampBytes(input.host.totalBytes);
  const used = total - Math.min(clampBytes(input.host.availableBytes), total);
  const children: MemoryNode[] = [];
  let vmHeld = 0;
  if (input.vm !== null) {
    const wanted = input.vmRunning ? clampBytes(input.vm.assignedBytes) : 0;
    vmHeld = Math.min(wanted, total);
    let vmNode = node('host/vm', 'vm', 'WSL2 VM (vmmem)', vmHeld, { limitBytes: clampBytes(input.vm.limitBytes) });
    if (vmHeld > 0) vmNode = { ...vmNode, children: vmChildren({ ...input.vm, assignedBytes: vmHeld }, input, vmNode.id) };
    if (vmHeld < wanted) vmNode = estimated(vmNode, "Cut to the host's RAM, which the VM's own figure exceeded.");
    children.push(vmNode);
  }
  const other = Math.max(0, used - vmHeld);
  let otherNode = node('host/host-other', 'host-other', input.vm === null ? 'Programs' : 'Windows and other programs', other);
  if (used < vmHeld) otherNode = estimated(otherNode, 'The host reported less in use than the VM holds, so other programs count as none.');
  children.push(otherNode);
  let freeNode = node('host/host-free', 'host-free', 'Free', total - vmHeld - other);
  if (used < vmHeld) freeNode = estimated(freeNode, 'What the VM leaves of the RAM the host called available.');
  children.push(freeNode);
  return node('host', 'host', input.host.label, total, { children });
}

/** This Linux machine as a root: the engine's containers (cgroup use), other processes and free memory. */
function linuxRoot(machine: MachineMemory, containers: readonly ContainerMemoryUse[]): MemoryNode {
  const total = clampBytes(machine.totalBytes);
  const used = total - Math.min(clampBytes(machine.availableBytes), total);
  const { nodes, hidden } = containerNodes('linux', containers, total, "the containers' cgroups count more than this machine's RAM.");
  const containerSum = nodes.reduce((acc, n) => acc + n.bytes, 0);
  const other = Math.max(0, used - containerSum);
  const more = hidden > 0 ? `, counting ${hidden} smaller containers not listed one by one` : '';
  const otherNode = node('linux/host-other', 'host-other', 'Other processes and the kernel', other, {
    estimated: true,
    estimate: `What the kernel reports in use (total less available) less the listed containers' cgroup use${more}.`,
  });
  let freeNode = node('linux/host-free', 'host-free', 'Free', total - containerSum - other);
  if (containerSum > used) freeNode = estimated(freeNode, "What the containers leave, since their cgroups count more than the kernel's in-use figure.");
  return node('linux', 'host', machine.label, total, { children: [...nodes, otherNode, freeNode] });
}

/**
 * The breakdown's roots: the host with the VM, its distros (the engine's with its containers) and the rest, and,
 * when the engine runs on this Linux machine, that machine with its containers. Every node's children add up to
 * its bytes exactly and no figure is negative: estimated parts are scaled down (or an estimated distro raised to
 * its containers) to make measured parts fit, and each says how.
 */
export function buildBreakdown(input: BreakdownInput): MemoryNode[] {
  const roots = [hostRoot(input)];
  if (input.placement.kind === 'linux-host' && input.linuxHost !== null) roots.push(linuxRoot(input.linuxHost, input.containers));
  return roots;
}
