import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cancelOnInterrupt } from '../../electron/hosts/cli/cancel-on-interrupt';
import type { InvokeDispatcher } from '../../electron/hosts/common/invoke-dispatcher';
import type { Operation } from '../../shared/model/operation';
import { isProcessAlive, waitUntil } from '../helpers/process-alive';
import { BUILT_CLI, runLightdock } from '../helpers/run-cli';
import { makeTempDir } from '../helpers/temp-dir';

const FAKE_WSL = path.resolve(import.meta.dirname, '../helpers/fake-wsl/wsl.mjs');
const FAKE_REG = path.resolve(import.meta.dirname, '../helpers/fake-reg/reg.mjs');

let temp: ReturnType<typeof makeTempDir>;

beforeAll(() => {
  expect(fs.existsSync(BUILT_CLI), 'out/cli/lightdock.js is missing: run `npm run build` first').toBe(true);
});
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.cleanup());

/** Starts `lightdock <args>`, waits until `ready()`, sends it Ctrl-C (SIGINT) and resolves with how it ended. */
function interruptHalfway(args: string[], env: NodeJS.ProcessEnv, ready: (stderr: string) => boolean): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [BUILT_CLI, ...args], { cwd: temp.dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let sent = false;
  const poll = setInterval(() => {
    if (!sent && ready(stderr)) {
      sent = true;
      child.kill('SIGINT');
    }
  }, 20);
  const limit = setTimeout(() => child.kill('SIGKILL'), 30_000);
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => {
    child.on('close', (code) => {
      clearInterval(poll);
      clearTimeout(limit);
      resolve({ code, stdout, stderr });
    });
  });
}

function simulatedEnv(): NodeJS.ProcessEnv {
  return { PATH: process.env['PATH'], LIGHTDOCK_DATA_DIR: temp.dir, LIGHTDOCK_WSL_BACKEND: 'simulated', LIGHTDOCK_SIMULATED_STEP_MS: '2000' };
}

describe('Ctrl-C during a long lightdock distros command', { timeout: 60_000 }, () => {
  it('export on the simulated host: prints Cancelling…, waits, exits 130 with the cancelled sentence, and nothing changed', async () => {
    const env = simulatedEnv();
    const before = (await runLightdock(['distros', 'list', '--json'], env)).stdout;
    const file = path.join(temp.dir, 'debian.tar');
    const ended = await interruptHalfway(['distros', 'export', 'Debian', file], env, (stderr) => stderr.includes('export Debian:') && fs.existsSync(file));
    expect(ended.code).toBe(130);
    expect(ended.stderr).toContain('Cancelling…\n');
    expect(ended.stderr.trim().split('\n').at(-1)).toBe('lightdock: Cancelled the export of Debian; the partial file was deleted, so nothing was changed.');
    expect(fs.existsSync(file)).toBe(false);
    expect((await runLightdock(['distros', 'list', '--json'], env)).stdout).toBe(before);
  });

  it('import on the fake wsl.exe (slow): the wsl.exe tree is killed, the half-imported distro removed, exit 130', async () => {
    const seeded = simulatedEnv();
    const tar = path.join(temp.dir, 'debian.tar');
    expect((await runLightdock(['distros', 'export', 'Debian', tar], { ...seeded, LIGHTDOCK_SIMULATED_STEP_MS: '0' })).code).toBe(0);
    const pidFile = path.join(temp.dir, 'wsl-pids');
    const env = {
      PATH: process.env['PATH'],
      LIGHTDOCK_DATA_DIR: temp.dir,
      LIGHTDOCK_WSL_BACKEND: 'cli',
      LIGHTDOCK_WSL_EXE: FAKE_WSL,
      LIGHTDOCK_REG_EXE: FAKE_REG,
      LIGHTDOCK_WSLCONFIG: path.join(temp.dir, '.wslconfig'),
      FAKE_WSL_SLOW_MS: '60000',
      FAKE_WSL_PIDFILE: pidFile,
    };
    const before = (await runLightdock(['distros', 'list', '--json'], env)).stdout;
    const dir = path.join(temp.dir, 'copy');
    const ended = await interruptHalfway(['distros', 'import', 'Debian-copy', dir, tar], env, () => fs.existsSync(pidFile) && fs.readFileSync(pidFile, 'utf8').endsWith('\n'));
    expect(ended.code, ended.stderr).toBe(130);
    expect(ended.stderr).toContain('Cancelling…\n');
    expect(ended.stderr).toContain('lightdock: Cancelled the import of Debian-copy; nothing was changed.');
    const pids = fs.readFileSync(pidFile, 'utf8').trim().split(/\s+/).map(Number);
    await waitUntil(() => !pids.some(isProcessAlive), 5_000, 'the wsl.exe tree to be gone');
    expect(pids.some(isProcessAlive)).toBe(false);
    expect((await runLightdock(['distros', 'list', '--json'], env)).stdout).toBe(before);
    expect(fs.existsSync(dir)).toBe(false);
  });
});

describe('cancelOnInterrupt', () => {
  it('keeps a Ctrl-C that comes before the operation id and sends the cancel once the id is known, once', async () => {
    const source = new EventEmitter();
    const sent: unknown[] = [];
    const dispatch: InvokeDispatcher = async (channel, body) => {
      sent.push([channel, body]);
      return { ok: true, value: { cancelled: true } };
    };
    const printed: string[] = [];
    const watch = cancelOnInterrupt(dispatch, { err: (text) => printed.push(text) }, source);
    source.emit('SIGINT');
    source.emit('SIGINT');
    expect(sent).toEqual([]);
    const running: Operation = { id: 'op-3', kind: 'install', target: 'Debian', state: 'running', progress: null, message: 'Installing' };
    watch.seen(running);
    watch.seen({ ...running, progress: 0.5 });
    await new Promise((resolve) => setImmediate(resolve));
    expect(sent).toEqual([['operations:cancel', { id: 'op-3' }]]);
    expect(printed).toEqual(['Cancelling…']);
    expect(watch.interrupted()).toBe(true);
    watch.stop();
    expect(source.listenerCount('SIGINT')).toBe(0);
  });
});
