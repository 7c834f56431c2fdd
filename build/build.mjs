// Builds every bundle: renderer (browser), preload (one CJS file for the sandbox), and the Node entries
// of the three hosts (Electron main, browser host, CLI). Output goes to out/.
import { build } from 'vite';
import react from '@vitejs/plugin-react';
import { listPageChunkName } from './list-page-chunks.mjs';
import { chmodSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = (dir) => path.join(root, 'out', dir);
const quiet = { logLevel: 'warn', configFile: false, root };

/** A Node bundle: dependencies stay in node_modules, our own code is bundled. */
async function buildNode(entry, dir, fileName, format = 'es', external = []) {
  await build({
    ...quiet,
    build: {
      ssr: path.join(root, entry),
      outDir: out(dir),
      emptyOutDir: true,
      target: 'node20',
      sourcemap: true,
      rollupOptions: {
        external,
        output: { format, entryFileNames: fileName },
      },
    },
  });
}

await build({
  ...quiet,
  root: path.join(root, 'renderer'),
  base: './',
  plugins: [react()],
  // The manifest (.vite/manifest.json) maps each source to its chunk and static imports: the bench's first-page bytes.
  build: {
    outDir: out('renderer'),
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: true,
    manifest: true,
    chunkSizeWarningLimit: 2000,
    // The entry's whole static graph ('$initial') in one file: the same bytes as its twenty shared chunks, in one
    // request instead of four rounds of six (the browser host speaks HTTP/1.1). The list pages' code in one file per
    // set of list pages that shares it (see list-page-chunks.mjs); other pages and lazy parts split as before.
    rollupOptions: {
      output: {
        codeSplitting: {
          // Each module goes where its own group names it; by default a group also takes its modules' dependencies,
          // which would put every module the list pages share into whichever list chunk is formed first.
          includeDependenciesRecursively: false,
          groups: [
            { name: 'shell', tags: ['$initial'], priority: 2 },
            {
              name: listPageChunkName({
                c: path.join(root, 'renderer/src/pages/ContainersPage.tsx'),
                d: path.join(root, 'renderer/src/pages/DistrosPage.tsx'),
                i: path.join(root, 'renderer/src/pages/ImagesPage.tsx'),
              }),
              debugName: 'list pages',
              priority: 1,
            },
          ],
        },
      },
    },
  },
});
await build({
  ...quiet,
  ssr: { noExternal: true },
  build: {
    ssr: path.join(root, 'electron/preload/index.ts'),
    outDir: out('preload'),
    emptyOutDir: true,
    target: 'node20',
    rollupOptions: { external: ['electron'], output: { format: 'cjs', entryFileNames: 'index.cjs' } },
  },
});
await buildNode('electron/main/index.ts', 'main', 'index.js', 'es', ['electron']);
await buildNode('electron/hosts/web/serve.ts', 'web', 'serve.js');
await buildNode('electron/hosts/cli/lightdock.ts', 'cli', 'lightdock.js');
chmodSync(path.join(out('cli'), 'lightdock.js'), 0o755);
console.log('built out/renderer, out/preload, out/main, out/web, out/cli');
