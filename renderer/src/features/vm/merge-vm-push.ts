import type { VmInfo } from '../../../../shared/model/vm';

/**
 * The VM to show after a `vm:changed` push: the push itself when it carries live figures, when nothing was shown
 * yet, or when the VM stopped (a stopped VM has no figures to probe); otherwise (`live: false`, sent while no view
 * watched) the figures shown so far with the push's state, running count and idle countdown, so an unprobed push
 * never replaces live figures with zeros.
 */
export function mergeVmPush(shown: VmInfo | undefined, push: VmInfo): VmInfo {
  if (push.live || shown === undefined || push.state === 'Stopped' || shown.state === 'Stopped') return push;
  return {
    ...shown,
    state: push.state,
    runningDistros: push.runningDistros,
    idleTimeoutMs: push.idleTimeoutMs,
    idleShutdownAt: push.idleShutdownAt,
  };
}
