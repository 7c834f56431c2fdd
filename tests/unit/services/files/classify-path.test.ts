import { describe, expect, it } from 'vitest';
import type { DistroMount } from '../../../../shared/model/distro';
import { classifyBindSource, classifyDistroPath, isWithin, windowsBindDrive } from '../../../../electron/services/files/classify-path';

const WSL2_MOUNTS: DistroMount[] = [
  { target: '/', source: '/dev/sdc', fsType: 'ext4', options: 'rw,relatime' },
  { target: '/mnt/wslg', source: 'none', fsType: 'tmpfs', options: 'rw' },
  { target: '/usr/lib/wsl/drivers', source: 'drivers', fsType: '9p', options: 'ro,aname=drivers' },
  { target: '/mnt/c', source: 'C:\\134', fsType: '9p', options: 'rw,aname=drvfs;path=C:\\134;uid=1000' },
  { target: '/mnt/d', source: 'D:\\', fsType: '9p', options: 'rw,aname=drvfs;path=D:\\;uid=1000' },
  { target: '/win/e', source: 'E:', fsType: 'drvfs', options: 'rw' },
];

describe('classifyDistroPath', () => {
  it('puts a path under a 9p drive mount on that Windows drive, across the boundary', () => {
    expect(classifyDistroPath('/mnt/c/Users/alex/web', WSL2_MOUNTS)).toEqual({ location: 'windows-drive', drive: 'C', crossesBoundary: true });
    expect(classifyDistroPath('/mnt/d', WSL2_MOUNTS)).toEqual({ location: 'windows-drive', drive: 'D', crossesBoundary: true });
    expect(classifyDistroPath('/win/e/projects', WSL2_MOUNTS)).toEqual({ location: 'windows-drive', drive: 'E', crossesBoundary: true });
  });

  it('keeps the ext4 root, a 9p mount that is no drive and a look-alike directory in Linux', () => {
    expect(classifyDistroPath('/home/alex/web', WSL2_MOUNTS)).toEqual({ location: 'linux', drive: null, crossesBoundary: false });
    expect(classifyDistroPath('/usr/lib/wsl/drivers/x', WSL2_MOUNTS).location).toBe('linux');
    expect(classifyDistroPath('/mnt/cdrom', WSL2_MOUNTS).location).toBe('linux');
    expect(classifyDistroPath('/mnt/z/anything', WSL2_MOUNTS).location).toBe('linux');
  });

  it('calls a tmpfs mount tmpfs', () => {
    expect(classifyDistroPath('/mnt/wslg/runtime', WSL2_MOUNTS)).toEqual({ location: 'tmpfs', drive: null, crossesBoundary: false });
  });

  it('falls back on the /mnt/<letter> layout only when no mounts are known', () => {
    expect(classifyDistroPath('/mnt/c/src', [])).toEqual({ location: 'windows-drive', drive: 'C', crossesBoundary: true });
    expect(classifyDistroPath('/mnt/cdrom', [])).toEqual({ location: 'linux', drive: null, crossesBoundary: false });
  });
});

describe('classifyBindSource', () => {
  it.each([
    ['/mnt/c/Users/alex/web', 'C', '/Users/alex/web'],
    ['/run/desktop/mnt/host/d/src/api', 'D', '/src/api'],
    ['/mnt/host/c/Users/alex', 'C', '/Users/alex'],
    ['/host_mnt/c/work', 'C', '/work'],
    ['C:\\Users\\alex\\web', 'C', '/Users/alex/web'],
    ['e:/data//set', 'E', '/data/set'],
    ['/mnt/c', 'C', '/'],
  ])('%s is on drive %s at %s', (source, letter, rest) => {
    expect(classifyBindSource(source)).toEqual({ location: 'windows-drive', drive: letter, crossesBoundary: true });
    expect(windowsBindDrive(source)).toEqual({ letter, rest });
  });

  it.each(['/home/alex/web', '/mnt/data/web', '/var/run/docker.sock', '/run/desktop/mnt/host/wsl/x', 'relative/c', '/mntc/x'])('%s is Linux', (source) => {
    expect(classifyBindSource(source)).toEqual({ location: 'linux', drive: null, crossesBoundary: false });
    expect(windowsBindDrive(source)).toBeNull();
  });
});

describe('isWithin', () => {
  it('matches whole path segments only', () => {
    expect(isWithin('/app/src', '/app')).toBe(true);
    expect(isWithin('/app', '/app/')).toBe(true);
    expect(isWithin('/application', '/app')).toBe(false);
    expect(isWithin('/anything', '/')).toBe(true);
  });
});
