import type { Distro } from '../../../../shared/model/distro';
import type { Clock } from '../../ports';

/** How a script runs inside a distro: as root or the default user, and how long it may take. */
export interface DistroScriptOptions {
  root?: boolean;
  timeoutMs?: number;
  /** Positional arguments after the script (`$1`, `$2`…), passed as separate argv entries and never read as script text. */
  args?: readonly string[];
}

/**
 * What the cli backend lends the memory and files readers: the distro list, one way to run a constant script
 * in a distro (`wsl.exe -d <name> [-u root] --exec /bin/sh -c <script> sh [args…]`, an argument array, never built
 * from input; values go in as positional arguments), the host's RAM and the clock.
 */
export interface DistroShell {
  listDistros(): Promise<Distro[]>;
  /** Runs the script and resolves to its standard output (UTF-8); a failure, a timeout or a non-zero exit rejects with a ServiceError. */
  run(name: string, script: string, options?: DistroScriptOptions): Promise<string>;
  /** RAM of the machine wsl.exe runs on. */
  hostMemory(): { totalBytes: number; availableBytes: number };
  clock: Clock;
}
