import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The built CLI entry (`npm run build` writes it). */
export const BUILT_CLI = path.join(root, 'out/cli/lightdock.js');

/** What one run of the CLI printed, how it exited, and how long it took. */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

/**
 * Runs `lightdock <args>` in its own process, as a user would: the built CLI, or the source through tsx, with an
 * argument array, exactly `env` (nothing inherited) and a 20 s limit. Never rejects: a failure is a non-zero code.
 */
export function runLightdock(args: string[], env: NodeJS.ProcessEnv, options: { from?: 'built' | 'source'; cwd?: string } = {}): Promise<CliResult> {
  const entry = options.from === 'source' ? ['--import', 'tsx', path.join(root, 'electron/hosts/cli/lightdock.ts')] : [BUILT_CLI];
  const started = Date.now();
  return new Promise((resolve) => {
    execFile(process.execPath, [...entry, ...args], { cwd: options.cwd ?? root, env, timeout: 20_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr, ms: Date.now() - started }),
    );
  });
}
