import fs from 'node:fs';
import path from 'node:path';
import { SimulatedEngineState, type SimulatedContainer, type SimulatedImage } from '../../electron/services/docker/simulated/engine-state';
import { seedEngineState, simulatedId } from '../../electron/services/docker/simulated/seed-engine';
import { SIMULATED_ENGINE_FILE } from '../../electron/services/docker/simulated/simulated-engine';
import { SimulatedHostState } from '../../electron/services/wsl/simulated/host-state';
import { seedScenario } from '../../electron/services/wsl/simulated/scenarios';
import { SIMULATED_HOST_FILE } from '../../electron/services/wsl/simulated/simulated-wsl-backend';
import { benchDataDir } from './bench-services';

/**
 * A data directory whose simulated engine holds exactly `count` containers: clones of the seed's standalone and
 * Compose containers (running and exited, grouped in projects of 50), each with its own id, name, pids and inodes.
 * With `allLists`, the engine also holds `count` images (the seed's and tagged clones) and the simulated WSL host
 * `count` distros (clones of the ready scenario's, each with its own name and id).
 */
export function seededDataDir(count: number, allLists = false): string {
  const dataDir = benchDataDir(`render-${count}`);
  const now = Date.now();
  const seed = seedEngineState(now);
  const templates = seed.containers.filter((container) => container.network.mode !== 'container');
  const containers: SimulatedContainer[] = Array.from({ length: count }, (_, index) => {
    const template = templates[index % templates.length] as SimulatedContainer;
    const name = `${template.name}-${String(index).padStart(4, '0')}`;
    const project = template.labels['com.docker.compose.project'];
    const labels = project === undefined ? { ...template.labels } : { ...template.labels, 'com.docker.compose.project': `proj-${Math.floor(index / 50)}` };
    return {
      ...template,
      id: simulatedId('container', name),
      name,
      labels,
      runs: template.runs.map((run, runIndex) => ({ ...run, hostPid: 10_000 + index * 16 + runIndex * 4, inodeBase: 4_026_600_000 + index * 32 + runIndex * 8 })),
    };
  });
  const images: SimulatedImage[] = allLists
    ? [
        ...seed.images,
        ...Array.from({ length: Math.max(0, count - seed.images.length) }, (_, index) => ({
          id: simulatedId('image', `bench-${index}`),
          tags: [`bench/app-${String(index).padStart(4, '0')}:1.${index % 10}`],
          sizeBytes: 10_000_000 + index * 4_096,
          created: Math.floor(now / 1000) - index * 3_600,
        })),
      ].slice(0, count)
    : seed.images;
  if (allLists) writeDistros(dataDir, count);
  const state = SimulatedEngineState.parse({
    ...seed,
    images,
    containers,
    nextHostPid: 10_000 + count * 16 + 16,
    nextInode: 4_026_600_000 + count * 32 + 32,
  });
  fs.writeFileSync(path.join(dataDir, SIMULATED_ENGINE_FILE), `${JSON.stringify(state)}\n`);
  return dataDir;
}

/** Writes a simulated WSL host (the ready scenario) holding `count` distros, cloned from its three with their own names and ids. */
function writeDistros(dataDir: string, count: number): void {
  const host = seedScenario('ready');
  const distros = Array.from({ length: count }, (_, index) => {
    const template = host.distros[index % host.distros.length] as (typeof host.distros)[number];
    return { ...template, id: `{${String(index).padStart(8, '0')}-0000-4000-8000-000000000000}`, name: `${template.name}-${String(index).padStart(4, '0')}` };
  });
  const state = SimulatedHostState.parse({ ...host, distros, defaultId: distros[0]?.id ?? null });
  fs.writeFileSync(path.join(dataDir, SIMULATED_HOST_FILE), `${JSON.stringify(state)}\n`);
}
