import fs from 'node:fs';
import path from 'node:path';
import { ScenarioName } from '../../../../shared/model/host';
import type { Clock, Logger } from '../../ports';
import { SIMULATED_HOST_SCHEMA, SimulatedDistro, stoppedVm, type SimulatedHostState } from './host-state';
import { DEFAULT_SCENARIO, seedScenario } from './scenarios';
import { GIB } from '../wslconfig/wslconfig-values';
import { VHDX_OVERHEAD_BYTES } from './vm-model';

interface SchemaOneDistro {
  id: string;
  name: string;
  version: 1 | 2;
  state: string;
}

function isSchemaOne(value: unknown): value is { scenario?: unknown; defaultId?: unknown; distros: SchemaOneDistro[] } {
  const v = value as { schema?: unknown; distros?: unknown } | null;
  return typeof v === 'object' && v !== null && v.schema === 1 && Array.isArray(v.distros);
}

/**
 * Upgrades a schema-1 state file (distros only) to the current schema in place: distros keep their id,
 * name, version and state; the figures schema 1 did not have come from the scenario's seed when the
 * distro is one of its own, else from defaults. Logs a warning; anything else is left to the state file.
 */
export function migrateHostState(filePath: string, clock: Clock, logger: Logger): void {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(filePath, 'utf8'));
  } catch {
    return;
  }
  if (!isSchemaOne(json)) return;
  const scenario = ScenarioName.safeParse(json.scenario).success ? (json.scenario as ScenarioName) : DEFAULT_SCENARIO;
  const seed = seedScenario(scenario);
  const distros: SimulatedDistro[] = [];
  for (const old of json.distros) {
    const known = seed.distros.find((d) => d.id === old.id || d.name === old.name);
    const state = old.state === 'Running' ? 'Stopped' : old.state;
    const candidate = known
      ? { ...known, id: old.id, name: old.name, version: old.version, state, disk: old.version === 2 ? known.disk : null }
      : {
          id: old.id,
          name: old.name,
          version: old.version,
          state,
          disk: old.version === 2 ? { fileSizeBytes: GIB + VHDX_OVERHEAD_BYTES, maxSizeBytes: 1024 * GIB, sparse: false } : null,
        };
    const parsed = SimulatedDistro.safeParse(candidate);
    if (parsed.success) distros.push(parsed.data);
  }
  const defaultId = typeof json.defaultId === 'string' && distros.some((d) => d.id === json.defaultId) ? json.defaultId : (distros[0]?.id ?? null);
  const next: SimulatedHostState = { ...seed, schema: SIMULATED_HOST_SCHEMA, defaultId, distros, vm: stoppedVm(clock.now()) };
  const temp = `${filePath}.${process.pid}.tmp`;
  fs.writeFileSync(temp, `${JSON.stringify(next, null, 2)}\n`, 'utf8');
  fs.renameSync(temp, filePath);
  logger.warn(`${path.basename(filePath)} was written by an older Lightdock (schema 1); it was upgraded to schema ${SIMULATED_HOST_SCHEMA}, running distros are now stopped.`);
}
