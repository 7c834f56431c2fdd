import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Services } from '../../../../electron/hosts/common/compose-services';
import { FilesReport, type FilesSubject } from '../../../../shared/model/files';
import { composeTestServices } from '../../../helpers/compose-test-services';
import type { RecordingLogger } from '../../../helpers/recording';
import { rejection } from '../../../helpers/service-error';
import { makeTempDir } from '../../../helpers/temp-dir';

let temp: ReturnType<typeof makeTempDir>;
let services: Services;

let logger: RecordingLogger;

function open(scenario = 'ready', env: NodeJS.ProcessEnv = {}): Services {
  ({ services, logger } = composeTestServices(temp.dir, { LIGHTDOCK_SCENARIO: scenario, ...env }));
  return services;
}

const subject = (report: FilesReport, name: string): FilesSubject => {
  const found = report.subjects.find((s) => s.name === name);
  expect(found, `${name} is in the report`).toBeDefined();
  return found as FilesSubject;
};

beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => {
  services.dispose();
  temp.cleanup();
});

describe('FilesService on the simulated host', () => {
  it('flags the default Ubuntu’s dev server on /mnt/c with advice, and keeps its home in Linux', async () => {
    const { wsl, files } = open();
    await wsl.start('Ubuntu-24.04');
    const report = FilesReport.parse(await files.report({}));
    expect(report.simulated).toBe(true);
    const ubuntu = subject(report, 'Ubuntu-24.04');
    expect(ubuntu).toMatchObject({ kind: 'distro', running: true, homePath: '/home/dev', cost: null });
    const flagged = ubuntu.entries.filter((e) => e.crossesBoundary);
    expect(flagged).toEqual([
      { kind: 'working-directory', path: '/mnt/c/Users/dev/source/shop', source: null, location: 'windows-drive', drive: 'C', crossesBoundary: true, processes: ['node', 'npm'] },
    ]);
    expect(ubuntu.entries.find((e) => e.path === '/home/dev')).toMatchObject({ location: 'linux', crossesBoundary: false, processes: ['bash'] });
    expect(ubuntu.advice).toEqual([
      expect.objectContaining({
        path: '/mnt/c/Users/dev/source/shop',
        target: '/home/dev/src/shop',
        commands: ['mkdir -p /home/dev/src', 'cp -a /mnt/c/Users/dev/source/shop /home/dev/src/shop', 'cd /home/dev/src/shop'],
      }),
    ]);
    expect(subject(report, 'Debian')).toMatchObject({ running: false, entries: [], advice: [], homePath: '/home/dev' });
  });

  it('flags the Windows-drive bind of a container and never a volume, with the distro home', async () => {
    const { wsl, files } = open();
    await wsl.start('Ubuntu-24.04');
    const report = await files.report({});
    const api = subject(report, 'shop-api-1');
    expect(api.entries).toEqual([
      { kind: 'bind-mount', path: '/app', source: '/run/desktop/mnt/host/c/Users/dev/source/shop/api', location: 'windows-drive', drive: 'C', crossesBoundary: true, processes: [] },
    ]);
    expect(api.homePath).toBe('/home/dev');
    expect(api.advice[0]?.commands).toContain('cp -a /mnt/c/Users/dev/source/shop/api /home/dev/src/api');
    const db = subject(report, 'shop-db-1');
    expect(db.entries).toEqual([expect.objectContaining({ kind: 'volume', location: 'volume', crossesBoundary: false, source: 'shop_db-data' })]);
    expect(db.advice).toEqual([]);
    expect(subject(report, 'shop-web-1').entries[0]).toMatchObject({ kind: 'bind-mount', location: 'linux', crossesBoundary: false });
  });

  it('measures only when asked, then attaches the modelled cost to the distro and its flagged containers', async () => {
    const { wsl, files } = open();
    await wsl.start('Ubuntu-24.04');
    expect(subject(await files.report({}), 'Ubuntu-24.04').cost).toBeNull();
    const cost = await files.measure('ubuntu-24.04');
    expect(cost).toMatchObject({ distro: 'Ubuntu-24.04', measured: false, slowdown: 20 });
    expect(cost.method).toMatch(/^Modelled, not timed/);
    expect(cost.windowsDrive.writeMBps).toBeLessThan(cost.linux.writeMBps);
    const report = await files.report({});
    expect(subject(report, 'Ubuntu-24.04').cost).toEqual(cost);
    expect(subject(report, 'shop-api-1').cost).toEqual(cost);
    expect(subject(report, 'shop-db-1').cost).toBeNull();
  });

  it('forgets the cost of a distro once it is unregistered, so a new one of that name starts without', async () => {
    const { wsl, files } = open();
    await wsl.start('Debian');
    await files.measure('Debian');
    expect(subject(await files.report({ distro: 'Debian' }), 'Debian').cost).not.toBeNull();
    const archive = `${temp.dir}/debian.tar`;
    await wsl.terminate('Debian');
    await wsl.exportDistro('Debian', archive, 'tar');
    await wsl.unregister('Debian', 'Debian');
    expect((await files.report({})).subjects.some((s) => s.name === 'Debian')).toBe(false);
    await wsl.importDistro({ name: 'Debian', installDir: `${temp.dir}/debian`, filePath: archive, format: 'tar' });
    expect(subject(await files.report({}), 'Debian').cost).toBeNull();
  });

  it('filters to one distro or one container, and refuses unknown ones', async () => {
    const { wsl, files } = open();
    await wsl.start('Ubuntu-24.04');
    const distroOnly = await files.report({ distro: 'UBUNTU-24.04' });
    expect(distroOnly.subjects.map((s) => s.name)).toEqual(['Ubuntu-24.04']);
    const containerOnly = await files.report({ container: 'shop-api-1' });
    expect(containerOnly.subjects.map((s) => s.name)).toEqual(['shop-api-1']);
    expect(containerOnly.subjects[0]?.homePath).toBe('/home/dev');
    expect((await rejection(files.report({ distro: 'Nope' }))).code).toBe('NOT_FOUND');
    expect((await rejection(files.report({ container: 'nope' }))).code).toBe('NOT_FOUND');
  });

  it('refuses to measure a stopped distro', async () => {
    const { files } = open();
    expect((await rejection(files.measure('Debian'))).code).toBe('CONFLICT');
  });

  it('says a WSL1 distro is on NTFS throughout and how to convert it', async () => {
    const { wsl, files } = open('mixed');
    await wsl.start('Ubuntu-18.04');
    const wsl1 = subject(await files.report({ distro: 'Ubuntu-18.04' }), 'Ubuntu-18.04');
    expect(wsl1.entries.find((e) => e.path === '/mnt/c/Users/dev')).toMatchObject({ location: 'windows-drive', drive: 'C', crossesBoundary: true });
    expect(wsl1.advice).toEqual([expect.objectContaining({ commands: ['wsl.exe --set-version Ubuntu-18.04 2'] })]);
    expect(wsl1.advice[0]?.text).toMatch(/all on NTFS/);
    const cost = await files.measure('Ubuntu-18.04');
    expect(cost.slowdown).toBeLessThan(2);
    expect(cost.measured).toBe(false);
  });

  it('still shows the distros when no engine answers, and says why in the log', async () => {
    const { wsl, files } = open('ready', { DOCKER_HOST: `unix://${temp.dir}/no-engine.sock`, LIGHTDOCK_ENGINE: 'docker' });
    await wsl.start('Ubuntu-24.04');
    const report = await files.report({});
    expect(report.subjects.map((s) => s.kind)).toEqual(['distro', 'distro', 'distro']);
    expect(logger.lines.some((l) => l.level === 'warn' && l.message.startsWith('Files: the containers could not be listed'))).toBe(true);
    expect((await rejection(files.report({ container: 'shop-api-1' }))).code).not.toBe('INTERNAL');
  });
});
