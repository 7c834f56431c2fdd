import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../../../../electron/services/ports';
import type { ProcessRunner } from '../../../../../electron/services/wsl/cli/process-runner';
import { WslEngineHost, engineServiceArgs } from '../../../../../electron/services/wsl/cli/wsl-engine-host';
import { SimulatedWslBackend } from '../../../../../electron/services/wsl/simulated/simulated-wsl-backend';
import { RecordingLogger } from '../../../../helpers/recording';
import { rejection } from '../../../../helpers/service-error';
import { makeTempDir } from '../../../../helpers/temp-dir';

const FAKE_WSL = path.resolve(import.meta.dirname, '../../../../helpers/fake-wsl/wsl.mjs');

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.cleanup());

describe('WslEngineHost', () => {
  it('runs `wsl.exe -d <distro> -u root --exec service docker start` as an argument array against the fake wsl.exe', async () => {
    const seeder = new SimulatedWslBackend(temp.dir, 'ready', systemClock, new RecordingLogger(), { sleep: async () => undefined });
    await seeder.listDistros();
    const log = path.join(temp.dir, 'calls.jsonl');
    const host = new WslEngineHost({
      env: { PATH: process.env['PATH'], LIGHTDOCK_WSL_EXE: FAKE_WSL, LIGHTDOCK_DATA_DIR: temp.dir, FAKE_WSL_LOG: log },
      platform: 'linux',
      logger: new RecordingLogger(),
      engineDistro: async () => 'Ubuntu-24.04',
    });
    // The double runs only /bin/true and /bin/sh -c inside a distro, so `service` fails there with 127: the
    // call's shape and the failure sentence are what this checks.
    const error = await rejection(host.start());
    expect(error.code).toBe('UNAVAILABLE');
    expect(error.message).toBe('Could not start the Docker service in Ubuntu-24.04 (service docker start exited with 127).');
    const calls = fs.readFileSync(log, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { argv: string[]; utf8: unknown });
    expect(calls.map((call) => call.argv)).toEqual([['-d', 'Ubuntu-24.04', '-u', 'root', '--exec', 'service', 'docker', 'start']]);
  });

  it('succeeds on exit 0 and stops with the same shape', async () => {
    const seen: { file: string; args: readonly string[]; utf8: string | undefined; timeoutMs: number }[] = [];
    const runner: ProcessRunner = {
      run: async (file, args, options) => {
        seen.push({ file, args, utf8: options.env['WSL_UTF8'], timeoutMs: options.timeoutMs });
        return { stdout: Buffer.alloc(0), stderr: Buffer.alloc(0), exitCode: 0, timedOut: false };
      },
    };
    const host = new WslEngineHost({ env: { SystemRoot: 'C:\\Windows' }, platform: 'win32', logger: new RecordingLogger(), engineDistro: async () => 'Debian', runner, timeoutMs: 9_000 });
    await host.stop();
    expect(seen).toEqual([{ file: 'C:\\Windows\\System32\\wsl.exe', args: engineServiceArgs('Debian', 'stop'), utf8: '1', timeoutMs: 9_000 }]);
  });

  it('refuses in one sentence when there is no distro, running nothing', async () => {
    let ran = false;
    const runner: ProcessRunner = {
      run: async () => {
        ran = true;
        return { stdout: Buffer.alloc(0), stderr: Buffer.alloc(0), exitCode: 0, timedOut: false };
      },
    };
    const host = new WslEngineHost({ env: {}, platform: 'win32', logger: new RecordingLogger(), engineDistro: async () => null, runner });
    const error = await rejection(host.start());
    expect([error.code, error.message]).toEqual(['NOT_FOUND', 'There is no WSL distro to start the Docker engine in; install one first.']);
    expect(ran).toBe(false);
  });
});
