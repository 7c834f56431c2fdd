import type { Distro, DistroDetail, DistroDisk, OnlineDistro } from '../../../shared/model/distro';
import type { HostStatus } from '../../../shared/model/host';
import type { Operation } from '../../../shared/model/operation';
import type { VmInfo, VmSummary } from '../../../shared/model/vm';
import type { WslConfigSetting, WslConfigView } from '../../../shared/model/wslconfig';

/** The largest of `min` and every value, by a loop: spreading a long list into `Math.max` overflows the stack. */
export function widest(min: number, values: Iterable<number>): number {
  let max = min;
  for (const value of values) if (value > max) max = value;
  return max;
}

/** `wsl -l -v`-like table: default marker, name, state, version; a sentence when there are none. */
export function formatDistroTable(distros: Distro[]): string {
  if (distros.length === 0) return 'No distros are installed.';
  const width = widest(4, distros.map((d) => d.name.length)) + 4;
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

const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'] as const;

/** Bytes in binary units with up to three significant digits ("768 MiB", "1.25 GiB"); null is "unknown". */
export function formatByteCount(bytes: number | null): string {
  if (bytes === null) return 'unknown';
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  if (unit === 0) return `${value} B`;
  const fixed = value.toFixed(value >= 100 ? 0 : value >= 10 ? 1 : 2);
  return `${fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed} ${BYTE_UNITS[unit]}`;
}

function seconds(total: number): string {
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return `${h} h ${String(m).padStart(2, '0')} min`;
  if (m > 0) return `${m} min ${String(s).padStart(2, '0')} s`;
  return `${s} s`;
}

function lines(rows: [string, string][]): string {
  const width = widest(0, rows.map(([label]) => label.length)) + 2;
  return rows.map(([label, value]) => `${`${label}:`.padEnd(width)}${value}`).join('\n');
}

/** The VM as `lightdock vm` prints it: state and uptime, kernel, processors, memory, network and idle timeout. */
export function formatVmInfo(vm: VmInfo, now: number = Date.now()): string {
  const { memory, network } = vm;
  const idle =
    vm.idleShutdownAt !== null && vm.state === 'Running'
      ? `shuts down in ${seconds(Math.max(0, Math.ceil((vm.idleShutdownAt - now) / 1000)))} (no distro running)`
      : vm.idleTimeoutMs < 0
        ? 'never'
        : `${seconds(Math.round(vm.idleTimeoutMs / 1000))} after the last distro stops`;
  return lines([
    ['WSL VM', `${vm.state}${vm.uptimeSeconds === null ? '' : `, up ${seconds(vm.uptimeSeconds)}`} (${vm.runningDistros} WSL 2 distro${vm.runningDistros === 1 ? '' : 's'} running)`],
    ['Kernel', `${vm.kernel.version ?? 'unknown while stopped'}${vm.kernel.customKernelPath === null ? '' : ` (custom: ${vm.kernel.customKernelPath})`}`],
    ['Processors', String(vm.processors)],
    ['Memory', `limit ${formatByteCount(memory.limitBytes)} of ${formatByteCount(memory.hostTotalBytes)} host RAM, assigned ${formatByteCount(memory.assignedBytes)}`],
    ['In use', `${formatByteCount(memory.usedBytes)} by processes, ${formatByteCount(memory.pageCacheBytes)} page cache (reclaim: ${memory.reclaimMode})`],
    ['Swap', memory.swapBytes === 0 ? 'none' : `${formatByteCount(memory.swapUsedBytes)} used of ${formatByteCount(memory.swapBytes)}`],
    [
      'Network',
      `${network.mode}, VM IP ${network.vmIp === null ? 'none' : `${network.vmIp}${network.prefixLength === null ? '' : `/${network.prefixLength}`}`}, host ${network.hostIp ?? 'none'}`,
    ],
    ['Idle timeout', idle],
  ]);
}

/** A disk in one line: used inside, file size, maximum, what compacting would return, sparse. */
export function formatDisk(disk: DistroDisk): string {
  const reclaim = disk.reclaimableBytes === null ? 'unknown' : formatByteCount(disk.reclaimableBytes);
  return `${formatByteCount(disk.usedBytes)} used, file ${formatByteCount(disk.fileSizeBytes)} of max ${formatByteCount(disk.maxSizeBytes)}, compacting returns ${reclaim}${disk.sparse ? ', sparse' : ''} (${disk.path})`;
}

/** One distro in full, as `lightdock distros show` prints it. */
export function formatDistroDetail(distro: DistroDetail): string {
  const rows: [string, string][] = [
    ['Distro', formatDistroLine(distro)],
    ['OS', distro.osName ?? 'unknown'],
    ['Default user', distro.defaultUser ?? 'unknown'],
    ['IP', distro.ip ?? 'none'],
    ['systemd', distro.systemd === null ? 'unknown' : distro.systemd ? 'enabled' : 'disabled'],
    ['Install folder', distro.basePath ?? 'unknown'],
    ['Disk', distro.disk === null ? 'none (WSL 1 keeps files in a Windows folder)' : formatDisk(distro.disk)],
  ];
  const mounts = distro.mounts.map((mount) => `  ${mount.target}  ${mount.source}  ${mount.fsType}`);
  return [lines(rows), mounts.length === 0 ? 'Mounts: none reported' : ['Mounts:', ...mounts].join('\n')].join('\n');
}

/** `wsl -l -o`-like table of installable distros. */
export function formatOnlineDistros(distros: OnlineDistro[]): string {
  if (distros.length === 0) return 'No distro is offered online.';
  const width = widest(4, distros.map((d) => d.name.length)) + 4;
  return [`${'NAME'.padEnd(width)}FRIENDLY NAME`, ...distros.map((d) => `${d.name.padEnd(width)}${d.friendlyName}`)].join('\n');
}

/** A progress line for long work (stderr): "install Ubuntu: 40% Downloading…", without a percentage when unknown. */
export function formatProgressLine(operation: Operation): string {
  const percent = operation.progress === null ? '' : ` ${Math.round(operation.progress * 100)}%`;
  return `${operation.kind} ${operation.target}:${percent}${operation.message === '' ? '' : ` ${operation.message}`}`;
}

/** One `.wslconfig` setting: the value in the file (or not set), the value in effect, and the default. */
export function formatWslConfigSetting(setting: WslConfigSetting): string {
  const inFile = setting.value === null ? 'not set' : setting.value;
  return `${setting.key} = ${setting.effectiveValue} (file: ${inFile}; default: ${setting.defaultValue}${setting.restartNeeded ? '; needs a restart' : ''})`;
}

/** The whole `.wslconfig`: path, known settings in a table, WSL's warnings and whether a restart is pending. */
export function formatWslConfig(view: WslConfigView): string {
  const width = widest(3, view.settings.map((s) => s.key.length)) + 2;
  const valueWidth = widest(7, view.settings.map((s) => (s.value ?? '-').length)) + 2;
  const table = [
    `${'KEY'.padEnd(width)}${'IN FILE'.padEnd(valueWidth)}IN EFFECT`,
    ...view.settings.map((s) => `${s.key.padEnd(width)}${(s.value ?? '-').padEnd(valueWidth)}${s.effectiveValue}`),
  ];
  const issues = view.issues.map((issue) => `warning: line ${issue.line}: ${issue.message}`);
  const restart = view.restartPending ? ['The running VM does not use this file yet: restart WSL (lightdock shutdown) to apply it.'] : [];
  return [`${view.path}${view.exists ? '' : ' (does not exist yet)'}`, ...table, ...issues, ...restart].join('\n');
}

/** What `lightdock wslconfig set` prints: the new value (or its removal) and whether WSL must restart to use it. */
export function formatWslConfigSet(result: { view: WslConfigView; restartNeeded: boolean }, key: string): string {
  const setting = result.view.settings.find((s) => s.key.toLowerCase() === key.toLowerCase());
  const change = setting === undefined ? `Updated ${key}.` : setting.value === null ? `Removed ${setting.key}; WSL uses its default ${setting.defaultValue}.` : `Set ${setting.key} = ${setting.value}.`;
  return `${change} ${result.restartNeeded ? 'Restart needed: run "lightdock shutdown" (the VM boots with it next time).' : 'No restart needed.'}`;
}
