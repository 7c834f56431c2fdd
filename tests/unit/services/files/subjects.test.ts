import { describe, expect, it } from 'vitest';
import type { ContainerSummary } from '../../../../shared/model/container';
import type { Distro, DistroDetail } from '../../../../shared/model/distro';
import { FilesSubject, type BoundaryCost } from '../../../../shared/model/files';
import { containerSubject, hasWindowsBind, workingDirOf } from '../../../../electron/services/files/container-files';
import { MAX_ENTRIES, distroSubject, homeOfUser } from '../../../../electron/services/files/distro-files';

const COST: BoundaryCost = { distro: 'Ubuntu', windowsDrive: { readMBps: 100, writeMBps: 10 }, linux: { readMBps: 1000, writeMBps: 500 }, slowdown: 50, measured: true, method: 'Timed.', at: 1 };

function container(mounts: ContainerSummary['mounts'], labels: Record<string, string> = {}): ContainerSummary {
  return {
    id: 'c'.repeat(64),
    name: 'web',
    image: 'node:22',
    imageId: 'sha256:1',
    command: 'npm start',
    state: 'running',
    status: 'Up',
    created: 0,
    ports: [],
    composeProject: null,
    composeService: null,
    labels,
    networks: [],
    mounts,
  };
}

const ubuntu: Distro = { name: 'Ubuntu', state: 'Running', version: 2, isDefault: true };
const detail: DistroDetail = {
  ...ubuntu,
  id: null,
  basePath: null,
  disk: null,
  ip: null,
  osName: null,
  defaultUser: 'alex',
  systemd: null,
  mounts: [
    { target: '/', source: '/dev/sdc', fsType: 'ext4', options: '' },
    { target: '/mnt/c', source: 'C:\\', fsType: '9p', options: '' },
  ],
};

describe('containerSubject', () => {
  const binds: ContainerSummary['mounts'] = [
    { type: 'bind', source: '/mnt/c/lightdock-files-test', destination: '/app', mode: '', rw: true },
    { type: 'volume', source: 'web-data', destination: '/data', mode: 'z', rw: true },
    { type: 'tmpfs', source: '', destination: '/run/cache', mode: '', rw: true },
    { type: 'bind', source: '/srv/conf', destination: '/etc/web', mode: 'ro', rw: false },
    { type: 'npipe', source: '\\\\.\\pipe\\docker_engine', destination: '\\\\.\\pipe\\docker_engine', mode: '', rw: true },
  ];

  it('flags the Windows-drive bind and the working directory inside it, and nothing else', () => {
    const subject = FilesSubject.parse(containerSubject({ container: container(binds), workingDir: '/app/src', home: '/home/alex', cost: COST }));
    expect(subject.entries.filter((e) => e.crossesBoundary).map((e) => [e.kind, e.path, e.drive])).toEqual([
      ['bind-mount', '/app', 'C'],
      ['working-directory', '/app/src', 'C'],
    ]);
    expect(subject.entries.find((e) => e.path === '/data')).toMatchObject({ kind: 'volume', location: 'volume', source: 'web-data', crossesBoundary: false });
    expect(subject.entries.find((e) => e.path === '/run/cache')).toMatchObject({ kind: 'tmpfs', location: 'tmpfs', source: null });
    expect(subject.entries.find((e) => e.path === '/etc/web')).toMatchObject({ kind: 'bind-mount', location: 'linux' });
    expect(subject.entries.find((e) => e.source === '\\\\.\\pipe\\docker_engine')).toMatchObject({ location: 'unknown', crossesBoundary: false });
    expect(subject.advice.map((a) => a.path)).toEqual(['/app', '/app/src']);
    expect(subject.advice[1]).toMatchObject({ target: '/home/alex/src/lightdock-files-test', commands: [] });
    expect(subject.cost).toEqual(COST);
  });

  it('adds no working directory outside the Windows bind, and no cost when nothing crosses', () => {
    expect(containerSubject({ container: container(binds), workingDir: '/srv', home: null, cost: COST }).entries.some((e) => e.kind === 'working-directory')).toBe(false);
    const linuxOnly = containerSubject({ container: container(binds.slice(1)), workingDir: null, home: null, cost: COST });
    expect(linuxOnly.advice).toEqual([]);
    expect(linuxOnly.cost).toBeNull();
  });

  it('gives Compose advice for a Compose service', () => {
    const labels = { 'com.docker.compose.service': 'web', 'com.docker.compose.project.working_dir': '/home/alex/shop' };
    const subject = containerSubject({ container: container(binds, labels), workingDir: null, home: '/home/alex', cost: null });
    expect(subject.advice[0]?.commands.slice(-2)).toEqual(['cd /home/alex/shop', 'docker compose up -d --force-recreate web']);
  });

  it('reads WorkingDir from inspect strictly', () => {
    expect(workingDirOf({ Config: { WorkingDir: '/app' } })).toBe('/app');
    expect(workingDirOf({ Config: { WorkingDir: '' } })).toBeNull();
    expect(workingDirOf({ Config: { WorkingDir: 'relative' } })).toBeNull();
    expect(workingDirOf({ Config: { WorkingDir: 42 } })).toBeNull();
    expect(workingDirOf({ Config: null })).toBeNull();
    expect(workingDirOf('garbage')).toBeNull();
    expect(hasWindowsBind(container(binds))).toBe(true);
    expect(hasWindowsBind(container(binds.slice(1)))).toBe(false);
  });
});

describe('distroSubject', () => {
  it('groups processes by directory and places each by the mounts', () => {
    const directories = {
      home: '/home/alex',
      processes: [
        { command: 'node', cwd: '/mnt/c/web' },
        { command: 'npm', cwd: '/mnt/c/web' },
        { command: 'node', cwd: '/mnt/c/web' },
        { command: 'bash', cwd: '/home/alex' },
      ],
    };
    const subject = FilesSubject.parse(distroSubject({ distro: ubuntu, detail, directories, cost: null }));
    expect(subject.entries).toEqual([
      { kind: 'working-directory', path: '/mnt/c/web', source: null, location: 'windows-drive', drive: 'C', crossesBoundary: true, processes: ['node', 'npm'] },
      { kind: 'working-directory', path: '/home/alex', source: null, location: 'linux', drive: null, crossesBoundary: false, processes: ['bash'] },
    ]);
    expect(subject.advice).toHaveLength(1);
    expect(subject.homePath).toBe('/home/alex');
  });

  it('keeps flagged entries within the model’s bounds, process names included', () => {
    const processes = [
      ...Array.from({ length: 600 }, (_, i) => ({ command: 'sh', cwd: `/home/alex/p${i}` })),
      ...Array.from({ length: 40 }, (_, i) => ({ command: `w${i}`, cwd: '/mnt/c/zz' })),
    ];
    const subject = FilesSubject.parse(distroSubject({ distro: ubuntu, detail, directories: { home: null, processes }, cost: null }));
    expect(subject.entries).toHaveLength(MAX_ENTRIES);
    expect(subject.entries[0]).toMatchObject({ path: '/mnt/c/zz', crossesBoundary: true });
    expect(subject.entries[0]?.processes).toHaveLength(32);
    expect(subject.homePath).toBe('/home/alex');
  });

  it('shows a stopped distro with no entries and its home from the default user', () => {
    const subject = distroSubject({ distro: { ...ubuntu, state: 'Stopped' }, detail: { ...detail, defaultUser: 'root', mounts: [] }, directories: null, cost: null });
    expect(subject).toMatchObject({ running: false, entries: [], advice: [], homePath: '/root' });
    expect(homeOfUser('bad user')).toBeNull();
    expect(homeOfUser(null)).toBeNull();
  });
});
