import type { VmInfo } from '../../../../shared/model/vm';
import { formatDuration, formatTimeoutMs } from '../../components/format-duration';

/** Seconds the VM has been up at `now`: from its boot time when known, else the host's figure; null when stopped. */
export function uptimeAt(vm: Pick<VmInfo, 'state' | 'bootTime' | 'uptimeSeconds'>, now: number): number | null {
  if (vm.state === 'Stopped') return null;
  if (vm.bootTime !== null) return Math.max(0, Math.floor((now - vm.bootTime) / 1000));
  return vm.uptimeSeconds;
}

/**
 * The idle timeout as one sentence at `now`: the countdown while no WSL 2 distro runs ("Shuts down in 42 s"),
 * else the configured timeout ("After 1 min with no distro running").
 */
export function idleText(vm: Pick<VmInfo, 'state' | 'idleTimeoutMs' | 'idleShutdownAt'>, now: number): string {
  if (vm.idleTimeoutMs < 0) return 'Never shuts down when idle';
  if (vm.state === 'Running' && vm.idleShutdownAt !== null) {
    const left = Math.min(Math.ceil((vm.idleShutdownAt - now) / 1000), Math.ceil(vm.idleTimeoutMs / 1000));
    return left > 0 ? `Shuts down in ${formatDuration(left)} (no distro running)` : 'Shutting down (idle)…';
  }
  return `After ${formatTimeoutMs(vm.idleTimeoutMs)} with no distro running`;
}
