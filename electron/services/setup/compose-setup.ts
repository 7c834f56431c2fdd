import { openSimulatedPower } from '../docker/engine-lifecycle';
import type { EngineService } from '../docker/engine-service';
import type { Clock, EventSink, Logger } from '../ports';
import type { SettingsService } from '../settings/settings-service';
import { execFileRunner } from '../wsl/cli/process-runner';
import { resolveWslExe } from '../wsl/cli/wsl-cli-backend';
import { scenarioHost } from '../wsl/simulated/scenarios';
import { SimulatedWslBackend } from '../wsl/simulated/simulated-wsl-backend';
import type { WslBackend } from '../wsl/wsl-backend';
import type { WslService } from '../wsl/wsl-service';
import { SetupService } from './setup-service';
import { SimulatedSetupHost } from './simulated-setup-host';
import { WindowsSetupHost } from './windows-setup-host';

/** What the setup service is wired from in the composition root. */
export interface SetupWiring {
  dataDir: string;
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  backend: WslBackend;
  wsl: WslService;
  engine: EngineService;
  settings: SettingsService;
  events: EventSink;
  clock: Clock;
  logger: Logger;
}

/**
 * Switches the simulated engine off once when the simulated machine asks for it (a scenario without a running engine);
 * else makes sure its power file exists, so the setup checks reading it never create it in answer to a request.
 */
export function applyScenarioEnginePower(backend: SimulatedWslBackend, wiring: Pick<SetupWiring, 'dataDir' | 'clock' | 'logger'>): void {
  const power = openSimulatedPower(wiring.dataDir, wiring.clock, wiring.logger);
  if (!backend.machine().stopEngineAtStart) {
    power.read();
    return;
  }
  power.write({ running: false });
  backend.changeMachine((machine) => ({ ...machine, stopEngineAtStart: false }));
}

/** Builds the setup service over the simulated host's machine, or over the real Windows machine for the `cli` backend. */
export function createSetupService(wiring: SetupWiring): SetupService {
  const { backend, settings, engine } = wiring;
  if (backend instanceof SimulatedWslBackend) applyScenarioEnginePower(backend, wiring);
  const host =
    backend instanceof SimulatedWslBackend
      ? new SimulatedSetupHost(backend, scenarioHost().kernelVersion)
      : new WindowsSetupHost({ env: wiring.env, platform: wiring.platform, runner: execFileRunner, logger: wiring.logger, wslExe: resolveWslExe(wiring.env) });
  return new SetupService({
    dataDir: wiring.dataDir,
    facts: host,
    actions: host,
    wsl: { list: () => wiring.wsl.list(), install: (name) => wiring.wsl.install(name) },
    engine: { status: () => engine.status(), lifecycle: () => engine.lifecycle(), start: () => engine.startEngine(), stop: () => engine.stopEngine() },
    seen: {
      seen: () => settings.get().setup?.seen ?? false,
      markSeen: () => {
        const current = settings.get();
        settings.set({ ...current, setup: { seen: true } });
      },
    },
    events: wiring.events,
    clock: wiring.clock,
    logger: wiring.logger,
  });
}
