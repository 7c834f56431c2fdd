import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WslCliBackend } from '../../../../electron/services/wsl/cli/wsl-cli-backend';
import { SimulatedWslBackend } from '../../../../electron/services/wsl/simulated/simulated-wsl-backend';
import type { Distro } from '../../../../shared/model/distro';
import { isProcessAlive, waitUntil } from '../../../helpers/process-alive';
import { ManualClock, RecordingLogger } from '../../../helpers/recording';
import { rejection } from '../../../helpers/service-error';
import { makeTempDir } from '../../../helpers/temp-dir';

const FAKE_WSL = path.resolve(import.meta.dirname, '../../../helpers/fake-wsl/wsl.mjs');
const FAKE_REG = path.resolve(import.meta.dirname, '../../../helpers/fake-reg/reg.mjs');
const noProgress = (): void => undefined;

let temp: ReturnType<typeof makeTempDir>;
let pidFile: string;
let simulated: SimulatedWslBackend;

beforeEach(async () => {
  temp = makeTempDir();
  pidFile = path.join(temp.dir, 'fake-wsl-pids');
  simulated = new SimulatedWslBackend(temp.dir, 'ready', new ManualClock(), new RecordingLogger(), { sleep: async () => undefined });
  await simulated.listDistros();
});
afterEach(() => temp.cleanup());

/** The cli backend over the fake wsl.exe, whose long operations take a minute unless cancelled. */
function slowBackend(): WslCliBackend {
  const env = {
    PATH: process.env['PATH'],
    LIGHTDOCK_WSL_EXE: FAKE_WSL,
    LIGHTDOCK_REG_EXE: FAKE_REG,
    LIGHTDOCK_WSLCONFIG: path.join(temp.dir, 'profile', '.wslconfig'),
    LIGHTDOCK_DATA_DIR: temp.dir,
    FAKE_WSL_SLOW_MS: '60000',
    FAKE_WSL_PIDFILE: pidFile,
  };
  return new WslCliBackend({ env, platform: 'linux', logger: new RecordingLogger(), hostMemoryBytes: 32 * 1024 ** 3, hostProcessors: 16 });
}

/** The pids of wsl.exe and its worker once the slow call has put its partial result in place. */
async function halfway(): Promise<number[]> {
  await waitUntil(() => fs.existsSync(pidFile) && fs.readFileSync(pidFile, 'utf8').endsWith('\n'), 15_000, 'the slow wsl.exe call');
  return fs.readFileSync(pidFile, 'utf8').trim().split(/\s+/).map(Number);
}

/** Cancels the call half-way and returns its error and the processes it had. */
async function cancelHalfway(start: (signal: AbortSignal) => Promise<unknown>, during: () => Promise<void> = async () => undefined): Promise<{ error: Awaited<ReturnType<typeof rejection>>; pids: number[] }> {
  const controller = new AbortController();
  const running = start(controller.signal);
  const pids = await halfway();
  expect(pids.every(isProcessAlive)).toBe(true);
  await during();
  controller.abort();
  const error = await rejection(running);
  return { error, pids };
}

function rows(distros: Distro[]): string[] {
  return distros.map((d) => `${d.name} ${d.state} ${d.version}${d.isDefault ? ' default' : ''}`);
}

describe('cancelling a long operation on the cli backend (fake wsl.exe, slow)', () => {
  it('export: the wsl.exe tree is killed and the partial file deleted', async () => {
    const cli = slowBackend();
    const before = rows(await cli.listDistros());
    const file = path.join(temp.dir, 'debian.tar');
    const { error, pids } = await cancelHalfway((signal) => cli.exportDistro('Debian', file, 'tar', noProgress, signal), async () => {
      expect(fs.existsSync(file)).toBe(true);
    });
    expect(error.code).toBe('CANCELLED');
    expect(error.message).toBe('Cancelled the export of Debian; the partial file was deleted, so nothing was changed.');
    expect(fs.existsSync(file)).toBe(false);
    expect(pids.some(isProcessAlive)).toBe(false);
    expect(rows(await cli.listDistros())).toEqual(before);
  });

  it('import: the half-imported distro is unregistered and the folder it made removed', async () => {
    const cli = slowBackend();
    const tar = path.join(temp.dir, 'debian.tar');
    await simulated.exportDistro('Debian', tar, 'tar', noProgress, new AbortController().signal);
    const before = rows(await cli.listDistros());
    const dir = path.join(temp.dir, 'imports', 'copy');
    const { error, pids } = await cancelHalfway((signal) => cli.importDistro('Debian-copy', dir, tar, 'tar', 2, noProgress, signal), async () => {
      expect(rows(await cli.listDistros())).toContain('Debian-copy Installing 2');
      expect(fs.existsSync(dir)).toBe(true);
    });
    expect(error).toMatchObject({ code: 'CANCELLED', message: 'Cancelled the import of Debian-copy; nothing was changed.' });
    expect(pids.some(isProcessAlive)).toBe(false);
    expect(rows(await cli.listDistros())).toEqual(before);
    expect(fs.existsSync(dir)).toBe(false);
    expect(fs.existsSync(tar)).toBe(true);
  });

  it('install: the half-installed distro is unregistered', async () => {
    const cli = slowBackend();
    const before = rows(await cli.listDistros());
    const { error, pids } = await cancelHalfway((signal) => cli.installDistro('kali-linux', noProgress, signal), async () => {
      expect(rows(await cli.listDistros())).toContain('kali-linux Installing 2');
    });
    expect(error).toMatchObject({ code: 'CANCELLED', message: 'Cancelled the install of kali-linux; nothing was changed.' });
    expect(pids.some(isProcessAlive)).toBe(false);
    expect(rows(await cli.listDistros())).toEqual(before);
  });

  it('unregister: cancelled before WSL deleted anything, the distro is still registered with its disk', async () => {
    const cli = slowBackend();
    const before = rows(await cli.listDistros());
    const disk = (await cli.showDistro('Debian')).disk?.path ?? '';
    const { error, pids } = await cancelHalfway((signal) => cli.unregisterDistro('Debian', noProgress, signal));
    expect(error).toMatchObject({ code: 'CANCELLED', message: 'Cancelled the unregister of Debian; it is still registered with its disk, so nothing was changed.' });
    expect(pids.some(isProcessAlive)).toBe(false);
    expect(rows(await cli.listDistros())).toEqual(before);
    expect(fs.existsSync(disk)).toBe(true);
  });

  it('set-version: cancelled before WSL converted, the distro keeps its version', async () => {
    const cli = slowBackend();
    const before = rows(await cli.listDistros());
    const { error, pids } = await cancelHalfway((signal) => cli.setVersion('Debian', 1, noProgress, signal));
    expect(error).toMatchObject({ code: 'CANCELLED', message: 'Cancelled the conversion of Debian to WSL1; it is still a WSL2 distro, so nothing was changed.' });
    expect(pids.some(isProcessAlive)).toBe(false);
    expect(rows(await cli.listDistros())).toEqual(before);
  });

  it('compact: wsl.exe has no compact command, so nothing long runs; a cancel before it starts changes nothing', async () => {
    const cli = slowBackend();
    const controller = new AbortController();
    controller.abort();
    const error = await rejection(cli.compactDisk('Debian', noProgress, controller.signal));
    expect(error).toMatchObject({ code: 'CANCELLED', message: 'Cancelled the compact of Debian; nothing was changed.' });
    expect(fs.existsSync(pidFile)).toBe(false);
  });

  it('a call whose signal aborted before it started runs no wsl.exe for it', async () => {
    const cli = slowBackend();
    const controller = new AbortController();
    controller.abort();
    const file = path.join(temp.dir, 'never.tar');
    const error = await rejection(cli.exportDistro('Debian', file, 'tar', noProgress, controller.signal));
    expect(error.code).toBe('CANCELLED');
    expect(fs.existsSync(pidFile)).toBe(false);
    expect(fs.existsSync(file)).toBe(false);
  });
});
