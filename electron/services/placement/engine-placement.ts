import type { Distro } from '../../../shared/model/distro';
import type { EngineStatus } from '../../../shared/model/engine';
import type { EnginePlacement } from '../../../shared/model/engine-placement';
import { remoteHostOf } from '../docker/endpoint/endpoint-host';

/** The distro Docker Desktop runs its engine in. */
export const DOCKER_DESKTOP_DISTRO = 'docker-desktop';

/** What decides where the engine's containers run. */
export interface PlacementFacts {
  status: Pick<EngineStatus, 'kind' | 'state' | 'endpoint' | 'context'>;
  distros: readonly Distro[];
  platform: NodeJS.Platform;
}

/** The running WSL2 distro the engine most likely runs in: Docker Desktop's when it runs, else the default one. */
function engineDistro(distros: readonly Distro[], preferDockerDesktop: boolean): string | null {
  const running = distros.filter((d) => d.version === 2 && d.state === 'Running');
  const desktop = running.find((d) => d.name === DOCKER_DESKTOP_DISTRO);
  if (preferDockerDesktop && desktop) return desktop.name;
  return (running.find((d) => d.isDefault) ?? desktop ?? running[0])?.name ?? null;
}

/** Why the engine's containers are in no distro: Docker Desktop's distro is registered but stopped, or none runs. */
function unseenDistro(which: string, distros: readonly Distro[]): string {
  const desktop = distros.find((d) => d.name === DOCKER_DESKTOP_DISTRO);
  if (desktop !== undefined && desktop.state !== 'Running') {
    return `${which} answers, but its ${DOCKER_DESKTOP_DISTRO} distro is ${desktop.state.toLowerCase()}, so its containers are not placed in the VM; start ${DOCKER_DESKTOP_DISTRO} to see them there.`;
  }
  return `${which} runs in the WSL2 VM, in no running distro Lightdock can see, so its containers are not placed in the VM.`;
}

/**
 * Where the engine's containers run, from its status, the distros and the platform: nowhere when it does not
 * answer; another machine for a non-loopback tcp/ssh endpoint; this Linux machine for a local socket on Linux
 * (no VM); otherwise a WSL distro (Docker Desktop's pipe → `docker-desktop`, else the default running distro).
 */
export function resolveEnginePlacement(facts: PlacementFacts): EnginePlacement {
  const { status, distros, platform } = facts;
  const simulated = status.kind === 'simulated';
  if (status.state !== 'connected') {
    return { kind: 'none', distro: null, simulated, description: 'No Docker engine answers, so no containers are shown.' };
  }
  const remote = remoteHostOf(status.endpoint);
  if (!simulated && remote !== null) {
    return { kind: 'remote', distro: null, simulated, description: `The Docker engine runs on another machine (${remote}); its containers use that machine's memory and network.` };
  }
  if (!simulated && platform !== 'win32') {
    return {
      kind: 'linux-host',
      distro: null,
      simulated,
      description: 'The Docker engine runs on this Linux machine itself, with no VM: its containers sit directly on the host.',
    };
  }
  const dockerDesktop = simulated || status.endpoint.includes('docker_engine');
  const distro = engineDistro(distros, dockerDesktop);
  const which = simulated ? 'The simulated Docker engine' : 'The Docker engine';
  return { kind: 'wsl-distro', distro, simulated, description: distro === null ? unseenDistro(which, distros) : `${which} runs in the WSL2 VM, in the ${distro} distro.` };
}
