import { ServiceError } from '../errors';
import { machineRebootPending, rebootedMachine, type SimulatedMachine } from '../wsl/simulated/simulated-machine';
import type { ProgressReporter } from '../wsl/wsl-backend';
import { WSL_EXIT_FAILURE, WSL_EXIT_NOT_INSTALLED } from './classify-wsl';
import type { FixOutcome, HostFacts, HostFactsPort, SetupActionsPort, WslCall, WslProbe } from './setup-ports';

/** The part of the simulated WSL backend the wizard drives: its machine, read and changed. */
export interface SimulatedMachineStore {
  machine(): SimulatedMachine;
  changeMachine(change: (machine: SimulatedMachine) => SimulatedMachine, restart?: boolean): SimulatedMachine;
  hostFacts(): Promise<{ totalMemoryBytes: number }>;
}

/** Waits; resolves early never, rejects when the signal aborts. */
export type AbortableSleep = (ms: number, signal: AbortSignal) => Promise<void>;

/** The real abortable wait. */
export const abortableSleep: AbortableSleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });

const VERSION_TEXT = (kernel: string): string =>
  ['WSL version: 2.6.1.0', `Kernel version: ${kernel}`, 'WSLg version: 1.0.66', 'MSRDC version: 1.2.6353', 'Direct3D version: 1.611.1-81528511', 'DXCore version: 10.0.26100.1-240331-1435.ge-release', 'Windows version: 10.0.22631.4890', ''].join('\r\n');
const INBOX_USAGE = 'Invalid command line option: --version\r\n';
const NOT_INSTALLED = 'The Windows Subsystem for Linux is not installed. You can install by running \'wsl.exe --install\'.\r\n';

function call(exitCode: number, text: string): WslCall {
  return { exitCode, text, missing: false };
}

/** What the simulated wsl.exe answers to `--version` and `--status`, in the real exit codes and layouts. */
export function simulatedWslProbe(machine: SimulatedMachine, kernelVersion: string): WslProbe {
  switch (machine.wsl) {
    case 'none':
      return { version: { exitCode: null, text: '', missing: true }, status: { exitCode: null, text: '', missing: true } };
    case 'stub':
      return { version: call(1, NOT_INSTALLED), status: call(WSL_EXIT_NOT_INSTALLED, NOT_INSTALLED) };
    case 'inbox':
      return {
        version: call(WSL_EXIT_FAILURE, INBOX_USAGE),
        status: call(0, `Default Version: 2\r\n${machine.kernelInstalled ? `\r\nKernel version: ${kernelVersion}\r\n` : ''}`),
      };
    case 'store':
      return { version: call(0, VERSION_TEXT(kernelVersion)), status: call(0, 'Default Version: 2\r\n') };
  }
}

const STEP_MS = 400;

/**
 * The simulated machine as the setup wizard sees it: facts read from the simulated host's state and fixes that
 * move it forward (features wait for a restart; `reboot` applies them). Each step changes the machine only at
 * its end, so a cancelled step changed nothing.
 */
export class SimulatedSetupHost implements HostFactsPort, SetupActionsPort {
  readonly cancellable = new Set(['install-wsl', 'update-wsl', 'enable-features'] as const);

  constructor(
    private readonly store: SimulatedMachineStore,
    private readonly kernelVersion: string,
    private readonly sleep: AbortableSleep = abortableSleep,
    private readonly stepMs = STEP_MS,
  ) {}

  async read(): Promise<HostFacts> {
    const machine = this.store.machine();
    const { totalMemoryBytes } = await this.store.hostFacts();
    return {
      windows: true,
      arch64: machine.arch64,
      arch: machine.arch64 ? 'x64' : 'other',
      build: machine.windowsBuild,
      memoryBytes: totalMemoryBytes,
      hypervisorPresent: machine.hypervisorPresent,
      firmwareVirtualization: machine.hypervisorPresent ? false : machine.firmwareVirtualization,
      vmPlatform: machine.vmPlatform,
      wslFeature: machine.wslFeature,
      rebootPending: machineRebootPending(machine),
      bootId: `simulated-boot-${machine.bootCount}`,
    };
  }

  async probeWsl(): Promise<WslProbe> {
    return simulatedWslProbe(this.store.machine(), this.kernelVersion);
  }

  async installWsl(progress: ProgressReporter, signal: AbortSignal): Promise<FixOutcome> {
    await this.steps(progress, signal, ['Downloading: Windows Subsystem for Linux', 'Installing: Windows Subsystem for Linux', 'Installing: Virtual Machine Platform']);
    const after = this.store.changeMachine((m) => {
      const featuresOn = m.vmPlatform === 'Enabled';
      if (featuresOn) return { ...m, wsl: 'store', kernelInstalled: true, wslFeature: m.wslFeature === 'Disabled' ? 'EnablePending' : m.wslFeature };
      const pending = (state: SimulatedMachine['vmPlatform']): SimulatedMachine['vmPlatform'] => (state === 'Enabled' ? state : 'EnablePending');
      return { ...m, vmPlatform: pending(m.vmPlatform), wslFeature: pending(m.wslFeature), wslAfterReboot: 'store' };
    });
    return { rebootRequired: after.wslAfterReboot !== null };
  }

  async updateWsl(progress: ProgressReporter, signal: AbortSignal): Promise<FixOutcome> {
    await this.steps(progress, signal, ['Checking for updates.', 'Downloading: Windows Subsystem for Linux', 'Installing: Windows Subsystem for Linux']);
    this.store.changeMachine((m) => ({ ...m, wsl: 'store', kernelInstalled: true }));
    return { rebootRequired: false };
  }

  async enableFeatures(progress: ProgressReporter, signal: AbortSignal): Promise<FixOutcome> {
    await this.steps(progress, signal, ['Enabling Virtual Machine Platform', 'Enabling Windows Subsystem for Linux']);
    const enable = (state: SimulatedMachine['vmPlatform']): SimulatedMachine['vmPlatform'] => (state === 'Enabled' || state === 'EnablePending' ? state : 'EnablePending');
    const after = this.store.changeMachine((m) => ({ ...m, vmPlatform: enable(m.vmPlatform), wslFeature: enable(m.wslFeature) }));
    return { rebootRequired: machineRebootPending(after) };
  }

  readonly reboot = async ({ enableFirmwareVirtualization }: { enableFirmwareVirtualization: boolean }): Promise<void> => {
    this.store.changeMachine((m) => rebootedMachine({ ...m, firmwareVirtualization: m.firmwareVirtualization || enableFirmwareVirtualization }), true);
  };

  private async steps(progress: ProgressReporter, signal: AbortSignal, messages: string[]): Promise<void> {
    for (const [index, message] of messages.entries()) {
      progress(index / messages.length, message);
      try {
        await this.sleep(this.stepMs, signal);
      } catch {
        throw new ServiceError('CONFLICT', 'Cancelled; nothing was changed.');
      }
    }
  }
}
