import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLI_LOG_FILE, CLI_LOG_MAX_BYTES, CliLog } from '../../electron/hosts/cli/cli-log';
import { runLightdockCli } from '../../electron/hosts/cli/cli-main';
import { runCli } from '../../electron/hosts/cli/cli-program';
import { makeTempDir } from '../helpers/temp-dir';

const ROOT = path.resolve(import.meta.dirname, '../..');
const NOBODY = 65534;

let temp: ReturnType<typeof makeTempDir>;

/** Runs the CLI in this process and collects what it printed. */
async function lightdockIn(dataDir: string, ...argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runLightdockCli(
    argv,
    { env: { LIGHTDOCK_DATA_DIR: dataDir, LIGHTDOCK_WSL_BACKEND: 'simulated' }, platform: 'linux', homeDir: temp.dir },
    { out: (text) => out.push(text), err: (text) => err.push(text) },
  );
  return { code, out, err };
}

/**
 * Runs the CLI from source as a user who cannot write `dataDir` (as root, the test drops to `nobody`, since root
 * writes anywhere); the folder is made read-only first.
 */
function lightdockReadOnly(dataDir: string, ...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  fs.chmodSync(temp.dir, 0o755);
  fs.chmodSync(dataDir, 0o555);
  const asNobody = process.getuid?.() === 0 ? { uid: NOBODY, gid: NOBODY } : {};
  const env = { PATH: process.env['PATH'], LIGHTDOCK_DATA_DIR: dataDir, LIGHTDOCK_WSL_BACKEND: 'simulated', HOME: temp.dir };
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', path.join(ROOT, 'electron/hosts/cli/lightdock.ts'), ...argv],
      { cwd: ROOT, env, timeout: 20_000, ...asNobody },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => {
  fs.chmodSync(temp.dir, 0o700);
  for (const entry of fs.readdirSync(temp.dir)) fs.chmodSync(path.join(temp.dir, entry), 0o755);
  temp.cleanup();
});

describe('every CLI failure is one sentence on stderr, JSON on stdout with --json, exit 1', () => {
  it('when the data folder is a file', async () => {
    const dataDir = path.join(temp.dir, 'not-a-folder');
    fs.writeFileSync(dataDir, 'x');
    const json = await lightdockIn(dataDir, 'distros', 'list', '--json');
    expect(json.code).toBe(1);
    const error = (JSON.parse(json.out.join('\n')) as { error: { code: string; message: string } }).error;
    expect(error.code).toBe('UNAVAILABLE');
    expect(error.message).toMatch(new RegExp(`^Lightdock cannot use its data folder ${dataDir}: part of the path is a file, not a folder \\(.*, ENOTDIR\\)\\.$`));
    expect(json.err).toEqual([`lightdock: ${error.message}`]);

    const plain = await lightdockIn(dataDir, 'distros', 'list');
    expect(plain).toEqual({ code: 1, out: [], err: [`lightdock: ${error.message}`] });
    expect(fs.readFileSync(dataDir, 'utf8')).toBe('x');
  });

  it('when the data folder is read-only: the detail is printed, since the log cannot be written, and nothing changes', async () => {
    const dataDir = path.join(temp.dir, 'read-only');
    expect((await lightdockIn(dataDir, 'distros', 'list')).code).toBe(0);
    const before = fs.readFileSync(path.join(dataDir, 'simulated-host.json'), 'utf8');
    const { code, stdout, stderr } = await lightdockReadOnly(dataDir, 'distros', 'start', 'Debian', '--json');
    expect(code).toBe(1);
    const error = (JSON.parse(stdout) as { error: { code: string; message: string } }).error;
    expect(error.code).toBe('INTERNAL');
    expect(error.message).toMatch(/^distros:start failed unexpectedly: permission denied \(.*, EACCES\); the log at .* could not be written \(EACCES\)\.$/);
    expect(error.message).toContain(path.join(dataDir, CLI_LOG_FILE));
    expect(error.message).not.toMatch(/the log has the details/);
    expect(stderr).toBe(`lightdock: ${error.message}\n`);
    expect(fs.readFileSync(path.join(dataDir, 'simulated-host.json'), 'utf8')).toBe(before);
  });

  it('when a backend setting is not one Lightdock knows: the sentence names the accepted values', async () => {
    const dataDir = path.join(temp.dir, 'data');
    const out: string[] = [];
    const err: string[] = [];
    const code = await runLightdockCli(
      ['status'],
      { env: { LIGHTDOCK_DATA_DIR: dataDir, LIGHTDOCK_WSL_BACKEND: 'simulated', LIGHTDOCK_ENGINE: 'bogus' }, platform: 'linux', homeDir: temp.dir },
      { out: (text) => out.push(text), err: (text) => err.push(text) },
    );
    expect(code).toBe(1);
    expect(err.join('\n')).toContain('LIGHTDOCK_ENGINE must be');
    expect(err.join('\n')).toContain('"bogus"');
  });

  it('when a command throws, also with --json', async () => {
    // A value JSON cannot print makes the --json output throw; null makes the table formatter throw.
    const open = () => ({ dispatch: async () => ({ ok: true as const, value: 1n }), close: () => undefined });
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(['distros', 'list', '--json'], open, { out: (t) => out.push(t), err: (t) => err.push(t) });
    expect(code).toBe(1);
    const plainOpen = () => ({ dispatch: async () => ({ ok: true as const, value: null }), close: () => undefined });
    const plainErr: string[] = [];
    expect(await runCli(['distros', 'list'], plainOpen, { out: () => undefined, err: (t) => plainErr.push(t) })).toBe(1);
    expect(plainErr).toHaveLength(1);
    expect(err).toHaveLength(1);
    const printed = JSON.parse(out.join('\n')) as { error: { code: string; message: string } };
    expect(printed.error.code).toBe('INTERNAL');
    expect(err[0]).toBe(`lightdock: ${printed.error.message}`);
    expect(printed.error.message).toMatch(/^lightdock failed unexpectedly \(.+\)\.$/);
  });
});

describe('CliLog', () => {
  const internal = { code: 'INTERNAL' as const, message: 'distros:start failed unexpectedly; the log has the details.' };

  it('names its path when the detail is in the file, which holds the stack', () => {
    const log = new CliLog(path.join(temp.dir, 'data', CLI_LOG_FILE), () => new Date(Date.UTC(2026, 11, 1)));
    log.error('distros:start failed', new Error('disk on fire'));
    expect(log.explain(internal)).toEqual({ ...internal, message: `distros:start failed unexpectedly; the log at ${log.filePath} has the details.` });
    const text = fs.readFileSync(log.filePath, 'utf8');
    expect(text).toMatch(/^2026-12-01T00:00:00\.000Z error distros:start failed: disk on fire\nError: disk on fire\n {4}at /);
  });

  it('carries the detail on one line when the file cannot be written', () => {
    fs.writeFileSync(path.join(temp.dir, 'file'), '');
    const log = new CliLog(path.join(temp.dir, 'file', CLI_LOG_FILE));
    log.error('distros:start failed', new Error('first line\nsecond line'));
    expect(log.explain(internal).message).toBe(
      `distros:start failed unexpectedly: first line second line; the log at ${log.filePath} could not be written (EEXIST).`,
    );
  });

  it('says when nothing was logged, and leaves other failures alone', () => {
    const log = new CliLog(path.join(temp.dir, CLI_LOG_FILE));
    expect(log.explain(internal).message).toBe(`distros:start failed unexpectedly; no detail was logged (the log is ${log.filePath}).`);
    const notFound = { code: 'NOT_FOUND' as const, message: 'wsl.exe lists no distro named x.' };
    expect(log.explain(notFound)).toBe(notFound);
  });

  it('moves a full log aside before writing on', () => {
    const log = new CliLog(path.join(temp.dir, CLI_LOG_FILE));
    fs.writeFileSync(log.filePath, 'x'.repeat(CLI_LOG_MAX_BYTES + 1));
    log.warn('next');
    expect(fs.statSync(`${log.filePath}.1`).size).toBe(CLI_LOG_MAX_BYTES + 1);
    expect(fs.readFileSync(log.filePath, 'utf8')).toMatch(/ warn next\n$/);
  });
});
