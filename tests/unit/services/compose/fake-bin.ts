import fs from 'node:fs';
import path from 'node:path';

/** Writes an executable `#!/bin/sh` script named `name` into `dir` (a temp PATH for Compose CLI tests). */
export function writeScript(dir: string, name: string, body: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, `#!/bin/sh\n${body}\n`, { mode: 0o755 });
  return file;
}

const TOOLS = ['sleep', 'cat', 'pwd', 'env'];

/**
 * The PATH of a fake-CLI test: the fake bin folder, then a folder with links to only the few system tools the
 * scripts use, so a real docker or docker-compose on the machine is never found.
 */
export function fakePath(binDir: string): string {
  const tools = `${binDir}-tools`;
  if (!fs.existsSync(tools)) {
    fs.mkdirSync(tools);
    for (const tool of TOOLS) {
      const found = ['/usr/bin', '/bin'].map((dir) => path.join(dir, tool)).find((candidate) => fs.existsSync(candidate));
      if (found !== undefined) fs.symlinkSync(found, path.join(tools, tool));
    }
  }
  return `${binDir}:${tools}`;
}
