import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const eslint = new ESLint({ cwd: root, overrideConfigFile: path.join(root, 'build/eslint.config.js') });

async function ruleIds(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).map((m) => m.ruleId ?? 'fatal');
}

describe('architecture fences in the lint config', () => {
  it('forbids electron in services and shared', async () => {
    expect(await ruleIds('electron/services/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toContain('no-restricted-imports');
    expect(await ruleIds('shared/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toContain('no-restricted-imports');
  });

  it('forbids Node built-ins in shared and the renderer', async () => {
    expect(await ruleIds('shared/x.ts', "import fs from 'node:fs';\nexport const a = fs;\n")).toContain('no-restricted-imports');
    expect(await ruleIds('renderer/src/x.ts', "import fs from 'node:fs';\nexport const a = fs;\n")).toContain('no-restricted-imports');
  });

  it('forbids shell strings, webSecurity: false and raw openExternal', async () => {
    expect(await ruleIds('electron/services/x.ts', "import { exec } from 'node:child_process';\nexec('wsl -l');\n")).toContain('no-restricted-syntax');
    expect(await ruleIds('electron/services/x.ts', "import { spawn } from 'node:child_process';\nspawn('wsl', [], { shell: true });\n")).toContain('no-restricted-syntax');
    expect(await ruleIds('electron/main/x.ts', 'export const o = { webSecurity: false };\n')).toContain('no-restricted-syntax');
    expect(await ruleIds('electron/main/x.ts', "declare const shell: { openExternal(u: string): void };\nshell.openExternal('https://x');\n")).toContain('no-restricted-syntax');
  });

  it('lets clean service code through', async () => {
    expect(await ruleIds('electron/services/x.ts', "import path from 'node:path';\nexport const a = path.sep;\n")).toEqual([]);
  });
});
