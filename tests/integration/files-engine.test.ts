import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../electron/hosts/common/compose-services';
import type { InvokeDispatcher } from '../../electron/hosts/common/invoke-dispatcher';
import { FilesReport, type FilesSubject } from '../../shared/model/files';
import { composeTestServices } from '../helpers/compose-test-services';
import { docker, TEST_IMAGE, testDockerHost } from '../helpers/docker-engine';
import { makeTempDir } from '../helpers/temp-dir';

const run = Math.random().toString(36).slice(2, 8);
const label = `lightdock.test.run=${run}`;
const container = `ld-files-${run}`;
const volume = `ld-files-${run}-data`;
const WINDOWS_BIND = '/mnt/c/lightdock-files-test';
const DESKTOP_BIND = '/run/desktop/mnt/host/c/Users/lightdock/web app';

let temp: ReturnType<typeof makeTempDir>;
let services: Services;
let dispatch: InvokeDispatcher;

beforeAll(async () => {
  temp = makeTempDir();
  // Created, never started: the engine reports the mounts of a created container, and nothing under /mnt/c has to exist.
  await docker('create', '--label', label, '--name', container, '-v', `${WINDOWS_BIND}:/app`, '-v', `${DESKTOP_BIND}:/web:ro`, '-v', `${volume}:/data`, '--mount', 'type=tmpfs,destination=/scratch', '-w', '/app/src', TEST_IMAGE, 'true');
  ({ services, dispatch } = composeTestServices(temp.dir, { DOCKER_HOST: testDockerHost(), LIGHTDOCK_ENGINE: 'docker' }));
}, 60_000);

afterAll(async () => {
  services?.dispose();
  const leftovers = (await docker('ps', '-aq', '--filter', `label=${label}`)).split('\n').filter((s) => s !== '');
  if (leftovers.length > 0) await docker('rm', '-f', '-v', ...leftovers);
  await docker('volume', 'rm', '-f', volume);
  temp?.cleanup();
}, 60_000);

function ours(report: FilesReport): FilesSubject {
  const found = report.subjects.find((s) => s.kind === 'container' && s.name === container);
  expect(found, `${container} is in the report`).toBeDefined();
  return found as FilesSubject;
}

describe('the Files view against a real engine', () => {
  it('flags the /mnt/c and Docker Desktop binds on drive C with advice, and not the volume or the tmpfs', async () => {
    const result = await dispatch('files:report', {}, { id: 'test' });
    expect(result.ok, JSON.stringify(result)).toBe(true);
    const subject = ours(FilesReport.parse(result.ok ? result.value : null));
    expect(subject).toMatchObject({ kind: 'container', running: false, homePath: null });

    const app = subject.entries.find((e) => e.path === '/app');
    expect(app).toEqual({ kind: 'bind-mount', path: '/app', source: WINDOWS_BIND, location: 'windows-drive', drive: 'C', crossesBoundary: true, processes: [] });
    const web = subject.entries.find((e) => e.path === '/web');
    expect(web).toMatchObject({ kind: 'bind-mount', source: DESKTOP_BIND, location: 'windows-drive', drive: 'C', crossesBoundary: true });
    expect(subject.entries.find((e) => e.path === '/data')).toEqual({ kind: 'volume', path: '/data', source: volume, location: 'volume', drive: null, crossesBoundary: false, processes: [] });
    expect(subject.entries.find((e) => e.path === '/scratch')).toMatchObject({ kind: 'tmpfs', location: 'tmpfs', crossesBoundary: false });
    expect(subject.entries.find((e) => e.kind === 'working-directory')).toMatchObject({ path: '/app/src', location: 'windows-drive', drive: 'C', crossesBoundary: true });

    const advice = new Map(subject.advice.map((a) => [a.path, a]));
    expect([...advice.keys()].sort()).toEqual(['/app', '/app/src', '/web']);
    expect(advice.get('/app')?.commands).toEqual([
      'mkdir -p ~/src',
      'cp -a /mnt/c/lightdock-files-test ~/src/lightdock-files-test',
      `docker stop ${container}`,
      `docker run -v ~/src/lightdock-files-test:/app … ${TEST_IMAGE}`,
    ]);
    expect(advice.get('/web')?.commands).toContain("cp -a '/mnt/c/Users/lightdock/web app' ~/'src/web app'");
    expect(advice.get('/web')?.commands.at(-1)).toBe(`docker run -v ~/'src/web app:/web:ro' … ${TEST_IMAGE}`);
    expect(subject.advice.every((a) => a.path !== '/data')).toBe(true);
  });

  it('answers for the one container asked for, by name', async () => {
    const report = await services.files.report({ container });
    expect(report.subjects.map((s) => s.name)).toEqual([container]);
    expect(report.subjects[0]?.entries.filter((e) => e.crossesBoundary).map((e) => e.path).sort()).toEqual(['/app', '/app/src', '/web']);
  });
});
