import { ServiceError } from '../../errors';
import type { Logger } from '../../ports';
import type { EngineHost } from '../../docker/engine-lifecycle';
import { decodeWslOutput } from './decode-output';
import { execFileRunner, type ProcessRunner } from './process-runner';
import { resolveWslExe } from './wsl-cli-backend';
import { failureToServiceError, spawnFailureToServiceError } from './wsl-failure';

/** Time `service docker start|stop` may take inside the distro (booting the VM and the distro included). */
export const ENGINE_SERVICE_TIMEOUT_MS = 120_000;

/** What the WSL engine host needs: wsl.exe's environment, the runner, and which distro runs the engine. */
export interface WslEngineHostOptions {
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  logger: Logger;
  /** The distro the engine lives in (the default one); null when there is none. */
  engineDistro(): Promise<string | null>;
  runner?: ProcessRunner;
  timeoutMs?: number;
}

/** The exact argument array for the Docker service inside a distro, as root, without a shell. */
export function engineServiceArgs(distro: string, verb: 'start' | 'stop'): string[] {
  return ['-d', distro, '-u', 'root', '--exec', 'service', 'docker', verb];
}

/**
 * Starts and stops the Docker engine inside the chosen WSL distro through its service manager:
 * `wsl.exe -d <distro> -u root --exec service docker start|stop` (an argument array, a timeout, `WSL_UTF8=1`).
 * A non-zero exit becomes one ServiceError naming the distro and the exit code.
 */
export class WslEngineHost implements EngineHost {
  private readonly exe: string;
  private readonly runner: ProcessRunner;
  private readonly childEnv: NodeJS.ProcessEnv;

  constructor(private readonly options: WslEngineHostOptions) {
    this.exe = resolveWslExe(options.env);
    this.runner = options.runner ?? execFileRunner;
    this.childEnv = { ...options.env, WSL_UTF8: '1' };
  }

  start(): Promise<void> {
    return this.run('start');
  }

  stop(): Promise<void> {
    return this.run('stop');
  }

  private async run(verb: 'start' | 'stop'): Promise<void> {
    const distro = await this.options.engineDistro();
    if (distro === null) throw new ServiceError('NOT_FOUND', `There is no WSL distro to ${verb} the Docker engine in; install one first.`);
    const args = engineServiceArgs(distro, verb);
    const timeoutMs = this.options.timeoutMs ?? ENGINE_SERVICE_TIMEOUT_MS;
    this.options.logger.info(`Running ${this.exe} ${args.join(' ')}`);
    let result;
    try {
      result = await this.runner.run(this.exe, args, { env: this.childEnv, timeoutMs });
    } catch (error) {
      throw spawnFailureToServiceError(this.exe, this.options.platform, error);
    }
    if (result.exitCode === 0 && !result.timedOut) return;
    const output = decodeWslOutput(result.stdout);
    if (result.timedOut || output.includes('Wsl/')) throw failureToServiceError({ action: `${verb} the Docker service in ${distro}`, result, output, timeoutMs, runsLinux: true });
    const said = `${output}\n${decodeWslOutput(result.stderr)}`.split('\n').map((line) => line.trim()).find((line) => line !== '');
    throw new ServiceError('UNAVAILABLE', `Could not ${verb} the Docker service in ${distro} (service docker ${verb} exited with ${result.exitCode ?? 'a signal'}).`, {
      exitCode: result.exitCode,
      output: said?.slice(0, 500) ?? null,
    });
  }
}
