import type { MemoryNode, MemoryNodeKind, MemoryReport } from '../../../../shared/model/memory';

const MiB = 1024 * 1024;

/** One breakdown node built by hand (id from kind and label, no limit, measured). */
export function node(kind: MemoryNodeKind, label: string, bytes: number, children: MemoryNode[] = []): MemoryNode {
  return { id: `${kind}:${label}`, kind, label, bytes, limitBytes: null, estimated: false, estimate: null, children };
}

/** What a hand-built report holds, in MiB: the host, the VM with its distros (each with containers), and containers on a second Linux root. */
export interface ReportShape {
  hostTotal?: number;
  hostFree?: number;
  vmSystem?: number;
  vmPageCache?: number;
  vmFree?: number;
  distros?: Array<{ name: string; other: number; containers?: Array<{ name: string; bytes: number }> }>;
  linuxContainers?: Array<{ name: string; bytes: number }>;
  at?: number;
}

/**
 * A MemoryReport whose parts add up to their parents: host → host-other, host-free, vm → vm-system,
 * vm-page-cache, vm-free, distros → distro-other, containers; plus a second root for `linuxContainers`.
 */
export function reportOf(shape: ReportShape = {}): MemoryReport {
  const distros = (shape.distros ?? [{ name: 'Ubuntu', other: 300, containers: [{ name: 'web', bytes: 100 }] }]).map((distro) => {
    const containers = (distro.containers ?? []).map((container) => node('container', container.name, container.bytes * MiB));
    const total = distro.other * MiB + containers.reduce((sum, container) => sum + container.bytes, 0);
    return node('distro', distro.name, total, [node('distro-other', `${distro.name} other`, distro.other * MiB), ...containers]);
  });
  const vmChildren = [
    node('vm-system', 'system', (shape.vmSystem ?? 200) * MiB),
    node('vm-page-cache', 'page cache', (shape.vmPageCache ?? 500) * MiB),
    node('vm-free', 'free', (shape.vmFree ?? 1000) * MiB),
    ...distros,
  ];
  const vm = node('vm', 'WSL2 VM', vmChildren.reduce((sum, child) => sum + child.bytes, 0), vmChildren);
  const hostTotal = (shape.hostTotal ?? 16384) * MiB;
  const hostFree = (shape.hostFree ?? 4096) * MiB;
  const host = node('host', 'Windows', hostTotal, [node('host-other', 'other', hostTotal - hostFree - vm.bytes), node('host-free', 'free', hostFree), vm]);
  const roots = [host];
  if (shape.linuxContainers) {
    const containers = shape.linuxContainers.map((container) => node('container', container.name, container.bytes * MiB));
    roots.push(node('host', 'linux', containers.reduce((sum, container) => sum + container.bytes, 0), containers));
  }
  return {
    at: shape.at ?? 0,
    simulated: true,
    placement: { kind: 'wsl-distro', distro: 'Ubuntu', simulated: true, description: 'In the Ubuntu distro.' },
    roots,
    vm: null,
    warnings: [],
  };
}

/** Bytes from MiB, for expectations. */
export const mib = (value: number): number => value * MiB;
