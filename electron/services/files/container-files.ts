import { z } from 'zod';
import type { ContainerMount, ContainerSummary } from '../../../shared/model/container';
import type { BoundaryCost, FileEntry, FilesSubject, MoveAdvice } from '../../../shared/model/files';
import { classifyBindSource, isWithin } from './classify-path';
import { MAX_ENTRIES, orderEntries } from './distro-files';
import { containerMoveAdvice } from './move-advice';

const COMPOSE_SERVICE = 'com.docker.compose.service';
const COMPOSE_DIR = 'com.docker.compose.project.working_dir';

/** The part of `docker inspect` this view reads: `Config.WorkingDir`, an absolute path or empty. */
const InspectWorkingDir = z.object({ Config: z.object({ WorkingDir: z.string().max(4096).optional().nullable() }).nullable().optional() });

/** The container's working directory from its raw inspect document; null when it is unset, not absolute or malformed. */
export function workingDirOf(inspect: unknown): string | null {
  const parsed = InspectWorkingDir.safeParse(inspect);
  const dir = parsed.success ? (parsed.data.Config?.WorkingDir ?? null) : null;
  return dir !== null && dir.startsWith('/') ? dir : null;
}

/** True when one of the container's bind mounts comes from a Windows drive (so its working directory is worth reading). */
export function hasWindowsBind(container: Pick<ContainerSummary, 'mounts'>): boolean {
  return container.mounts.some((m) => m.type === 'bind' && classifyBindSource(m.source).location === 'windows-drive');
}

/** One mount as an entry: binds placed by their source, volumes and tmpfs never flagged, other kinds unknown. */
function mountEntry(mount: ContainerMount): FileEntry {
  const base = { path: mount.destination, source: mount.source === '' ? null : mount.source, processes: [] };
  switch (mount.type) {
    case 'bind':
      return { kind: 'bind-mount', ...base, ...classifyBindSource(mount.source) };
    case 'volume':
      return { kind: 'volume', ...base, location: 'volume', drive: null, crossesBoundary: false };
    case 'tmpfs':
      return { kind: 'tmpfs', ...base, location: 'tmpfs', drive: null, crossesBoundary: false };
    default:
      return { kind: 'bind-mount', ...base, location: 'unknown', drive: null, crossesBoundary: false };
  }
}

/** What one container's subject is built from: its row, its working directory (when read), the home and cost of the distro its files are reached from. */
export interface ContainerFacts {
  container: ContainerSummary;
  workingDir: string | null;
  home: string | null;
  cost: BoundaryCost | null;
}

/**
 * One container as the Files view shows it: every mount (binds from a Windows drive flagged), its working
 * directory when it lies inside such a bind, and advice for each flagged bind (the working directory's advice
 * points at its bind's); the distro's cost only when something crosses the boundary.
 */
export function containerSubject(facts: ContainerFacts): FilesSubject {
  const { container, workingDir, home, cost } = facts;
  const mounts = container.mounts.map((mount) => ({ mount, entry: mountEntry(mount) }));
  const entries: FileEntry[] = mounts.map((m) => m.entry);
  const advice: MoveAdvice[] = [];
  const service = container.labels[COMPOSE_SERVICE];
  const compose = service === undefined ? null : { service, workingDir: container.labels[COMPOSE_DIR] ?? null };
  for (const { mount, entry } of mounts) {
    if (!entry.crossesBoundary) continue;
    const move = containerMoveAdvice({ source: mount.source, destination: mount.destination, readOnly: !mount.rw, container: container.name, image: container.image, home, compose });
    if (move !== null) advice.push(move);
  }
  const holder = workingDir === null ? undefined : mounts.filter((m) => m.entry.crossesBoundary && isWithin(workingDir, m.mount.destination)).sort((a, b) => b.mount.destination.length - a.mount.destination.length)[0];
  if (workingDir !== null && holder !== undefined) {
    entries.push({ kind: 'working-directory', path: workingDir, source: null, location: 'windows-drive', drive: holder.entry.drive, crossesBoundary: true, processes: [] });
    advice.push({
      path: workingDir,
      target: advice.find((a) => a.path === holder.mount.destination)?.target ?? holder.mount.destination,
      text: `${container.name} works in ${workingDir}, inside the bind mount at ${holder.mount.destination}: moving that bind mount (see its advice) moves this too.`,
      commands: [],
    });
  }
  return { kind: 'container', id: container.id, name: container.name, running: container.state === 'running', homePath: home, entries: orderEntries(entries), advice: advice.slice(0, MAX_ENTRIES), cost: entries.some((e) => e.crossesBoundary) ? cost : null };
}
