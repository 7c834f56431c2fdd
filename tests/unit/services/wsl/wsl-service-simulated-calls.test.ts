import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SimulatedWslBackend } from '../../../../electron/services/wsl/simulated/simulated-wsl-backend';
import type { VmReadOptions, WslBackend } from '../../../../electron/services/wsl/wsl-backend';
import { WslService } from '../../../../electron/services/wsl/wsl-service';
import { ManualClock, RecordingEventSink, RecordingLogger } from '../../../helpers/recording';
import { makeTempDir } from '../../../helpers/temp-dir';

/** Every backend method called, with its first argument, in order. */
interface Call {
  method: string;
  arg: unknown;
}

let temp: ReturnType<typeof makeTempDir>;
let events: RecordingEventSink;
let calls: Call[];
let service: WslService;

/** The simulated backend behind a recorder of its calls (the thing under test is the service). */
function recorded(backend: WslBackend): WslBackend {
  return new Proxy(backend, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver) as unknown;
      if (typeof value !== 'function' || key === 'kind') return value;
      return (...args: unknown[]) => {
        calls.push({ method: String(key), arg: args[0] });
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

/** The calls that would each be a wsl.exe process on the real backend: lists, actions, and VM reads that probe or list. */
function wslCalls(): string[] {
  return calls
    .filter((c) => {
      if (c.method !== 'vmInfo') return true;
      const options = (c.arg ?? {}) as VmReadOptions;
      return options.distros === undefined || options.probe !== false;
    })
    .map((c) => c.method);
}

beforeEach(async () => {
  temp = makeTempDir();
  events = new RecordingEventSink();
  const clock = new ManualClock();
  const backend = new SimulatedWslBackend(temp.dir, 'ready', clock, new RecordingLogger(), { sleep: async () => undefined });
  await backend.listDistros();
  calls = [];
  service = new WslService(recorded(backend), events, new RecordingLogger(), { clock });
});

afterEach(() => {
  service.dispose();
  temp.cleanup();
});

describe('backend calls per action over the simulated backend', () => {
  it('one start: the action and one list; the VM is read from that list without a probe; each push once', async () => {
    await service.start('Debian');
    expect(calls.map((c) => c.method)).toEqual(['startDistro', 'listDistros', 'vmInfo']);
    expect(calls[2]?.arg).toEqual({ distros: expect.any(Array), probe: false });
    expect(wslCalls()).toEqual(['startDistro', 'listDistros']);
    expect(events.events.map((e) => e.channel)).toEqual(['distros:changed', 'vm:changed']);
  });

  it.each([
    ['terminate', (wsl: WslService) => wsl.terminate('Ubuntu-24.04'), 'terminateDistro'],
    ['set-default', (wsl: WslService) => wsl.setDefault('Debian'), 'setDefaultDistro'],
    ['shutdown', (wsl: WslService) => wsl.shutdown(), 'shutdown'],
    ['set-sparse', (wsl: WslService) => wsl.setSparse('Debian', false), 'setSparse'],
  ])('%s: the action and one list', async (_name, act, method) => {
    await act(service);
    expect(wslCalls()).toEqual([method, 'listDistros']);
    expect(events.events.filter((e) => e.channel === 'vm:changed').length).toBeLessThanOrEqual(1);
  });

  it('with a VM view open, the push after a start probes the VM (live figures)', async () => {
    service.watchVm('window');
    await service.start('Debian');
    expect(calls.find((c) => c.method === 'vmInfo')?.arg).toEqual({ distros: expect.any(Array), probe: true });
    expect(events.events.find((e) => e.channel === 'vm:changed')?.payload).toMatchObject({ live: true });
  });

  it('never pushes what a publish read before a later-started one already pushed', async () => {
    const backend = new SimulatedWslBackend(temp.dir, 'ready', new ManualClock(), new RecordingLogger(), { sleep: async () => undefined });
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let vmReads = 0;
    const firstVmReadWaits = new Proxy(backend, {
      get(target, key, receiver) {
        if (key === 'vmInfo') {
          return async (options?: VmReadOptions) => {
            vmReads += 1;
            const first = vmReads === 1;
            const vm = await target.vmInfo(options);
            if (first) await gate;
            return vm;
          };
        }
        const value = Reflect.get(target, key, receiver) as unknown;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    const wsl = new WslService(firstVmReadWaits, events, new RecordingLogger(), { clock: new ManualClock() });
    const started = wsl.start('Debian');
    await expect.poll(() => vmReads).toBe(1);
    await wsl.terminate('Debian');
    release();
    expect((await started).state).toBe('Running');
    const lists = events.events.filter((e) => e.channel === 'distros:changed').map((e) => e.payload as { name: string; state: string }[]);
    expect(lists).toHaveLength(1);
    expect(lists[0]?.find((d) => d.name === 'Debian')?.state).toBe('Stopped');
    wsl.dispose();
  });

  it('attaches its watch only while a window is visible', () => {
    expect(calls.filter((c) => c.method === 'watchExternalChanges')).toHaveLength(0);
    service.setVisibility('window', true);
    service.setVisibility('other', true);
    expect(calls.filter((c) => c.method === 'watchExternalChanges')).toHaveLength(1);
  });
});
