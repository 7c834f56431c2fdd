// Starts the StrykerJS CLI (`npm run mutation`) on the Node this project supports (>=20.19). Stryker 10 declares
// node >=22 and its CLI refuses to start below that; everything `npm run mutation` uses (the vitest runner, the
// instrumenter, the reporters) runs on Node 20, so on Node 20/21 the guard is told 22 and nothing else changes.
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const coreDir = path.dirname(require.resolve('@stryker-mutator/core/package.json'));
if (Number(process.versions.node.split('.')[0]) < 22) {
  Object.defineProperty(process, 'version', { value: 'v22.0.0', enumerable: true });
}
const { StrykerCli } = await import(pathToFileURL(path.join(coreDir, 'dist/src/stryker-cli.js')).href);
new StrykerCli(process.argv).run();
