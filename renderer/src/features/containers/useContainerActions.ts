import { useCallback, useState } from 'react';
import type { ContainerAction, ContainerActionResult } from '../../../../shared/model/container';
import { invoke } from '../../ipc/ipc-client';
import { toIpcError } from '../../ipc/ipc-error';
import { ACTION_WORDS } from './container-actions';

/** Options of `containers:act` that only some actions read. */
export interface ActOptions {
  force?: boolean;
  removeVolumes?: boolean;
}

/** The outcome of one bulk action, worded for people: what succeeded, and one line per container that failed. */
export interface ActionReport {
  action: ContainerAction;
  succeeded: string[];
  failures: string[];
}

/** Running actions and their last report, plus `act` to run one on many containers. */
export interface ContainerActionsModel {
  /** The action running per container id. */
  pending: ReadonlyMap<string, ContainerAction>;
  report: ActionReport | undefined;
  clearReport: () => void;
  act: (ids: readonly string[], action: ContainerAction, options?: ActOptions) => Promise<ContainerActionResult[]>;
}

/**
 * Runs `containers:act` and turns its per-id results into a report that names containers (via `nameOf`). A request
 * that fails as a whole reports every id with that error; `act` never throws.
 */
export function useContainerActions(nameOf: (id: string) => string): ContainerActionsModel {
  const [pending, setPending] = useState<ReadonlyMap<string, ContainerAction>>(new Map());
  const [report, setReport] = useState<ActionReport | undefined>(undefined);

  const act = useCallback(
    async (ids: readonly string[], action: ContainerAction, options: ActOptions = {}) => {
      setPending((current) => {
        const next = new Map(current);
        for (const id of ids) next.set(id, action);
        return next;
      });
      let results: ContainerActionResult[];
      try {
        results = await invoke('containers:act', { ids: [...ids], action, ...options });
      } catch (error) {
        const failure = toIpcError(error);
        results = ids.map((id) => ({ id, ok: false, error: { code: failure.code, message: failure.message } }));
      }
      setPending((current) => {
        const next = new Map(current);
        for (const id of ids) next.delete(id);
        return next;
      });
      setReport({
        action,
        succeeded: results.filter((result) => result.ok).map((result) => nameOf(result.id)),
        failures: results
          .filter((result) => !result.ok)
          .map((result) => {
            const subject = `${ACTION_WORDS[action].label} ${nameOf(result.id)}`;
            return result.error === undefined ? `${subject}: failed.` : `${subject}: ${result.error.message} (${result.error.code})`;
          }),
      });
      return results;
    },
    [nameOf],
  );

  const clearReport = useCallback(() => setReport(undefined), []);
  return { pending, report, clearReport, act };
}

/** One sentence for a report's successes: "Stopped shop-web-1.", "Stopped shop-web-1 and 2 more.", or null. */
export function describeSuccess(report: ActionReport): string | null {
  const [first, ...rest] = report.succeeded;
  if (first === undefined) return null;
  const done = ACTION_WORDS[report.action].done;
  return rest.length === 0 ? `${done} ${first}.` : `${done} ${first} and ${rest.length} more.`;
}
