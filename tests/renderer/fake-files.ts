import type { EventChannel, EventPayload, InvokeChannel } from '../../shared/ipc/contract';
import { fail, ok, type IpcResult } from '../../shared/ipc/result';
import type { BoundaryCost, FileEntry, FilesReport, FilesSubject, MoveAdvice } from '../../shared/model/files';
import { SEEDED_CONTAINERS } from './fake-engine';

type Emit = <C extends EventChannel>(channel: C, payload: EventPayload<C>) => void;

/** When the fake's report and measurements were taken. */
export const FILES_AT = Date.UTC(2026, 11, 1, 22, 0);

function windowsEntry(kind: FileEntry['kind'], path: string, source: string | null, processes: string[] = []): FileEntry {
  return { kind, path, source, location: 'windows-drive', drive: 'C', crossesBoundary: true, processes };
}

function linuxEntry(kind: FileEntry['kind'], path: string, source: string | null, location: FileEntry['location'], processes: string[] = []): FileEntry {
  return { kind, path, source, location, drive: null, crossesBoundary: false, processes };
}

function moveAdvice(path: string, from: string, target: string, distro: string, then: string): MoveAdvice {
  return {
    path,
    target,
    text: `Move ${from} into ${distro}’s own filesystem at ${target}, ${then}: there reads and writes stay in the distro’s ext4 disk instead of crossing the 9p boundary.`,
    commands: [`mkdir -p ${target}`, `cp -a ${from}/. ${target}/`, `cd ${target}`],
  };
}

function containerId(name: string): string {
  const found = SEEDED_CONTAINERS.find((container) => container.name === name);
  if (found === undefined) throw new Error(`No seeded container ${name}.`);
  return found.id;
}

function container(name: string, running: boolean, entries: FileEntry[], advice: MoveAdvice[] = []): FilesSubject {
  return { kind: 'container', id: containerId(name), name, running, homePath: '/home/dev', entries, advice, cost: null };
}

/**
 * The report of the simulated host's "ready" machine: Ubuntu works in /mnt/c/Users/alex/web (crossing) and in its
 * home; Debian only in its home; docker-desktop is stopped; shop-web-1 and shop-api-1 bind-mount folders of C:, while
 * shop-db-1's data is a volume. Three directories cross the boundary; no cost is known until measured.
 */
export function fakeFilesSubjects(): FilesSubject[] {
  return [
    {
      kind: 'distro',
      id: 'Ubuntu-24.04',
      name: 'Ubuntu-24.04',
      running: true,
      homePath: '/home/dev',
      entries: [
        windowsEntry('working-directory', '/mnt/c/Users/alex/web', null, ['node', 'npm']),
        linuxEntry('working-directory', '/home/dev/projects/api', null, 'linux', ['go']),
      ],
      advice: [moveAdvice('/mnt/c/Users/alex/web', '/mnt/c/Users/alex/web', '/home/dev/projects/web', 'Ubuntu-24.04', 'then open it from there')],
      cost: null,
    },
    { kind: 'distro', id: 'docker-desktop', name: 'docker-desktop', running: false, homePath: null, entries: [], advice: [], cost: null },
    {
      kind: 'distro',
      id: 'Debian',
      name: 'Debian',
      running: true,
      homePath: '/home/dev',
      entries: [linuxEntry('working-directory', '/home/dev', null, 'linux', ['bash'])],
      advice: [],
      cost: null,
    },
    container(
      'shop-web-1',
      true,
      [windowsEntry('bind-mount', '/usr/share/nginx/html', '/mnt/c/Users/alex/shop/site')],
      [moveAdvice('/usr/share/nginx/html', '/mnt/c/Users/alex/shop/site', '/home/dev/projects/shop/site', 'Ubuntu-24.04', 'then bind-mount that folder instead')],
    ),
    container(
      'shop-api-1',
      true,
      [windowsEntry('bind-mount', '/app', '/mnt/c/Users/alex/shop/api'), linuxEntry('tmpfs', '/tmp', null, 'tmpfs')],
      [moveAdvice('/app', '/mnt/c/Users/alex/shop/api', '/home/dev/projects/shop/api', 'Ubuntu-24.04', 'then bind-mount that folder instead')],
    ),
    container('shop-db-1', true, [linuxEntry('volume', '/var/lib/postgresql/data', 'shop_db-data', 'volume')]),
    container('redis', false, []),
    container('monitor', true, []),
    container('sidecar', true, []),
  ];
}

/** The modelled cost of crossing the boundary in a distro, as the simulated host labels it. */
export function modelledCost(distro: string): BoundaryCost {
  return {
    distro,
    windowsDrive: { readMBps: 42.5, writeMBps: 11 },
    linux: { readMBps: 1850, writeMBps: 920 },
    slowdown: 84,
    measured: false,
    method: 'Modelled by the simulated host from typical 9p and ext4 throughput; nothing was timed.',
    at: FILES_AT,
  };
}

/** The files channels of the fake host: a fixed report (filtered by distro or container) and a modelled measurement that sticks. */
export class FakeFiles {
  subjects: FilesSubject[] = fakeFilesSubjects();
  simulated = true;

  constructor(private readonly emit: Emit) {}

  /** The answer for one of its channels, or undefined for any other channel. */
  answer(channel: InvokeChannel, request: unknown): IpcResult<unknown> | undefined {
    void this.emit;
    switch (channel) {
      case 'files:report':
        return this.report(request as { distro?: string; container?: string });
      case 'files:measure':
        return this.measure((request as { name: string }).name);
      default:
        return undefined;
    }
  }

  private report(filter: { distro?: string; container?: string }): IpcResult<FilesReport> {
    let subjects = this.subjects;
    if (filter.distro !== undefined) {
      subjects = subjects.filter((subject) => subject.kind === 'distro' && subject.id === filter.distro);
      if (subjects.length === 0) return fail('NOT_FOUND', `There is no distribution named ${filter.distro}.`);
    }
    const ref = filter.container;
    if (ref !== undefined) {
      subjects = subjects.filter((subject) => subject.kind === 'container' && (subject.id.startsWith(ref) || subject.name === ref));
      if (subjects.length === 0) return fail('NOT_FOUND', `No such container: ${ref}.`);
    }
    return ok({ at: FILES_AT, simulated: this.simulated, subjects: structuredClone(subjects) });
  }

  private measure(name: string): IpcResult<BoundaryCost> {
    const subject = this.subjects.find((candidate) => candidate.kind === 'distro' && candidate.id === name);
    if (subject === undefined) return fail('NOT_FOUND', `There is no distribution named ${name}.`);
    if (!subject.running) return fail('CONFLICT', `${name} is not running: start it to measure the boundary.`);
    const cost = modelledCost(name);
    this.subjects = this.subjects.map((candidate) => (candidate === subject ? { ...candidate, cost } : candidate));
    return ok(cost);
  }
}
