import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeWslOutput } from '../../../../../electron/services/wsl/cli/decode-output';
import { parseWslErrorCode } from '../../../../../electron/services/wsl/cli/parse-wsl-error';

const decoded = (name: string): string =>
  decodeWslOutput(fs.readFileSync(path.resolve(import.meta.dirname, '../../../../fixtures/wsl', name)));

describe('parseWslErrorCode', () => {
  it('reads the code after the English label', () => {
    expect(parseWslErrorCode(decoded('error-distro-not-found.utf16le.txt'))).toEqual({
      code: 'Wsl/Service/WSL_E_DISTRO_NOT_FOUND',
      tail: 'WSL_E_DISTRO_NOT_FOUND',
    });
  });

  it('reads the same code after the German label', () => {
    expect(parseWslErrorCode(decoded('error-distro-not-found-de.utf16le.txt'))?.tail).toBe('WSL_E_DISTRO_NOT_FOUND');
  });

  it('reads the code after a long multi-line message with URLs and quotes', () => {
    expect(parseWslErrorCode(decoded('error-virtualization.utf16le.txt'))).toEqual({
      code: 'Wsl/Service/CreateInstance/CreateVm/HCS/HCS_E_HYPERV_NOT_INSTALLED',
      tail: 'HCS_E_HYPERV_NOT_INSTALLED',
    });
  });

  it('reads a code with a label that has a no-break space and another script', () => {
    expect(parseWslErrorCode("Aucune distribution.\nCode d'erreur\u00A0: Wsl/Service/WSL_E_DISTRO_NOT_FOUND\n")?.tail).toBe(
      'WSL_E_DISTRO_NOT_FOUND',
    );
    expect(parseWslErrorCode('系统找不到指定的路径。\n错误代码: Wsl/ERROR_PATH_NOT_FOUND\n')?.code).toBe('Wsl/ERROR_PATH_NOT_FOUND');
  });

  it('reads an unnamed HRESULT printed as hex inside the path', () => {
    expect(parseWslErrorCode('Something failed.\nError code: Wsl/Service/0x8007054f\n')).toEqual({
      code: 'Wsl/Service/0x8007054f',
      tail: '0x8007054f',
    });
  });

  it('falls back to a bare hex code in legacy messages', () => {
    expect(parseWslErrorCode('WslRegisterDistribution failed with error: 0x80370102\nError: 0x80370102 The virtual machine could not be started.\n')).toEqual({
      code: '0x80370102',
      tail: '0x80370102',
    });
  });

  it('finds nothing in messages without a code (zero distros, the not-installed stub)', () => {
    expect(parseWslErrorCode(decoded('list-verbose-none.utf16le.txt'))).toBeNull();
    expect(parseWslErrorCode(decoded('list-verbose-none-de.utf16le.txt'))).toBeNull();
    expect(parseWslErrorCode(decoded('not-installed.utf16le.txt'))).toBeNull();
  });
});
