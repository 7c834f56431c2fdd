import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HostStatus } from '../../../../shared/model/host';
import { WslCliBackend, type PollTimer } from '../../../../electron/services/wsl/cli/wsl-cli-backend';
import { SIMULATED_HOST_FILE, SimulatedWslBackend } from '../../../../electron/services/wsl/simulated/simulated-wsl-backend';
import { WslService } from '../../../../electron/services/wsl/wsl-service';
import { ManualClock, RecordingEventSink, RecordingLogger } from '../../../helpers/recording';
import { makeTempDir } from '../../../helpers/temp-dir';
import { rejection } from '../../../helpers/service-error';

/**
 * Counts the wsl.exe calls each user action makes, through the fake wsl.exe's call log (FAKE_WSL_LOG), with the
 * services fresh (a CLI process: nothing cached) and warm (the app: a list read a moment ago), and what the
 * watch for external changes calls while a window is visible, hidden, or watches the VM.
 */

const FAKE_WSL = path.resolve(import.meta.dirname, '../../../helpers/fake-wsl/wsl.mjs');
const FAKE_REG = path.resolve(import.meta.dirname, '../../../helpers/fake-reg/reg.mjs');
const HOST: HostStatus['host'] = { backend: 'cli', simulated: false, scenario: null, platform: 'linux', appVersion: '0', canPickPaths: false };

type CallKind = 'list' | 'probe' | 'action';

let temp: ReturnType<typeof makeTempDir>;
let callLog: string;
let clock: ManualClock;
let events: RecordingEventSink;
const disposers: (() => void)[] = [];

/** A poll timer the test fires by hand. */
function manualPollTimer(): { schedule: PollTimer; pending: () => number; fire: () => void } {
  const queue: { callback: () => void; cancelled: boolean }[] = [];
  return {
    schedule: (callback) => {
      const entry = { callback, cancelled: false };
      queue.push(entry);
      return () => {
        entry.cancelled = true;
      };
    },
    pending: () => queue.filter((entry) => !entry.cancelled).length,
    fire: () => queue.splice(0).filter((entry) => !entry.cancelled).forEach((entry) => entry.callback()),
  };
}

function service(pollTimer?: PollTimer): WslService {
  const env = {
    PATH: process.env['PATH'],
    LIGHTDOCK_WSL_EXE: FAKE_WSL,
    LIGHTDOCK_REG_EXE: FAKE_REG,
    LIGHTDOCK_WSLCONFIG: path.join(temp.dir, '.wslconfig'),
    LIGHTDOCK_DATA_DIR: temp.dir,
    FAKE_WSL_LOG: callLog,
  };
  const backend = new WslCliBackend({ env, platform: 'linux', logger: new RecordingLogger(), ...(pollTimer ? { pollTimer } : {}) });
  const wsl = new WslService(backend, events, new RecordingLogger(), { clock });
  disposers.push(() => wsl.dispose());
  return wsl;
}

/** The wsl.exe calls logged since the last `take`, by kind. */
function take(): CallKind[] {
  if (!fs.existsSync(callLog)) return [];
  const lines = fs.readFileSync(callLog, 'utf8').split('\n').filter((line) => line !== '');
  fs.rmSync(callLog);
  return lines.map((line) => {
    const { argv } = JSON.parse(line) as { argv: string[] };
    if (argv[0] === '--list' || argv[0] === '-l') return 'list';
    if (argv.includes('--exec') && argv.includes('/bin/sh')) return 'probe';
    return 'action';
  });
}

function pushed(channel: string): unknown[] {
  return events.events.filter((e) => e.channel === channel).map((e) => e.payload);
}

function setState(change: (distros: { name: string; state: string }[]) => void): void {
  const file = path.join(temp.dir, SIMULATED_HOST_FILE);
  const state = JSON.parse(fs.readFileSync(file, 'utf8')) as { distros: { name: string; state: string }[] };
  change(state.distros);
  fs.writeFileSync(file, JSON.stringify(state));
}

beforeEach(async () => {
  temp = makeTempDir();
  callLog = path.join(temp.dir, 'fake-wsl-calls.jsonl');
  clock = new ManualClock();
  events = new RecordingEventSink();
  const seed = new SimulatedWslBackend(temp.dir, 'ready', new ManualClock(), new RecordingLogger(), { sleep: async () => undefined });
  await seed.listDistros();
});

afterEach(() => {
  disposers.splice(0).forEach((dispose) => dispose());
  temp.cleanup();
});

describe('wsl.exe calls per action, from a fresh process (nothing cached)', () => {
  it('start: the action, then one list that gives the row (exact spelling) and each push once', async () => {
    const wsl = service();
    expect(await wsl.start('debian')).toEqual({ name: 'Debian', state: 'Running', version: 2, isDefault: false });
    expect(take()).toEqual(['action', 'list']);
    expect(pushed('distros:changed')).toHaveLength(1);
    expect(pushed('vm:changed')).toEqual([expect.objectContaining({ state: 'Running', runningDistros: 1, live: false })]);
  });

  it.each([
    ['terminate', (wsl: WslService) => wsl.terminate('Debian')],
    ['set-default', (wsl: WslService) => wsl.setDefault('Debian')],
    ['shutdown', (wsl: WslService) => wsl.shutdown()],
    ['set-sparse', (wsl: WslService) => wsl.setSparse('Debian', false)],
  ])('%s: the action and one list', async (_name, act) => {
    const wsl = service();
    await act(wsl);
    expect(take()).toEqual(['action', 'list']);
    expect(pushed('distros:changed').length).toBeLessThanOrEqual(1);
    expect(pushed('vm:changed').length).toBeLessThanOrEqual(1);
  });

  it('restart-vm: one list to pick the distro to boot, then the shutdown and the start; no list after', async () => {
    const wsl = service();
    expect(await wsl.restartVm()).toMatchObject({ state: 'Running', runningDistros: 1, live: false });
    expect(take()).toEqual(['list', 'action', 'action']);
    expect((await wsl.list()).find((d) => d.name === 'Ubuntu-24.04')?.state).toBe('Running');
  });

  it('an unknown distro: wsl.exe says so, the same NOT_FOUND sentence as before, no list and no push', async () => {
    const wsl = service();
    const error = await rejection(wsl.terminate('Fedora'));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toBe('There is no distro named Fedora; run "lightdock distros list" to see them.');
    expect(take()).toEqual(['action']);
    expect(events.events).toEqual([]);
  });

  it('a name outside the grammar: no call at all', async () => {
    const wsl = service();
    expect((await rejection(wsl.start('x;rm -rf /'))).code).toBe('VALIDATION');
    expect(take()).toEqual([]);
  });
});

describe('wsl.exe calls per action, with the services warm (a list read a moment ago)', () => {
  it.each([
    ['start', (wsl: WslService) => wsl.start('Debian')],
    ['terminate', (wsl: WslService) => wsl.start('Debian').then(() => (take(), wsl.terminate('Debian')))],
    ['set-default', (wsl: WslService) => wsl.setDefault('Debian')],
    ['shutdown', (wsl: WslService) => wsl.start('Debian').then(() => (take(), wsl.shutdown()))],
    ['set-sparse', (wsl: WslService) => wsl.setSparse('Debian', false)],
  ])('%s: the action and one list', async (_name, act) => {
    const wsl = service();
    await wsl.list();
    take();
    await act(wsl);
    expect(take()).toEqual(['action', 'list']);
  });

  it('restart-vm: the shutdown and the start only', async () => {
    const wsl = service();
    await wsl.list();
    take();
    await wsl.restartVm();
    expect(take()).toEqual(['action', 'action']);
  });

  it('restart-vm while a VM view watches: the probe comes on top, and the VM returned is live', async () => {
    const wsl = service();
    wsl.watchVm('window');
    await wsl.list();
    take();
    expect(await wsl.restartVm()).toMatchObject({ live: true, runningDistros: 1 });
    expect(take()).toEqual(['action', 'action', 'probe']);
  });

  it('starting a distro the fresh list shows running calls nothing and pushes nothing', async () => {
    const wsl = service();
    await wsl.start('Debian');
    take();
    events.events.length = 0;
    expect((await wsl.start('debian')).state).toBe('Running');
    expect(take()).toEqual([]);
    expect(events.events).toEqual([]);
  });

  it('vm:info probes a running VM for its figures, and with live: false answers from the list alone', async () => {
    const wsl = service();
    await wsl.start('Debian');
    take();
    expect(await wsl.vm(false)).toMatchObject({ live: false, state: 'Running', runningDistros: 1 });
    expect(take()).toEqual([]);
    expect(await wsl.vm()).toMatchObject({ live: true, state: 'Running' });
    expect(take()).toEqual(['probe']);
  });

  it('the status line, the list and the row after an action share the list the action read', async () => {
    const wsl = service();
    await wsl.start('Debian');
    take();
    await wsl.status(HOST);
    await wsl.list();
    expect(take()).toEqual([]);
  });

  it('a list older than its time to live is read again', async () => {
    const wsl = service();
    await wsl.list();
    clock.advance(2_000);
    await wsl.list();
    expect(take()).toEqual(['list', 'list']);
  });

  it('keeps the refusals a fresh list allows: a busy distro and an unknown one, without a call', async () => {
    setState((distros) => {
      distros[2]!.state = 'Exporting';
    });
    const wsl = service();
    await wsl.list();
    take();
    expect((await rejection(wsl.start('Debian'))).code).toBe('CONFLICT');
    expect((await rejection(wsl.terminate('Fedora'))).message).toBe('There is no distro named Fedora; run "lightdock distros list" to see them.');
    expect(take()).toEqual([]);
  });

  it('identical reads at the same moment share one wsl.exe list', async () => {
    const wsl = service();
    await Promise.all([wsl.list(), wsl.status(HOST), wsl.list()]);
    expect(take()).toEqual(['list']);
  });
});

describe('watching for external changes', () => {
  it('calls nothing while no window is visible and no CLI watches', async () => {
    const timer = manualPollTimer();
    const wsl = service(timer.schedule);
    expect(timer.pending()).toBe(0);
    wsl.setVisibility('window', false);
    expect(timer.pending()).toBe(0);
    expect(take()).toEqual([]);
  });

  it('polls one list per tick while a window is visible, pushes only a change, and stops when it hides or goes', async () => {
    const timer = manualPollTimer();
    const wsl = service(timer.schedule);
    wsl.setVisibility('window', true);
    expect(timer.pending()).toBe(1);
    timer.fire();
    await expect.poll(() => timer.pending()).toBe(1);
    expect(take()).toEqual(['list']);
    expect(events.events).toEqual([]);

    setState((distros) => {
      distros[2]!.state = 'Running';
    });
    timer.fire();
    await expect.poll(() => pushed('vm:changed').length).toBe(1);
    expect(take()).toEqual(['list']);
    expect(pushed('distros:changed')).toHaveLength(1);
    expect(pushed('vm:changed')[0]).toMatchObject({ live: false, runningDistros: 1 });

    wsl.setVisibility('window', false);
    expect(timer.pending()).toBe(0);
    wsl.setVisibility('window', true);
    expect(timer.pending()).toBe(1);
    wsl.releaseClient('window');
    expect(timer.pending()).toBe(0);
  });

  it('probes in the poll only while a visible client holds a vm:watch', async () => {
    setState((distros) => {
      distros[2]!.state = 'Running';
    });
    const timer = manualPollTimer();
    const wsl = service(timer.schedule);
    const { subscriptionId } = wsl.watchVm('window');
    expect(timer.pending()).toBe(1);
    timer.fire();
    await expect.poll(() => pushed('vm:changed').length).toBe(1);
    await expect.poll(() => timer.pending()).toBe(1);
    expect(take()).toEqual(['list', 'probe']);
    expect(pushed('vm:changed')[0]).toMatchObject({ live: true, runningDistros: 1 });

    wsl.unwatchVm('window', subscriptionId);
    wsl.setVisibility('window', true);
    timer.fire();
    await expect.poll(() => timer.pending()).toBe(1);
    expect(take()).toEqual(['list']);
  });

  it('a CLI watch polls until it is released', async () => {
    const timer = manualPollTimer();
    const wsl = service(timer.schedule);
    const release = wsl.watchChanges();
    expect(timer.pending()).toBe(1);
    release();
    release();
    expect(timer.pending()).toBe(0);
  });
});
