import type { Distro, DistroDetail, DistroDisk, OnlineDistro, WslVersion } from '../../../shared/model/distro';
import type { WslBackendKind } from '../../../shared/model/host';
import type { BoundaryCost } from '../../../shared/model/files';
import type { VmInfo } from '../../../shared/model/vm';
import type { WslHostFacts } from './wslconfig/effective-config';

/** How `vmInfo` reads the VM: from a distro list just read (else it lists), and with or without the probe of its live figures. */
export interface VmReadOptions {
  /** The list the caller just read, so the backend does not list again. */
  distros?: Distro[];
  /** Probe the running VM for its live figures (default true); false reads none and gives `live: false`. */
  probe?: boolean;
}

/** One look of a backend's watch: the list it read (null when it read none) and whether WSL changed since the last look. */
export interface WslWatchTick {
  distros: Distro[] | null;
  changed: boolean;
}

/** Reports progress of long work: a fraction from 0 to 1 (null when unknown) and one sentence. */
export type ProgressReporter = (progress: number | null, message: string) => void;

/** The `.wslconfig` file as a backend sees it: where it is and its text (null when there is none). */
export interface WslConfigFile {
  path: string;
  text: string | null;
}

/** Memory as the host and each running WSL2 distro see it now (the VM's own figures are in `vmInfo`). */
export interface WslMemoryUsage {
  /** RAM of the machine wsl.exe runs on (the simulated host's on the simulated backend). */
  hostTotalBytes: number;
  /** RAM the host has available (free plus reclaimable), so used = total − available. */
  hostAvailableBytes: number;
  /** Each running WSL2 distro's processes, by name. */
  distros: { name: string; processBytes: number }[];
  /** How the distro figures were reached, in one sentence (they are estimates). */
  distroEstimate: string;
}

/** A running distro's processes and where they work, and its default user's home. */
export interface DistroDirectories {
  home: string | null;
  /** At most 256 processes: the command name and its working directory. */
  processes: { command: string; cwd: string }[];
}

/**
 * The port every WSL source implements. Names passed in are already validated and resolved to the
 * exact registered spelling by `WslService`; a backend reports failures as `ServiceError`s.
 */
export interface WslBackend {
  readonly kind: WslBackendKind;
  /** RAM and logical processors of the machine WSL runs on, which `.wslconfig` defaults derive from. */
  hostFacts(): Promise<WslHostFacts>;
  /** Distros in `wsl -l -v` order: the default first, then registration order. */
  listDistros(): Promise<Distro[]>;
  /**
   * One distro in full (disk, mounts, IP, OS, user, systemd); reading it must not start a stopped distro.
   * `row` is its row from a list the caller just read, so the backend does not list again.
   */
  showDistro(name: string, row?: Distro): Promise<DistroDetail>;
  startDistro(name: string): Promise<void>;
  terminateDistro(name: string): Promise<void>;
  setDefaultDistro(name: string): Promise<void>;
  /** `wsl --shutdown`: every distro stops and the utility VM goes down. */
  shutdown(): Promise<void>;
  /** The utility VM; with the probe (the default) its live figures, else `live: false` without any wsl.exe call beyond the list. */
  vmInfo(options?: VmReadOptions): Promise<VmInfo>;
  /** `wsl -l -o`. */
  listOnline(): Promise<OnlineDistro[]>;
  /**
   * The long operations below take the operation's `signal`: when it aborts, the backend stops the work
   * (killing the child process tree it started), removes what it made (a partial export file, a
   * half-imported or half-installed distro), and rejects with a CANCELLED `ServiceError`.
   */
  installDistro(name: string, progress: ProgressReporter, signal: AbortSignal): Promise<void>;
  exportDistro(
    name: string,
    filePath: string,
    format: 'tar' | 'vhdx',
    progress: ProgressReporter,
    signal: AbortSignal,
  ): Promise<{ filePath: string; sizeBytes: number }>;
  importDistro(
    name: string,
    installDir: string,
    filePath: string,
    format: 'tar' | 'vhdx',
    version: WslVersion | undefined,
    progress: ProgressReporter,
    signal: AbortSignal,
  ): Promise<void>;
  /** Deletes the distro and its VHDX. */
  unregisterDistro(name: string, progress: ProgressReporter, signal: AbortSignal): Promise<void>;
  /** Shrinks the VHDX to what is used (the distro must be stopped) and returns the disk after. */
  compactDisk(name: string, progress: ProgressReporter, signal: AbortSignal): Promise<DistroDisk>;
  setSparse(name: string, sparse: boolean): Promise<DistroDisk>;
  setVersion(name: string, version: WslVersion, progress: ProgressReporter, signal: AbortSignal): Promise<void>;
  readWslConfig(): Promise<WslConfigFile>;
  /** Replaces the file's text atomically in the encoding the file has (UTF-8 when new); text that encoding cannot hold is refused (VALIDATION) before anything is written. */
  writeWslConfig(text: string): Promise<void>;
  /** Host RAM in use and each running WSL2 distro's processes' memory; a stopped VM gives no distros. */
  memoryUsage(): Promise<WslMemoryUsage>;
  /** Gives the VM's page cache back (drop caches as root in a running WSL2 distro); CONFLICT when the VM is not running. */
  reclaimMemory(): Promise<void>;
  /** Where a running distro's processes work, and its home; CONFLICT when it is not running. */
  distroDirectories(name: string): Promise<DistroDirectories>;
  /** A short, bounded timed read/write on a Windows drive and in the distro's own disk; CONFLICT when it is not running. */
  measureBoundary(name: string, signal: AbortSignal): Promise<BoundaryCost>;
  /**
   * Looks for changes made outside this process or by the passing of time (VM boot, idle shutdown) until the
   * returned function is called, and calls the listener with each look: a polling backend on every poll (at
   * most one list per poll), an event-driven one when something changed. Attaching costs nothing until then.
   */
  watchExternalChanges(listener: (tick: WslWatchTick) => void): () => void;
}
