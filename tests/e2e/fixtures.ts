import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect } from '@playwright/test';
import { testDockerHost } from '../helpers/docker-engine';
import { hostEnv } from '../helpers/host-env';
import { runLightdock } from '../helpers/run-cli';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A browser host started for one test, with its own data directory, and the CLI pointed at the same state. */
export interface LightdockHost {
  url: string;
  port: number;
  token: string;
  dataDir: string;
  cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }>;
}

/** Which container engine the host drives: its simulated one, or the private test dockerd (tests/run-all.sh starts it). */
export type E2eEngine = 'simulated' | 'docker';

/** Starts the built browser host on `dataDir` (with `extraEnv` on top) and resolves with its URL (with token) once it prints it. */
export function startHost(
  dataDir: string,
  scenario: string,
  engine: E2eEngine,
  dockerHost: string | null | false,
  extraEnv: NodeJS.ProcessEnv = {},
): Promise<{ child: ChildProcess; url: string }> {
  const env = { ...hostEnv({ dataDir, engine, scenario, ...(engine === 'docker' && dockerHost !== false ? { dockerHost: dockerHost ?? testDockerHost() } : {}) }), ...extraEnv };
  const child = spawn(process.execPath, [path.join(root, 'out/web/serve.js'), '--port', '0'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`browser host did not start: ${out}`)), 15_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ child, url: match[1] });
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.once('exit', (code) => reject(new Error(`browser host exited with ${code}: ${out}`)));
  });
}

/** Stops the host and waits for it to exit, so nothing still writes into the data directory being removed. */
export function stopHost(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve();
    }, 5_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * `test` with a `lightdock` fixture; per file, `test.use` picks the scenario, the engine, and for `engine: 'docker'`
 * the DOCKER_HOST (null: the private test dockerd; false: none, so the Docker context in the host's HOME decides).
 */
export const test = base.extend<{ scenario: string; engine: E2eEngine; dockerHost: string | null | false; setupSeen: boolean; lightdock: LightdockHost }>({
  scenario: ['ready', { option: true }],
  /** True (the default) marks the setup wizard as seen, so it does not open by itself over the page a test visits. */
  setupSeen: [true, { option: true }],
  engine: ['simulated', { option: true }],
  dockerHost: [null, { option: true }],
  lightdock: async ({ scenario, engine, dockerHost, setupSeen }, use) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lightdock-e2e-'));
    if (setupSeen) fs.writeFileSync(path.join(dataDir, 'settings.json'), `${JSON.stringify({ setup: { seen: true } })}\n`);
    const { child, url } = await startHost(dataDir, scenario, engine, dockerHost);
    const parsed = new URL(url);
    await use({
      url,
      port: Number(parsed.port),
      token: parsed.searchParams.get('token') ?? '',
      dataDir,
      cli: (...args) => runLightdock(args, { PATH: process.env['PATH'], LIGHTDOCK_DATA_DIR: dataDir, LIGHTDOCK_WSL_BACKEND: 'simulated' }),
    });
    await stopHost(child);
    fs.rmSync(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  },
});

export { expect };
