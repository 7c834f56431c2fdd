import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BoundaryCost, FilesReport } from '../../../../shared/model/files';
import { runCli } from '../../../../electron/hosts/cli/cli-program';
import { formatFilesReport, formatSubject } from '../../../../electron/hosts/cli/format-files';
import { composeTestServices } from '../../../helpers/compose-test-services';
import { makeTempDir } from '../../../helpers/temp-dir';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.cleanup());

/** Runs `lightdock <argv>` in this process over the composed simulated host and engine (state kept in the temp dir between runs). */
async function lightdock(...argv: string[]): Promise<{ code: number; out: string; err: string; asked: [unknown, unknown][] }> {
  const out: string[] = [];
  const err: string[] = [];
  const asked: [unknown, unknown][] = [];
  const open = () => {
    const { services, dispatch } = composeTestServices(temp.dir, { LIGHTDOCK_ENGINE: 'simulated' });
    return {
      dispatch: (channel: unknown, request: unknown, client: { id: string }) => {
        asked.push([channel, request]);
        return dispatch(channel, request, client);
      },
      close: () => services.dispose(),
    };
  };
  const code = await runCli(argv, open, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n'), asked };
}

describe('lightdock files', () => {
  it('prints each subject with the crossing entries marked, the advice commands, and the legend', async () => {
    await lightdock('distros', 'start', 'Ubuntu-24.04');
    const { code, out, asked } = await lightdock('files');
    expect(code).toBe(0);
    expect(asked).toEqual([['files:report', { distro: undefined, container: undefined }]]);
    const lines = out.split('\n');
    expect(lines[0]).toBe('Files: where each distro and container works (simulated host)');
    expect(lines[1]).toMatch(/^! = on a Windows drive, across the 9p boundary/);
    expect(lines).toContain('Ubuntu-24.04 (distro, running, home /home/dev)');
    expect(out).toMatch(/^ {2}! \/mnt\/c\/Users\/dev\/source\/shop +drive C: \(across the boundary\) +node, npm$/m);
    expect(out).toMatch(/^ {4}\/home\/dev +Linux filesystem +bash$/m);
    expect(lines).toContain('    $ cp -a /mnt/c/Users/dev/source/shop /home/dev/src/shop');
    expect(lines).toContain('Debian (distro, stopped, home /home/dev)');
    expect(lines).toContain('  Not running: no processes work anywhere.');
    expect(out).toMatch(/^ {2}! \/app +drive C: \(across the boundary\) +bind-mount from \/run\/desktop\/mnt\/host\/c\/Users\/dev\/source\/shop\/api$/m);
    expect(out).toMatch(/^ {4}\/var\/lib\/postgresql\/data +volume +volume from shop_db-data$/m);
  });

  it('prints the FilesReport as JSON, filtered to one distro or container', async () => {
    await lightdock('distros', 'start', 'Ubuntu-24.04');
    const distro = FilesReport.parse(JSON.parse((await lightdock('files', '--json', '--distro', 'Ubuntu-24.04')).out));
    expect(distro.subjects.map((s) => s.name)).toEqual(['Ubuntu-24.04']);
    const { out, asked } = await lightdock('files', '--json', '--container', 'shop-db-1');
    expect(asked).toEqual([['files:report', { distro: undefined, container: 'shop-db-1' }]]);
    const container = FilesReport.parse(JSON.parse(out));
    expect(container.subjects).toEqual([expect.objectContaining({ name: 'shop-db-1', advice: [] })]);
    expect(container.subjects[0]?.entries).toEqual([expect.objectContaining({ kind: 'volume', crossesBoundary: false })]);
  });

  it('measures with --measure (modelled here) and shows the cost in the report after', async () => {
    await lightdock('distros', 'start', 'Ubuntu-24.04');
    const measured = await lightdock('files', '--measure', 'Ubuntu-24.04', '--json');
    expect(measured.asked).toEqual([['files:measure', { name: 'Ubuntu-24.04' }]]);
    expect(BoundaryCost.parse(JSON.parse(measured.out))).toMatchObject({ measured: false, slowdown: 20 });
    const text = await lightdock('files', '--measure', 'Ubuntu-24.04');
    expect(text.out).toMatch(/^Windows drive read 257 MB\/s, write 45\.0 MB\/s; Ubuntu-24\.04's own disk read 1800 MB\/s, write 900 MB\/s: 20x slower across the boundary \(modelled\)\. Modelled, not timed/);
  });

  it('fails with one sentence for an unknown distro, a stopped one to measure, and --measure with a filter', async () => {
    const unknown = await lightdock('files', '--distro', 'Nope');
    expect(unknown).toMatchObject({ code: 1, out: '' });
    expect(unknown.err).toBe('lightdock: There is no WSL distro named Nope.');
    const stopped = await lightdock('files', '--measure', 'Debian', '--json');
    expect(stopped.code).toBe(1);
    expect(JSON.parse(stopped.out)).toMatchObject({ error: { code: 'CONFLICT' } });
    const mixed = await lightdock('files', '--measure', 'Debian', '--distro', 'Debian');
    expect(mixed).toMatchObject({ code: 1, asked: [] });
    expect(mixed.err).toMatch(/cannot be combined/);
  });
});

describe('formatFilesReport', () => {
  it('says when there is nothing, and shows hostile text without control characters', () => {
    expect(formatFilesReport({ at: 0, simulated: false, subjects: [] })).toBe('No distros or containers to show.');
    const text = formatSubject({
      kind: 'container',
      id: 'x',
      name: 'evil\u001b]0;pwned\u0007',
      running: true,
      homePath: null,
      entries: [{ kind: 'bind-mount', path: '/app\u001b[2J', source: 'C:\\x', location: 'windows-drive', drive: 'C', crossesBoundary: true, processes: [] }],
      advice: [],
      cost: null,
    });
    expect([...text].filter((ch) => ch !== '\n' && (ch.codePointAt(0) ?? 0) < 0x20)).toEqual([]);
    expect(text).toMatch(/^evil\?\]0;pwned\? \(container, running\)$/m);
  });
});
