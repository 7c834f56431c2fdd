import { useCallback } from 'react';
import type { Distro, DistroDisk, WslVersion } from '../../../../shared/model/distro';
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

/** What a finished action changed, as its answer says, for the page to apply without asking again. */
export type DistroActionOutcome =
  | { kind: 'row'; distro: Distro }
  | { kind: 'disk'; disk: DistroDisk }
  | { kind: 'gone' }
  | { kind: 'unchanged' };

/** The running action, the last failure and the last success sentence of a quick action (long ones report as operations). */
export interface DistroActionsModel {
  running: DistroDetailAction['kind'] | undefined;
  error: IpcError | undefined;
  notice: string | undefined;
  clear: () => void;
  /** Runs one action; resolves true on success, false on failure (the error is kept in `error`). */
  run: (action: DistroDetailAction) => Promise<boolean>;
}

/** One action's answer: the sentence to confirm it (undefined when its operation's pushes report it) and what changed. */
interface Sent {
  notice: string | undefined;
  outcome: DistroActionOutcome;
}

/** Sends one action and reads what its answer says changed. */
async function send(name: string, action: DistroDetailAction): Promise<Sent> {
  switch (action.kind) {
    case 'start':
      return { notice: `${name} started.`, outcome: { kind: 'row', distro: await invoke('distros:start', { name }) } };
    case 'terminate':
      return { notice: `${name} terminated.`, outcome: { kind: 'row', distro: await invoke('distros:terminate', { name }) } };
    case 'set-default':
      return { notice: `${name} is now the default distro.`, outcome: { kind: 'row', distro: await invoke('distros:set-default', { name }) } };
    case 'export':
      await invoke('distros:export', { name, filePath: action.filePath, format: action.format });
      return { notice: undefined, outcome: { kind: 'unchanged' } };
    case 'unregister':
      await invoke('distros:unregister', { name, confirm: action.confirm });
      return { notice: undefined, outcome: { kind: 'gone' } };
    case 'compact':
      return { notice: undefined, outcome: { kind: 'disk', disk: await invoke('distros:compact', { name }) } };
    case 'set-sparse': {
      const disk = await invoke('distros:set-sparse', { name, sparse: action.sparse });
      return { notice: disk.sparse ? `The disk of ${name} is now sparse.` : `The disk of ${name} is no longer sparse.`, outcome: { kind: 'disk', disk } };
    }
    case 'set-version':
      return { notice: undefined, outcome: { kind: 'row', distro: await invoke('distros:set-version', { name, version: action.version }) } };
  }
}

/**
 * Runs the detail page's actions on one distro, one at a time, through their channels; after each success calls
 * `onSettled` with what the action's answer says changed (the new row, the new disk, the distro gone, or nothing),
 * for the page to apply instead of fetching again. A failure is kept with the host's sentence and code, never thrown.
 */
export function useDistroActions(name: string, onSettled: (outcome: DistroActionOutcome) => void): DistroActionsModel {
  const tracked = useTrackedRun<DistroDetailAction['kind'], string | undefined>();
  const { run: runTracked } = tracked;
  const run = useCallback(
    async (action: DistroDetailAction) => {
      let outcome: DistroActionOutcome = { kind: 'unchanged' };
      const done = await runTracked(action.kind, async () => {
        const sent = await send(name, action);
        outcome = sent.outcome;
        return sent.notice;
      });
      if (done) onSettled(outcome);
      return done;
    },
    [name, onSettled, runTracked],
  );
  return { running: tracked.running, error: tracked.error, notice: tracked.result, clear: tracked.clear, run };
}
