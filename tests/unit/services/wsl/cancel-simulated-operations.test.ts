import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SimulatedWslBackend } from '../../../../electron/services/wsl/simulated/simulated-wsl-backend';
import { Operations } from '../../../../electron/services/wsl/operations';
import type { ProgressReporter } from '../../../../electron/services/wsl/wsl-backend';
import { ManualClock, RecordingEventSink, RecordingLogger } from '../../../helpers/recording';
import { rejection } from '../../../helpers/service-error';
import { makeTempDir } from '../../../helpers/temp-dir';

let temp: ReturnType<typeof makeTempDir>;
let backend: SimulatedWslBackend;
/** Steps wait here until the test lets them go, so a cancel lands between two known steps. */
let waiting: (() => void)[];

beforeEach(async () => {
  temp = makeTempDir();
  waiting = [];
  backend = new SimulatedWslBackend(temp.dir, 'ready', new ManualClock(), new RecordingLogger(), {
    sleep: () => new Promise<void>((resolve) => waiting.push(resolve)),
  });
  await backend.listDistros();
});
afterEach(() => {
  waiting.splice(0).forEach((release) => release());
  temp.cleanup();
});

/** The whole simulated host as a later read sees it: every distro's record, the default, and the VM. */
function snapshot(): unknown {
  const state = JSON.parse(fs.readFileSync(path.join(temp.dir, 'simulated-host.json'), 'utf8')) as { distros: unknown; defaultId: unknown; vm: unknown };
  return { distros: state.distros, defaultId: state.defaultId, vm: state.vm };
}

/** Lets the first step pass, cancels during the second, and returns the error and the progress seen. */
async function cancelHalfway(start: (progress: ProgressReporter, signal: AbortSignal) => Promise<unknown>): Promise<Awaited<ReturnType<typeof rejection>>> {
  const controller = new AbortController();
  const reports: string[] = [];
  const running = start((_p, message) => reports.push(message), controller.signal);
  await waitForTurns(() => waiting.length === 1);
  waiting.shift()?.();
  await waitForTurns(() => waiting.length === 1);
  expect(reports.length).toBe(2);
  controller.abort();
  return rejection(running);
}

async function waitForTurns(ready: () => boolean): Promise<void> {
  for (let turn = 0; turn < 1000 && !ready(); turn += 1) await new Promise((resolve) => setImmediate(resolve));
  expect(ready()).toBe(true);
}

describe('cancelling a long operation on the simulated backend', () => {
  it('export: stops between steps, deletes the partial file, and restores the state', async () => {
    const before = snapshot();
    const file = path.join(temp.dir, 'debian.tar');
    const error = await cancelHalfway((progress, signal) => backend.exportDistro('Debian', file, 'tar', progress, signal));
    expect(error).toMatchObject({ code: 'CANCELLED', message: 'Cancelled the export of Debian; the partial file was deleted, so nothing was changed.' });
    expect(fs.existsSync(file)).toBe(false);
    expect(snapshot()).toEqual(before);
  });

  it('import: removes the half-imported distro', async () => {
    const tar = path.join(temp.dir, 'debian.tar');
    const instant = new SimulatedWslBackend(temp.dir, 'ready', new ManualClock(), new RecordingLogger(), { sleep: async () => undefined });
    await instant.exportDistro('Debian', tar, 'tar', () => undefined, new AbortController().signal);
    const before = snapshot();
    const error = await cancelHalfway((progress, signal) => backend.importDistro('Debian-copy', 'C:\\wsl\\copy', tar, 'tar', 2, progress, signal));
    expect(error).toMatchObject({ code: 'CANCELLED', message: 'Cancelled the import of Debian-copy; nothing was changed.' });
    expect(snapshot()).toEqual(before);
  });

  it('install: removes the half-installed distro', async () => {
    const before = snapshot();
    const error = await cancelHalfway((progress, signal) => backend.installDistro('kali-linux', progress, signal));
    expect(error).toMatchObject({ code: 'CANCELLED', message: 'Cancelled the install of kali-linux; nothing was changed.' });
    expect(snapshot()).toEqual(before);
  });

  it('unregister: the distro stays registered as it was', async () => {
    const before = snapshot();
    const error = await cancelHalfway((progress, signal) => backend.unregisterDistro('Debian', progress, signal));
    expect(error).toMatchObject({ code: 'CANCELLED', message: 'Cancelled the unregister of Debian; it is still registered with its disk, so nothing was changed.' });
    expect(snapshot()).toEqual(before);
  });

  it('compact: the disk stays as it was', async () => {
    const before = snapshot();
    const error = await cancelHalfway((progress, signal) => backend.compactDisk('Debian', progress, signal));
    expect(error).toMatchObject({ code: 'CANCELLED', message: 'Cancelled the compact of Debian; its disk is as it was, so nothing was changed.' });
    expect(snapshot()).toEqual(before);
  });

  it('set-version: the distro keeps its version', async () => {
    const before = snapshot();
    const error = await cancelHalfway((progress, signal) => backend.setVersion('Debian', 1, progress, signal));
    expect(error).toMatchObject({ code: 'CANCELLED', message: 'Cancelled the conversion of Debian to WSL1; it is still a WSL2 distro, so nothing was changed.' });
    expect(snapshot()).toEqual(before);
  });

  it('through Operations: cancel(id) ends the operation as cancelled with the backend sentence, and pushes it', async () => {
    const events = new RecordingEventSink();
    const operations = new Operations(events);
    const running = operations.run({ kind: 'export', target: 'Debian', startMessage: 'Exporting Debian', doneMessage: () => 'Exported' }, (progress, signal) =>
      backend.exportDistro('Debian', path.join(temp.dir, 'x.tar'), 'tar', progress, signal),
    );
    await waitForTurns(() => waiting.length === 1);
    const id = operations.runningOn('Debian')?.id ?? '';
    expect(operations.cancel(id)).toBe(true);
    const error = await rejection(running);
    expect(error.code).toBe('CANCELLED');
    const last = events.events.at(-1) as { channel: string; payload: { state: string; message: string } };
    expect(last.payload).toMatchObject({ state: 'cancelled', message: 'Cancelled the export of Debian; the partial file was deleted, so nothing was changed.' });
    expect(operations.cancel(id)).toBe(false);
  });
});
