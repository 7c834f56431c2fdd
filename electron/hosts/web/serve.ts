import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { systemClock } from '../../services/ports';
import { composeServices } from '../common/compose-services';
import { openConfSettingsStore } from '../common/conf-settings-store';
import { createConsoleLogger } from '../common/console-logger';
import { createInvokeDispatcher } from '../common/invoke-dispatcher';
import { createInvokeHandlers } from '../common/invoke-handlers';
import { parsePort } from './parse-port';
import { DEFAULT_WEB_PORT, startWebHost } from './web-host';

const logger = createConsoleLogger('web');

async function main(): Promise<void> {
  const port = parsePort(process.argv.slice(2), process.env, DEFAULT_WEB_PORT);
  const services = composeServices({
    env: process.env,
    platform: process.platform,
    clock: systemClock,
    logger,
    openSettingsStore: openConfSettingsStore,
  });
  services.watch();
  const host = await startWebHost({
    dispatch: createInvokeDispatcher(createInvokeHandlers(services), logger),
    events: services.events,
    rendererDir: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../renderer'),
    logger,
    port,
    onClientGone: (clientId) => services.releaseClient(clientId),
    onClientFlow: (clientId, flowing) => services.streams.setFlow(clientId, flowing),
  });
  process.stdout.write(`Lightdock is running in your browser at ${host.url}\n`);
  const stop = (): void => {
    void host.close().finally(() => {
      services.dispose();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  const code = (error as NodeJS.ErrnoException).code;
  const message =
    code === 'EADDRINUSE'
      ? 'The browser host port is already in use; pass --port <n> or set LIGHTDOCK_PORT (0 picks a free port).'
      : error instanceof Error
        ? error.message
        : String(error);
  process.stderr.write(`lightdock: ${message}\n`);
  process.exit(1);
});
