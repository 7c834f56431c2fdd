#!/usr/bin/env node
import { silentLogger, systemClock } from '../../services/ports';
import { composeServices } from '../common/compose-services';
import { openConfSettingsStore } from '../common/conf-settings-store';
import { createInvokeDispatcher } from '../common/invoke-dispatcher';
import { createInvokeHandlers } from '../common/invoke-handlers';
import { runCli } from './cli-program';

const code = await runCli(
  process.argv.slice(2),
  () => {
    const services = composeServices({
      env: process.env,
      platform: process.platform,
      clock: systemClock,
      logger: silentLogger,
      openSettingsStore: openConfSettingsStore,
    });
    return {
      dispatch: createInvokeDispatcher(createInvokeHandlers(services), silentLogger),
      close: () => services.dispose(),
      events: services.events,
    };
  },
  { out: (text) => process.stdout.write(`${text}\n`), err: (text) => process.stderr.write(`${text}\n`) },
);
process.exitCode = code;
