import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Distro } from '../../../../../shared/model/distro';
import type { ProcessRunner, RunResult } from '../../../../../electron/services/wsl/cli/process-runner';
import { WslCliBackend } from '../../../../../electron/services/wsl/cli/wsl-cli-backend';
import { RecordingLogger } from '../../../../helpers/recording';

const FIXTURES = path.resolve(import.meta.dirname, '../../../../fixtures/wsl');
const WSL_FAILURE = 4294967295;

/** A wsl.exe on Windows that answers each argument list with a captured output ('' prints nothing) and exit code. */
function capturedWsl(answers: Record<string, [fixture: string, exitCode: number]>): ProcessRunner {
  return {
    run: async (_file, args): Promise<RunResult> => {
      const answer = answers[args.join(' ')];
      if (!answer) throw new Error(`no capture for wsl.exe ${args.join(' ')}`);
      const stdout = answer[0] === '' ? Buffer.alloc(0) : fs.readFileSync(path.join(FIXTURES, answer[0]));
      return { stdout, stderr: Buffer.alloc(0), exitCode: answer[1], timedOut: false };
    },
  };
}

const list = (answers: Record<string, [string, number]>): Promise<Distro[]> =>
  new WslCliBackend({ env: {}, platform: 'win32', logger: new RecordingLogger(), runner: capturedWsl(answers) }).listDistros();

const row = (name: string, state: Distro['state'], version: 1 | 2, isDefault = false): Distro => ({ name, state, version, isDefault });

describe('WslCliBackend lists the right distros from real wsl.exe formats', () => {
  it('on German-locale Windows (header and states stay English)', async () => {
    expect(await list({ '--list --verbose': ['list-verbose-de.utf16le.txt', 0] })).toEqual([
      row('Debian-IPv6', 'Running', 2, true),
      row('Debian', 'Running', 2),
      row('Ubuntu-22.04', 'Stopped', 2),
    ]);
  });

  it('with zero distros, in English and German, confirmed by an empty -l -q', async () => {
    for (const message of ['list-verbose-none.utf16le.txt', 'list-verbose-none-de.utf16le.txt', 'list-verbose-none.utf8.txt']) {
      expect(await list({ '--list --verbose': [message, WSL_FAILURE], '--list --quiet': ['', 0] })).toEqual([]);
    }
  });

  it('with WSL1 and WSL2 distros mixed', async () => {
    expect(await list({ '--list --verbose': ['list-verbose-mixed.utf16le.txt', 0] })).toEqual([
      row('Ubuntu', 'Stopped', 2, true),
      row('OtherDistro', 'Running', 1),
      row('rancher-desktop-data', 'Stopped', 2),
      row('rancher-desktop', 'Stopped', 2),
    ]);
  });

  it('with every state word wsl.exe prints', async () => {
    expect(await list({ '--list --verbose': ['list-verbose-all-states.utf16le.txt', 0] })).toEqual([
      row('Debian', 'Stopped', 2, true),
      row('Ubuntu-24.04', 'Running', 2),
      row('openSUSE-Tumbleweed', 'Installing', 2),
      row('kali-linux', 'Uninstalling', 2),
      row('Legacy-Alpine', 'Converting', 1),
      row('AlmaLinux-9', 'Exporting', 2),
    ]);
  });

  it('with the old builds\u2019 \\r\\r\\n line ends and in UTF-8 under WSL_UTF8=1', async () => {
    expect(await list({ '--list --verbose': ['list-verbose-old-crcrlf.utf16le.txt', 0] })).toEqual([row('Ubuntu', 'Stopped', 1, true)]);
    expect(await list({ '--list --verbose': ['list-verbose-ready.utf8.txt', 0] })).toEqual(await list({ '--list --verbose': ['list-verbose-ready.utf16le.txt', 0] }));
  });
});

describe('WslCliBackend VM kernel on an inbox wsl.exe', () => {
  it('falls back from a rejected --version to the kernel line of --status', async () => {
    const runner = capturedWsl({
      '--list --verbose': ['list-verbose-old-crcrlf.utf16le.txt', 0],
      '--version': ['version-inbox.utf16le.txt', WSL_FAILURE],
      '--status': ['status-inbox.utf16le.txt', 0],
    });
    const cli = new WslCliBackend({
      env: { LIGHTDOCK_WSLCONFIG: path.join(FIXTURES, 'missing', '.wslconfig') },
      platform: 'win32',
      logger: new RecordingLogger(),
      runner,
      hostMemoryBytes: 8 * 1024 ** 3,
      hostProcessors: 4,
    });
    expect((await cli.vmInfo()).kernel.version).toBe('5.10.16');
  });
});
