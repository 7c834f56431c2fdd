import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { VmInfo } from '../../../../../shared/model/vm';
import { WslCliBackend } from '../../../../../electron/services/wsl/cli/wsl-cli-backend';
import { SIMULATED_PROFILE_DIR, SimulatedWslBackend } from '../../../../../electron/services/wsl/simulated/simulated-wsl-backend';
import type { WslBackend } from '../../../../../electron/services/wsl/wsl-backend';
import { WslService } from '../../../../../electron/services/wsl/wsl-service';
import { ManualClock, RecordingEventSink, RecordingLogger } from '../../../../helpers/recording';
import { rejection } from '../../../../helpers/service-error';
import { makeTempDir } from '../../../../helpers/temp-dir';
import { vmInfo } from '../../../../helpers/vm-info';

const GIB = 1024 ** 3;
let temp: ReturnType<typeof makeTempDir>;

beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.cleanup());

/** Overrides of the VM side of a backend; `.wslconfig` reading and writing stay the real backend's. */
interface VmSide {
  vmInfo?: () => Promise<VmInfo>;
}

/** A real backend of the given kind whose `.wslconfig` is at the returned path; the cli one answers the VM from `vm` instead of wsl.exe. */
function makeBackend(kind: 'cli' | 'simulated', vm: VmSide = {}): { backend: WslBackend; file: string } {
  if (kind === 'simulated') {
    const simulated = new SimulatedWslBackend(temp.dir, 'ready', new ManualClock(), new RecordingLogger(), { sleep: async () => undefined });
    const backend: WslBackend = vm.vmInfo ? Object.assign(Object.create(simulated) as SimulatedWslBackend, { vmInfo: vm.vmInfo }) : simulated;
    return { backend, file: path.join(temp.dir, SIMULATED_PROFILE_DIR, '.wslconfig') };
  }
  const file = path.join(temp.dir, 'profile', '.wslconfig');
  const cli = new WslCliBackend({
    env: { PATH: process.env['PATH'], LIGHTDOCK_WSLCONFIG: file, LIGHTDOCK_WSL_EXE: path.join(temp.dir, 'no-wsl.exe'), LIGHTDOCK_DATA_DIR: temp.dir },
    platform: 'linux',
    logger: new RecordingLogger(),
    clock: new ManualClock(),
    hostMemoryBytes: 32 * GIB,
    hostProcessors: 16,
  });
  const backend = Object.assign(Object.create(cli) as WslCliBackend, {
    vmInfo: vm.vmInfo ?? (async () => vmInfo('Stopped', 0)),
    listDistros: async () => [],
    watchExternalChanges: () => () => undefined,
  });
  return { backend, file };
}

function serviceFor(backend: WslBackend, logger = new RecordingLogger()): WslService {
  return new WslService(backend, new RecordingEventSink(), logger);
}

function writeFile(file: string, bytes: Buffer): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, bytes);
}

const utf16le = (text: string): Buffer => Buffer.from(text, 'utf16le');
const utf16be = (text: string): Buffer => Buffer.from(text, 'utf16le').swap16();
const BOM_LE = Buffer.from([0xff, 0xfe]);
const BOM_BE = Buffer.from([0xfe, 0xff]);
const BOM_UTF8 = Buffer.from([0xef, 0xbb, 0xbf]);

async function getValue(service: WslService, key: string): Promise<string | null | undefined> {
  return (await service.wslConfig()).settings.find((s) => s.key === key)?.value;
}

describe.each(['cli', 'simulated'] as const)('the %s backend with .wslconfig in its own encoding', (kind) => {
  it.each([
    ['UTF-16 LE with a BOM', (t: string) => Buffer.concat([BOM_LE, utf16le(t)])],
    ['UTF-16 BE with a BOM', (t: string) => Buffer.concat([BOM_BE, utf16be(t)])],
    ['UTF-16 LE without a BOM', utf16le],
    ['UTF-16 BE without a BOM', utf16be],
    ['UTF-8 with a BOM', (t: string) => Buffer.concat([BOM_UTF8, Buffer.from(t, 'utf8')])],
  ])('reads a set key from %s, and a set keeps the encoding and every other byte', async (_label, encode) => {
    const { backend, file } = makeBackend(kind);
    const service = serviceFor(backend);
    writeFile(file, encode('# mine\r\n[wsl2]\r\nmemory=4GB\r\n'));
    expect(await getValue(service, 'wsl2.memory')).toBe('4GB');
    await service.setWslConfig('wsl2.swap', '2GB');
    expect(fs.readFileSync(file)).toEqual(encode('# mine\r\n[wsl2]\r\nmemory=4GB\r\nswap=2GB\r\n'));
    expect(await getValue(service, 'wsl2.swap')).toBe('2GB');
  });

  it('keeps windows-1252 (ANSI) bytes: é and € stay single bytes and read as themselves', async () => {
    const { backend, file } = makeBackend(kind);
    const service = serviceFor(backend);
    const ansi = (t: string): Buffer => Buffer.from(Array.from(t, (c) => (c === '€' ? 0x80 : c.charCodeAt(0))));
    writeFile(file, ansi('# café 5€\n[wsl2]\nkernelCommandLine=é\n'));
    expect(await getValue(service, 'wsl2.kernelCommandLine')).toBe('é');
    await service.setWslConfig('wsl2.kernelCommandLine', 'quiet € né');
    expect(fs.readFileSync(file)).toEqual(ansi('# café 5€\n[wsl2]\nkernelCommandLine=quiet € né\n'));
    expect(await getValue(service, 'wsl2.kernelCommandLine')).toBe('quiet € né');
  });

  it('refuses a value the code page cannot hold, leaving the file unchanged', async () => {
    const { backend, file } = makeBackend(kind);
    const service = serviceFor(backend);
    const before = Buffer.from('[wsl2]\nkernelCommandLine=caf\xe9\n', 'latin1');
    writeFile(file, before);
    const error = await rejection(service.setWslConfig('wsl2.kernelCommandLine', 'Łódź'));
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toContain('windows-1252');
    expect(error.message).toContain('U+0141');
    expect(fs.readFileSync(file)).toEqual(before);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['.wslconfig']);
  });

  it('refuses to rewrite a file with a UTF-16 BOM that is not valid UTF-16, leaving it unchanged', async () => {
    const { backend, file } = makeBackend(kind);
    const service = serviceFor(backend);
    const before = Buffer.concat([BOM_LE, utf16le('[wsl2]\nmemory=4GB\n'), Buffer.from([0x00, 0xd8, 0x41])]);
    writeFile(file, before);
    const error = await rejection(service.setWslConfig('wsl2.swap', '2GB'));
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toContain('not valid UTF-16 LE');
    expect(fs.readFileSync(file)).toEqual(before);
  });

  it('keeps a UTF-8 BOM through a set (the cli backend used to drop it)', async () => {
    const { backend, file } = makeBackend(kind);
    const service = serviceFor(backend);
    writeFile(file, Buffer.from('\uFEFF[wsl2]\r\nmemory=4GB\r\n', 'utf8'));
    await service.setWslConfig('wsl2.memory', '6GB');
    expect(fs.readFileSync(file)).toEqual(Buffer.from('\uFEFF[wsl2]\r\nmemory=6GB\r\n', 'utf8'));
  });

  it('writes a new file as UTF-8 without a BOM', async () => {
    const { backend, file } = makeBackend(kind);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await serviceFor(backend).setWslConfig('wsl2.memory', '4GB');
    expect(fs.readFileSync(file)).toEqual(Buffer.from('[wsl2]\nmemory=4GB\n', 'utf8'));
  });

  it('changes nothing and says so when the VM cannot be read before the write', async () => {
    const { backend, file } = makeBackend(kind, {
      vmInfo: async () => {
        throw new Error('the VM is unreachable');
      },
    });
    const before = Buffer.from('[wsl2]\nmemory=4GB\n', 'utf8');
    writeFile(file, before);
    await expect(serviceFor(backend).setWslConfig('wsl2.memory', '8GB')).rejects.toThrow('the VM is unreachable');
    expect(fs.readFileSync(file)).toEqual(before);
  });

  it('reports a written change as done when only the event push after it fails, and logs that', async () => {
    let calls = 0;
    const { backend, file } = makeBackend(kind, {
      vmInfo: async () => {
        calls += 1;
        if (calls > 1) throw new Error('the VM went away');
        return vmInfo('Stopped', 0);
      },
    });
    writeFile(file, Buffer.from('[wsl2]\nmemory=4GB\n', 'utf8'));
    const logger = new RecordingLogger();
    const result = await serviceFor(backend, logger).setWslConfig('wsl2.memory', '8GB');
    expect(result.restartNeeded).toBe(false);
    expect(result.view.settings.find((s) => s.key === 'wsl2.memory')?.value).toBe('8GB');
    expect(fs.readFileSync(file, 'utf8')).toBe('[wsl2]\nmemory=8GB\n');
    expect(logger.lines.some((l) => l.level === 'warn' && l.message.includes('.wslconfig change'))).toBe(true);
  });
});
