import type { Distro, DistroDetail, DistroDisk, OnlineDistro, WslVersion } from '../../../shared/model/distro';
import type { WslBackendKind } from '../../../shared/model/host';
import type { VmInfo } from '../../../shared/model/vm';

/** Reports progress of long work: a fraction from 0 to 1 (null when unknown) and one sentence. */
export type ProgressReporter = (progress: number | null, message: string) => void;

/** The `.wslconfig` file as a backend sees it: where it is and its text (null when there is none). */
export interface WslConfigFile {
  path: string;
  text: string | null;
}

/**
 * The port every WSL source implements. Names passed in are already validated and resolved to the
 * exact registered spelling by `WslService`; a backend reports failures as `ServiceError`s.
 */
export interface WslBackend {
  readonly kind: WslBackendKind;
  /** Distros in `wsl -l -v` order: the default first, then registration order. */
  listDistros(): Promise<Distro[]>;
  /** One distro in full (disk, mounts, IP, OS, user, systemd); reading it must not start a stopped distro. */
  showDistro(name: string): Promise<DistroDetail>;
  startDistro(name: string): Promise<void>;
  terminateDistro(name: string): Promise<void>;
  setDefaultDistro(name: string): Promise<void>;
  /** `wsl --shutdown`: every distro stops and the utility VM goes down. */
  shutdown(): Promise<void>;
  /** The utility VM with live figures. */
  vmInfo(): Promise<VmInfo>;
  /** `wsl -l -o`. */
  listOnline(): Promise<OnlineDistro[]>;
  installDistro(name: string, progress: ProgressReporter): Promise<void>;
  exportDistro(name: string, filePath: string, format: 'tar' | 'vhdx', progress: ProgressReporter): Promise<{ filePath: string; sizeBytes: number }>;
  importDistro(
    name: string,
    installDir: string,
    filePath: string,
    format: 'tar' | 'vhdx',
    version: WslVersion | undefined,
    progress: ProgressReporter,
  ): Promise<void>;
  /** Deletes the distro and its VHDX. */
  unregisterDistro(name: string, progress: ProgressReporter): Promise<void>;
  /** Shrinks the VHDX to what is used (the distro must be stopped) and returns the disk after. */
  compactDisk(name: string, progress: ProgressReporter): Promise<DistroDisk>;
  setSparse(name: string, sparse: boolean): Promise<DistroDisk>;
  setVersion(name: string, version: WslVersion, progress: ProgressReporter): Promise<void>;
  readWslConfig(): Promise<WslConfigFile>;
  /** Replaces the file's text atomically in the encoding the file has (UTF-8 when new); text that encoding cannot hold is refused (VALIDATION) before anything is written. */
  writeWslConfig(text: string): Promise<void>;
  /** Calls the listener when state changed outside this process or by the passing of time (VM idle shutdown). */
  watchExternalChanges(listener: () => void): () => void;
}
