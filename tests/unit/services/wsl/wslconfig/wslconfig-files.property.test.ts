import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WslCliBackend } from '../../../../../electron/services/wsl/cli/wsl-cli-backend';
import { SIMULATED_PROFILE_DIR, SimulatedWslBackend } from '../../../../../electron/services/wsl/simulated/simulated-wsl-backend';
import type { WslBackend } from '../../../../../electron/services/wsl/wsl-backend';
import { WslService } from '../../../../../electron/services/wsl/wsl-service';
import { parseWslConfig } from '../../../../../electron/services/wsl/wslconfig/wslconfig-document';
import { ManualClock, RecordingEventSink, RecordingLogger } from '../../../../helpers/recording';
import { makeTempDir } from '../../../../helpers/temp-dir';
import { vmInfo } from '../../../../helpers/vm-info';

/** How a generated document is stored; the test encodes it itself, independently of the code under test. */
type Form = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16le-bom' | 'utf-16be' | 'utf-16be-bom' | 'windows-1252';
const FORMS: Form[] = ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16le-bom', 'utf-16be', 'utf-16be-bom', 'windows-1252'];

/** windows-1252 bytes of the non-ASCII characters the generator uses for that code page. */
const CP1252: Record<string, number> = { é: 0xe9, ü: 0xfc, ß: 0xdf, '€': 0x80, Œ: 0x8c, '™': 0x99, '\u00a0': 0xa0 };
const WIDE = ['é', 'ü', '€', '中', '😀', 'Ω'];

function encodeAs(text: string, form: Form): Buffer {
  switch (form) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-8-bom':
      return Buffer.from(`\uFEFF${text}`, 'utf8');
    case 'utf-16le':
      return Buffer.from(text, 'utf16le');
    case 'utf-16le-bom':
      return Buffer.from(`\uFEFF${text}`, 'utf16le');
    case 'utf-16be':
      return Buffer.from(text, 'utf16le').swap16();
    case 'utf-16be-bom':
      return Buffer.from(`\uFEFF${text}`, 'utf16le').swap16();
    case 'windows-1252':
      return Buffer.from(Array.from(text, (c) => CP1252[c] ?? c.charCodeAt(0)));
  }
}

/** How a file written in `form` with `text` is rewritten: an empty file or an ASCII-only windows-1252 one is indistinguishable from UTF-8. */
function storedAs(form: Form, text: string): 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' {
  if (text === '' && !form.endsWith('-bom')) return 'utf-8';
  if (form === 'windows-1252' && Array.from(text).every((c) => c.charCodeAt(0) < 0x80)) return 'utf-8';
  return form === 'utf-8-bom' ? 'utf-8' : form === 'utf-16le-bom' ? 'utf-16le' : form === 'utf-16be-bom' ? 'utf-16be' : form;
}

/** The test's own decoder for a charset (strict: bytes that are not valid in it fail the test). */
function decodeAs(bytes: Buffer, charset: ReturnType<typeof storedAs>): string {
  if (charset !== 'windows-1252') return new TextDecoder(charset, { fatal: true, ignoreBOM: true }).decode(bytes);
  const byByte = new Map(Object.entries(CP1252).map(([c, b]) => [b, c]));
  return Array.from(bytes, (b) => byByte.get(b) ?? String.fromCharCode(b)).join('');
}

/** Characters for free text in a form: ASCII, plus what the form can hold; a non-ASCII windows-1252 character is always followed by ASCII so the bytes are not valid UTF-8. */
function textOf(form: Form, maxLength: number): fc.Arbitrary<string> {
  const ascii = fc.constantFrom('a', 'B', 'z', '0', '9', ' ', '-', '=', '.', ',', '/');
  const special = form === 'windows-1252' ? fc.constantFrom(...Object.keys(CP1252).map((c) => `${c}x`)) : fc.constantFrom(...WIDE);
  return fc.array(fc.oneof({ weight: 8, arbitrary: ascii }, { weight: 1, arbitrary: special }), { maxLength }).map((parts) => parts.join(''));
}

const EOL = fc.constantFrom('\r\n', '\n', '\r');

/** One physical line of a `.wslconfig`, without its terminator. */
function lineOf(form: Form): fc.Arbitrary<string> {
  const text = textOf(form, 20);
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom('[wsl2]', '[experimental]', '[Wsl2]', '  [wsl2]  ', '[general]') },
    { weight: 4, arbitrary: fc.tuple(fc.constantFrom('memory', 'Memory', 'swap', 'kernelCommandLine', 'autoMemoryReclaim', 'foo'), fc.constantFrom('=', ' = ', '\t=  '), fc.constantFrom('4GB', '2GB', 'quiet', '"a # b"', 'gradual', 'x \\')).map(([k, s, v]) => `${k}${s}${v}`) },
    { weight: 2, arbitrary: text.map((t) => `# ${t}`) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom('memory', 'kernelCommandLine', 'foo'), text, fc.constantFrom('', '   ', '\t', ' # c')).map(([k, v, tail]) => `${k}=${v.trim()}${tail}`) },
    { weight: 1, arbitrary: fc.constantFrom('', '  ', '\t') },
    { weight: 1, arbitrary: fc.constantFrom(`#${'x'.repeat(100_000)}`, `foo=${'y'.repeat(100_000)}`) },
  );
}

/** A whole document: lines with their own terminators (mixed), the last one possibly unterminated. */
function documentOf(form: Form): fc.Arbitrary<string> {
  return fc
    .tuple(fc.array(fc.tuple(lineOf(form), EOL), { maxLength: 12 }), fc.option(lineOf(form)))
    .map(([lines, last]) => lines.map(([l, e]) => l + e).join('') + (last ?? ''));
}

/** A key and a value the service accepts for it, in characters the form can hold. */
function settingOf(form: Form): fc.Arbitrary<[string, string]> {
  const free = fc.tuple(textOf(form, 30), fc.constantFrom('', ' ', '  ', '#', '"', '\\', '\t', ' # x')).map(([t, extra]) => `${extra}${t}${extra}`);
  return fc.oneof(
    fc.tuple(fc.constant('wsl2.memory'), fc.constantFrom('1GB', '512MB', '8GB')),
    fc.tuple(fc.constant('wsl2.swap'), fc.constantFrom('0', '2GB')),
    fc.tuple(fc.constant('experimental.autoMemoryReclaim'), fc.constantFrom('gradual', 'dropCache', 'disabled')),
    fc.tuple(fc.constant('wsl2.kernelCommandLine'), free.filter((v) => v.trim() !== '')),
  );
}

const caseOf = fc.constantFrom(...FORMS).chain((form) => fc.record({ form: fc.constant(form), text: documentOf(form), setting: settingOf(form) }));

/** Share of UTF-16 code units below U+0100 (those have a zero byte): what detecting UTF-16 without a BOM relies on. */
function latinShare(text: string): number {
  if (text.length === 0) return 1;
  let latin = 0;
  for (let i = 0; i < text.length; i += 1) if (text.charCodeAt(i) < 0x100) latin += 1;
  return latin / text.length;
}

function commonPrefix(a: Buffer, b: Buffer): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  return i;
}

function commonSuffix(a: Buffer, b: Buffer): number {
  let i = 0;
  while (i < a.length && i < b.length && a[a.length - 1 - i] === b[b.length - 1 - i]) i += 1;
  return i;
}

let temp: ReturnType<typeof makeTempDir>;
beforeAll(() => {
  temp = makeTempDir();
});
afterAll(() => temp.cleanup());

/** A service over a real backend whose `.wslconfig` is at the returned path (the cli one with the VM answered without wsl.exe). */
function serviceFor(kind: 'cli' | 'simulated', dir: string): { service: WslService; file: string } {
  if (kind === 'simulated') {
    const backend = new SimulatedWslBackend(dir, 'ready', new ManualClock(), new RecordingLogger(), { sleep: async () => undefined });
    return { service: new WslService(backend, new RecordingEventSink(), new RecordingLogger()), file: path.join(dir, SIMULATED_PROFILE_DIR, '.wslconfig') };
  }
  const file = path.join(dir, 'profile', '.wslconfig');
  const cli = new WslCliBackend({
    env: { PATH: process.env['PATH'], LIGHTDOCK_WSLCONFIG: file, LIGHTDOCK_WSL_EXE: path.join(dir, 'no-wsl.exe'), LIGHTDOCK_DATA_DIR: dir },
    platform: 'linux',
    logger: new RecordingLogger(),
    clock: new ManualClock(),
    hostMemoryBytes: 32 * 1024 ** 3,
    hostProcessors: 16,
  });
  const backend: WslBackend = Object.assign(Object.create(cli) as WslCliBackend, {
    vmInfo: async () => vmInfo('Stopped', 0),
    listDistros: async () => [],
    watchExternalChanges: () => () => undefined,
  });
  return { service: new WslService(backend, new RecordingEventSink(), new RecordingLogger()), file };
}

describe.each([
  ['cli', 120],
  ['simulated', 50],
] as const)('.wslconfig files through the %s backend (property)', (kind, numRuns) => {
  it('set then get round-trips, the encoding stays, and every byte outside the changed line is kept', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(caseOf, async ({ form, text, setting: [key, value] }) => {
        fc.pre(!form.startsWith('utf-16') || form.endsWith('-bom') || latinShare(text) >= 0.5);
        run += 1;
        const { service, file } = serviceFor(kind, path.join(temp.dir, `${kind}-${run}`));
        const before = encodeAs(text, form);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, before);
        const entry = parseWslConfig(text).entries.find((e) => e.key === key.toLowerCase());

        await service.setWslConfig(key, value);
        const after = fs.readFileSync(file);
        expect((await service.wslConfig()).settings.find((s) => s.key === key)?.value).toBe(value);

        const bom = form.endsWith('-bom') ? '\uFEFF' : '';
        const stored = storedAs(form, text);
        const decoded = decodeAs(after, stored);
        expect(encodeAs(decoded, stored).equals(after)).toBe(true);
        expect(decoded.startsWith(bom)).toBe(true);
        expect(parseWslConfig(decoded).entries.find((e) => e.key === key.toLowerCase())?.value).toBe(value);
        if (entry) {
          const lines = text.split(/(?<=\r\n|\n|\r(?!\n))/);
          const last = lines[entry.endLine - 1] ?? '';
          const headBytes = encodeAs(bom + lines.slice(0, entry.line - 1).join(''), stored);
          const tailBytes = encodeAs((/\r\n$|\n$|\r$/.exec(last)?.[0] ?? '') + lines.slice(entry.endLine).join(''), stored);
          expect(after.subarray(0, headBytes.length).equals(headBytes)).toBe(true);
          expect(after.subarray(after.length - tailBytes.length).equals(tailBytes)).toBe(true);
        } else {
          expect(commonPrefix(before, after) + commonSuffix(before, after)).toBeGreaterThanOrEqual(before.length);
        }
      }),
      { numRuns },
    );
  }, 120_000);
});
