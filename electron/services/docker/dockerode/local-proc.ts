import fs from 'node:fs';
import path from 'node:path';
import type { ContainerNamespaces } from '../../../../shared/model/container';

const NAMESPACE_KINDS = ['pid', 'net', 'ipc', 'uts', 'mnt', 'user', 'cgroup'] as const;
const CGROUP2_SUPER_MAGIC = 0x63677270;

/** What this machine's kernel shows of a container process: namespace ids, cgroup path and current use. */
export interface LocalProcessView {
  inodes: Partial<Record<keyof ContainerNamespaces, number>>;
  cgroupPath: string;
  memoryUsageBytes: number | null;
  pidsCurrent: number | null;
}

/** The cgroup version of this machine (statfs of /sys/fs/cgroup), or null when it cannot be read. */
export function localCgroupVersion(root = '/sys/fs/cgroup'): 1 | 2 | null {
  try {
    return fs.statfsSync(root).type === CGROUP2_SUPER_MAGIC ? 2 : 1;
  } catch {
    return null;
  }
}

/** `pid:[4026531836]` → 4026531836; null for anything else. */
export function parseNamespaceLink(link: string): number | null {
  const match = /^[a-z_]+:\[(\d+)\]$/.exec(link);
  return match?.[1] !== undefined ? Number(match[1]) : null;
}

/** The path of the container's cgroup in /proc/<pid>/cgroup: the unified line on v2, the memory controller's on v1. */
export function parseProcCgroup(text: string, version: 1 | 2): string | null {
  for (const line of text.split('\n')) {
    const [, controllers, cgroupPath] = /^\d+:([^:]*):(.*)$/.exec(line) ?? [];
    if (cgroupPath === undefined || controllers === undefined) continue;
    if (version === 2 && controllers === '') return cgroupPath;
    if (version === 1 && controllers.split(',').includes('memory')) return cgroupPath;
  }
  return null;
}

function readNumber(file: string): number | null {
  try {
    const value = Number(fs.readFileSync(file, 'utf8').trim());
    return Number.isFinite(value) ? value : null;
  } catch {
    return null;
  }
}

function statValue(file: string, key: string): number | null {
  try {
    const line = fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .find((l) => l.startsWith(`${key} `));
    return line === undefined ? null : Number(line.slice(key.length + 1));
  } catch {
    return null;
  }
}

/** Memory in use without the inactive file cache (the docker CLI's figure) and the task count, from the cgroup files. */
function cgroupUse(root: string, cgroupPath: string, version: 1 | 2): { memoryUsageBytes: number | null; pidsCurrent: number | null } {
  if (version === 2) {
    const dir = path.join(root, cgroupPath);
    const usage = readNumber(path.join(dir, 'memory.current'));
    const inactive = statValue(path.join(dir, 'memory.stat'), 'inactive_file');
    return {
      memoryUsageBytes: usage === null ? null : inactive !== null && inactive < usage ? usage - inactive : usage,
      pidsCurrent: readNumber(path.join(dir, 'pids.current')),
    };
  }
  const memoryDir = path.join(root, 'memory', cgroupPath);
  const usage = readNumber(path.join(memoryDir, 'memory.usage_in_bytes'));
  const inactive = statValue(path.join(memoryDir, 'memory.stat'), 'total_inactive_file');
  return {
    memoryUsageBytes: usage === null ? null : inactive !== null && inactive < usage ? usage - inactive : usage,
    pidsCurrent: readNumber(path.join(root, 'pids', cgroupPath, 'pids.current')),
  };
}

/**
 * Reads /proc/<pid> of a container process when it is on this machine: the process must exist and its
 * cgroup must name the container id (a pid from an engine in another VM or PID namespace is not ours).
 * Returns null otherwise; never throws.
 */
export function readLocalProcess(pid: number, containerId: string, version: 1 | 2, procRoot = '/proc', cgroupRoot = '/sys/fs/cgroup'): LocalProcessView | null {
  let cgroupText: string;
  try {
    cgroupText = fs.readFileSync(path.join(procRoot, String(pid), 'cgroup'), 'utf8');
  } catch {
    return null;
  }
  if (!cgroupText.includes(containerId)) return null;
  const cgroupPath = parseProcCgroup(cgroupText, version);
  if (cgroupPath === null) return null;
  const inodes: Partial<Record<keyof ContainerNamespaces, number>> = {};
  for (const kind of NAMESPACE_KINDS) {
    try {
      const inode = parseNamespaceLink(fs.readlinkSync(path.join(procRoot, String(pid), 'ns', kind)));
      if (inode !== null) inodes[kind] = inode;
    } catch {
      // A namespace link the kernel does not offer (old kernels lack cgroup) stays unknown.
    }
  }
  return { inodes, cgroupPath, ...cgroupUse(cgroupRoot, cgroupPath, version) };
}
