import { z } from 'zod';
import type { EngineStatus } from '../../../shared/model/engine';
import type { EngineLifecycle } from '../../../shared/model/engine-lifecycle';
import type { Distro } from '../../../shared/model/distro';
import { FeatureState } from '../wsl/simulated/simulated-machine';
import type { ProgressReporter } from '../wsl/wsl-backend';

/** The Windows facts below WSL, read in one go; a fact that could not be read is null. */
export const HostFacts = z.object({
  /** False off Windows (the checks then say so). */
  windows: z.boolean(),
  /** A 64-bit Windows (x64 or ARM64); null when unknown. */
  arch64: z.boolean().nullable(),
  /** 'x64' or 'arm64' (ARM64 needs a later build for WSL 2). */
  arch: z.enum(['x64', 'arm64', 'other']).nullable(),
  build: z.number().int().positive().nullable(),
  memoryBytes: z.number().int().nonnegative().nullable(),
  /** `Win32_ComputerSystem.HypervisorPresent`. */
  hypervisorPresent: z.boolean().nullable(),
  /** `Win32_Processor.VirtualizationFirmwareEnabled` (reads false while a hypervisor runs). */
  firmwareVirtualization: z.boolean().nullable(),
  vmPlatform: FeatureState,
  wslFeature: FeatureState,
  /** Windows has a restart pending (Component Based Servicing\RebootPending). */
  rebootPending: z.boolean(),
  /** Changes at every Windows start (the boot time), so a restart since a fix can be told. */
  bootId: z.string(),
});
export type HostFacts = z.infer<typeof HostFacts>;

/** One run of wsl.exe: its exit code as an unsigned 32-bit number (null when it could not run) and its decoded text. */
export interface WslCall {
  exitCode: number | null;
  text: string;
  /** Set when wsl.exe could not be started at all (no such file). */
  missing: boolean;
}

/** `wsl --version` and `wsl --status`, as the WSL check reads them. */
export interface WslProbe {
  version: WslCall;
  status: WslCall;
}

/** Where the setup checks get their facts: a Windows implementation and the simulated host's. */
export interface HostFactsPort {
  read(): Promise<HostFacts>;
  probeWsl(): Promise<WslProbe>;
}

/** How a fix that Windows may need to restart for ended. */
export interface FixOutcome {
  rebootRequired: boolean;
}

/** The steps that change the machine; every one reports progress and honours `signal` where it says it can. */
export interface SetupActionsPort {
  /** Which steps can be cancelled once started. */
  readonly cancellable: ReadonlySet<'install-wsl' | 'update-wsl' | 'enable-features'>;
  /** `wsl --install --no-distribution`. */
  installWsl(progress: ProgressReporter, signal: AbortSignal): Promise<FixOutcome>;
  /** `wsl --update`: from the inbox WSL to the Store WSL. */
  updateWsl(progress: ProgressReporter, signal: AbortSignal): Promise<FixOutcome>;
  /** Virtual Machine Platform and the WSL feature in one elevated step, without restarting. */
  enableFeatures(progress: ProgressReporter, signal: AbortSignal): Promise<FixOutcome>;
  /** Restarts the machine (the simulated host only; null on Windows, where people restart it). */
  readonly reboot: ((options: { enableFirmwareVirtualization: boolean }) => Promise<void>) | null;
}

/** What the checks need of WSL and the engine (the services answer these). */
export interface SetupWslPort {
  list(): Promise<Distro[]>;
  install(name: string): Promise<unknown>;
}

/** The engine as the setup checks see it: its connection, its lifecycle, and `engine:start` / `engine:stop`. */
export interface SetupEnginePort {
  status(): Promise<EngineStatus>;
  lifecycle(): Promise<EngineLifecycle>;
  start(): Promise<unknown>;
  stop(): Promise<unknown>;
}
