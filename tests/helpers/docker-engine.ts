import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The image tests/helpers/dockerd.sh imports into the private engine (busybox, nothing pulled). */
export const TEST_IMAGE = 'lightdock-test/busybox:latest';

/** The harness script that starts and stops a private dockerd. */
export const DOCKERD_SCRIPT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'dockerd.sh');

/**
 * The private test engine's DOCKER_HOST (LIGHTDOCK_TEST_DOCKER_HOST, set by tests/run-all.sh after
 * `tests/helpers/dockerd.sh start`). Throws with the fix when it is missing: these tests never skip.
 */
export function testDockerHost(): string {
  const host = process.env['LIGHTDOCK_TEST_DOCKER_HOST'];
  if (host === undefined || host === '') {
    throw new Error(
      'LIGHTDOCK_TEST_DOCKER_HOST is not set. Start the private engine with `tests/helpers/dockerd.sh start /tmp/lightdock-dockerd` ' +
        'and run with LIGHTDOCK_TEST_DOCKER_HOST=unix:///tmp/lightdock-dockerd/docker.sock (tests/run-all.sh does both).',
    );
  }
  return host;
}

function dockerCli(): string {
  return fs.existsSync('/usr/local/bin/docker') ? '/usr/local/bin/docker' : 'docker';
}

function runDocker(args: string[], home: string, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      dockerCli(),
      args,
      { env: { PATH: process.env['PATH'], HOME: home }, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`docker ${args.join(' ')} failed: ${stderr.trim() || error.message}`));
        else resolve(stdout);
      },
    );
  });
}

/** Runs the docker CLI against `host` (default: the test engine) with an argument array and a timeout; resolves stdout. */
export function dockerAt(host: string, args: string[], timeoutMs = 60_000): Promise<string> {
  return runDocker(['-H', host, ...args], process.env['HOME'] ?? '/root', timeoutMs);
}

/** Runs the docker CLI with `home` as HOME and no DOCKER_HOST, so the Docker context in `home/.docker` decides. */
export function dockerWithHome(home: string, args: string[], timeoutMs = 60_000): Promise<string> {
  return runDocker(args, home, timeoutMs);
}

/** Runs the docker CLI against the private test engine. */
export function docker(...args: string[]): Promise<string> {
  return dockerAt(testDockerHost(), args);
}

/** Runs tests/helpers/dockerd.sh (`start` or `stop`) for a directory, with extra dockerd flags for `start`. */
export function dockerdScript(action: 'start' | 'stop', dir: string, extraArgs: string[] = [], timeoutMs = 60_000): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('bash', [DOCKERD_SCRIPT, action, dir, ...extraArgs], { timeout: timeoutMs }, (error, stdout, stderr) => {
      if (error) reject(new Error(`dockerd.sh ${action} ${dir} failed: ${stderr.trim() || error.message}`));
      else resolve(stdout.trim());
    });
  });
}

/** Polls `check` until it stops throwing, or rethrows its last error after `timeoutMs`. */
export async function eventually<T>(check: () => T | Promise<T>, timeoutMs = 10_000, intervalMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
}
