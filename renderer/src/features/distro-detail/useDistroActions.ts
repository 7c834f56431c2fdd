import { useCallback } from 'react';
import type { WslVersion } from '../../../../shared/model/distro';
import { invoke } from '../../ipc/ipc-client';
import type { IpcError } from '../../ipc/ipc-error';
import { useTrackedRun } from '../../ipc/useTrackedRun';

/** Every action of the distro detail page, with the input each one takes. */
export type DistroDetailAction =
  | { kind: 'start' }
  | { kind: 'terminate' }
  | { kind: 'set-default' }
  | { kind: 'export'; filePath: string; format: 'tar' | 'vhdx' }
  | { kind: 'unregister'; confirm: string }
  | { kind: 'compact' }
  | { kind: 'set-sparse'; sparse: boolean }
  | { kind: 'set-version'; version: WslVersion };

/** The running action, the last failure and the last success sentence of a quick action (long ones report as operations). */
export interface DistroActionsModel {
  running: DistroDetailAction['kind'] | undefined;
  error: IpcError | undefined;
  notice: string | undefined;
  clear: () => void;
  /** Runs one action; resolves true on success, false on failure (the error is kept in `error`). */
  run: (action: DistroDetailAction) => Promise<boolean>;
}

/** Sends one action; resolves to the sentence to confirm it, or undefined when its operation's pushes report it. */
async function send(name: string, action: DistroDetailAction): Promise<string | undefined> {
  switch (action.kind) {
    case 'start':
      await invoke('distros:start', { name });
      return `${name} started.`;
    case 'terminate':
      await invoke('distros:terminate', { name });
      return `${name} terminated.`;
    case 'set-default':
      await invoke('distros:set-default', { name });
      return `${name} is now the default distro.`;
    case 'export':
      await invoke('distros:export', { name, filePath: action.filePath, format: action.format });
      return undefined;
    case 'unregister':
      await invoke('distros:unregister', { name, confirm: action.confirm });
      return undefined;
    case 'compact':
      await invoke('distros:compact', { name });
      return undefined;
    case 'set-sparse': {
      const disk = await invoke('distros:set-sparse', { name, sparse: action.sparse });
      return disk.sparse ? `The disk of ${name} is now sparse.` : `The disk of ${name} is no longer sparse.`;
    }
    case 'set-version':
      await invoke('distros:set-version', { name, version: action.version });
      return undefined;
  }
}

/**
 * Runs the detail page's actions on one distro, one at a time, through their channels; calls `onSettled` after
 * each success (with the action's kind) so the page refetches. A failure is kept with the host's sentence and code, never thrown.
 */
export function useDistroActions(name: string, onSettled: (kind: DistroDetailAction['kind']) => void): DistroActionsModel {
  const tracked = useTrackedRun<DistroDetailAction['kind'], string | undefined>();
  const { run: runTracked } = tracked;
  const run = useCallback(
    async (action: DistroDetailAction) => {
      const done = await runTracked(action.kind, () => send(name, action));
      if (done) onSettled(action.kind);
      return done;
    },
    [name, onSettled, runTracked],
  );
  return { running: tracked.running, error: tracked.error, notice: tracked.result, clear: tracked.clear, run };
}
