import type { Distro } from '../../../shared/model/distro';
import type { HostStatus } from '../../../shared/model/host';
import type { VmSummary } from '../../../shared/model/vm';

/** `wsl -l -v`-like table: default marker, name, state, version; a sentence when there are none. */
export function formatDistroTable(distros: Distro[]): string {
  if (distros.length === 0) return 'No distros are installed.';
  const width = Math.max(4, ...distros.map((d) => d.name.length)) + 4;
  const row = (mark: string, name: string, state: string, version: string): string => `${mark} ${name.padEnd(width)}${state.padEnd(16)}${version}`;
  return [row(' ', 'NAME', 'STATE', 'VERSION'), ...distros.map((d) => row(d.isDefault ? '*' : ' ', d.name, d.state, String(d.version)))].join('\n');
}

/** One distro after an action, in one line. */
export function formatDistroLine(distro: Distro): string {
  return `${distro.name}: ${distro.state}, WSL ${distro.version}${distro.isDefault ? ', default' : ''}`;
}

/** The VM in one line. */
export function formatVmLine(vm: VmSummary): string {
  return `WSL VM: ${vm.state} (${vm.runningDistros} WSL 2 distro${vm.runningDistros === 1 ? '' : 's'} running)`;
}

/** The one-line status, in the spirit of `docker desktop status`. */
export function formatStatusLine(status: HostStatus): string {
  const source = status.host.simulated ? `simulated host (scenario ${status.host.scenario ?? 'unknown'})` : 'wsl.exe';
  const def = status.distros.defaultDistro ? `, default ${status.distros.defaultDistro}` : '';
  return `Lightdock ${status.host.appVersion} · WSL from ${source} · VM ${status.vm.state} · ${status.distros.total} distros, ${status.distros.running} running${def}`;
}
