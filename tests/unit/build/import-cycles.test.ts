import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importCycles, importGraph, sourceFiles } from '../../helpers/import-graph';
import { makeTempDir } from '../../helpers/temp-dir';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The cycles among the source files under `dirs`, each as repository-relative paths. */
function cyclesUnder(...dirs: string[]): string[][] {
  const files = dirs.flatMap((dir) => sourceFiles(path.join(root, dir)));
  return importCycles(importGraph(files)).map((cycle) => cycle.map((file) => path.relative(root, file)));
}

describe('no import cycles', () => {
  it('finds a cycle through a type-only import, and none once it is broken by a module below both', () => {
    const temp = makeTempDir();
    try {
      const write = (name: string, text: string): void => fs.writeFileSync(path.join(temp.dir, name), text);
      write('program.ts', "import { register } from './commands';\nexport interface Io { out(text: string): void }\nexport const program = register;\n");
      write('commands.ts', "import type { Io } from './program';\nexport function register(io: Io): void { io.out('x'); }\n");
      write('leaf.ts', "import { program } from './program';\nexport const leaf = program;\n");
      const cycles = importCycles(importGraph(sourceFiles(temp.dir))).map((cycle) => cycle.map((file) => path.basename(file)));
      expect(cycles).toEqual([['commands.ts', 'program.ts']]);

      write('io.ts', 'export interface Io { out(text: string): void }\n');
      write('commands.ts', "import type { Io } from './io';\nexport function register(io: Io): void { io.out('x'); }\n");
      write('program.ts', "import { register } from './commands';\nexport const program = register;\n");
      expect(importCycles(importGraph(sourceFiles(temp.dir)))).toEqual([]);
    } finally {
      temp.cleanup();
    }
  });

  it('has none among the CLI host modules', () => {
    expect(cyclesUnder('electron/hosts/cli')).toEqual([]);
  });

  it('has none across electron/ and shared/', () => {
    expect(cyclesUnder('electron', 'shared')).toEqual([]);
  });

  it('has none across renderer/src and shared/', () => {
    expect(cyclesUnder('renderer/src', 'shared')).toEqual([]);
  });
});
