import { z } from 'zod';

/** An optional Windows feature's state as `Get-WindowsOptionalFeature` names it. */
export const FeatureState = z.enum(['Enabled', 'Disabled', 'EnablePending', 'DisablePending', 'DisabledWithPayloadRemoved', 'Unknown']);
export type FeatureState = z.infer<typeof FeatureState>;

/** Which wsl.exe answers: none at all, the inbox stub that offers to install, the old inbox WSL, or the Store WSL. */
export const WslInstallKind = z.enum(['none', 'stub', 'inbox', 'store']);
export type WslInstallKind = z.infer<typeof WslInstallKind>;

/**
 * The simulated Windows machine below WSL: what the setup wizard checks and its fixes change. Pending
 * changes (features enabled, WSL installed) take effect at the next simulated restart.
 */
export const SimulatedMachine = z.object({
  windowsBuild: z.number().int().positive(),
  arch64: z.boolean(),
  firmwareVirtualization: z.boolean(),
  hypervisorPresent: z.boolean(),
  vmPlatform: FeatureState,
  wslFeature: FeatureState,
  wsl: WslInstallKind,
  /** What `wsl` becomes at the next restart (an install that needs one), or null. */
  wslAfterReboot: WslInstallKind.nullable(),
  kernelInstalled: z.boolean(),
  /** The simulated Docker engine is switched off when a host next opens this machine (a scenario without a running engine). */
  stopEngineAtStart: z.boolean(),
  /** Counts restarts: a changed count tells the wizard Windows restarted. */
  bootCount: z.number().int().nonnegative(),
});
export type SimulatedMachine = z.infer<typeof SimulatedMachine>;

/** A machine where everything is in place (Windows 11 23H2, Store WSL, hypervisor running). */
export const READY_MACHINE: SimulatedMachine = {
  windowsBuild: 22631,
  arch64: true,
  firmwareVirtualization: true,
  hypervisorPresent: true,
  vmPlatform: 'Enabled',
  wslFeature: 'Enabled',
  wsl: 'store',
  wslAfterReboot: null,
  kernelInstalled: true,
  stopEngineAtStart: false,
  bootCount: 0,
};

/** A fresh Windows 11 before any WSL work: firmware on, features off, only the inbox stub. */
export const FRESH_MACHINE: SimulatedMachine = {
  ...READY_MACHINE,
  hypervisorPresent: false,
  vmPlatform: 'Disabled',
  wslFeature: 'Disabled',
  wsl: 'stub',
  kernelInstalled: false,
  stopEngineAtStart: true,
};

/** True while a change waits for a restart (a pending feature or a WSL install). */
export function machineRebootPending(machine: SimulatedMachine): boolean {
  return machine.vmPlatform.endsWith('Pending') || machine.wslFeature.endsWith('Pending') || machine.wslAfterReboot !== null;
}

/** The machine after a restart: pending features applied, a pending WSL install done, the hypervisor up when it can run. */
export function rebootedMachine(machine: SimulatedMachine): SimulatedMachine {
  const settle = (state: FeatureState): FeatureState => (state === 'EnablePending' ? 'Enabled' : state === 'DisablePending' ? 'Disabled' : state);
  const vmPlatform = settle(machine.vmPlatform);
  const wsl = machine.wslAfterReboot ?? machine.wsl;
  return {
    ...machine,
    vmPlatform,
    wslFeature: settle(machine.wslFeature),
    wsl,
    wslAfterReboot: null,
    kernelInstalled: machine.kernelInstalled || wsl === 'store',
    hypervisorPresent: machine.firmwareVirtualization && vmPlatform === 'Enabled',
    bootCount: machine.bootCount + 1,
  };
}
