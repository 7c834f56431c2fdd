import { useEffect, useState } from 'react';
import type { RunPlan, RunSpec } from '../../../../shared/model/run-container';
import { invoke } from '../../ipc/ipc-client';
import { toIpcError, type IpcError } from '../../ipc/ipc-error';

/** How long the form must rest before the host is asked for a plan. */
export const PLAN_DELAY_MS = 300;

/** The newest plan, whether it is for the spec as it is now, and the last failure to get one. */
export interface RunPlanModel {
  plan: RunPlan | undefined;
  /** True while the shown plan is for an earlier spec (or there is none yet) and a new one is on its way. */
  stale: boolean;
  error: IpcError | undefined;
}

interface Answer {
  key: string;
  plan: RunPlan | undefined;
  error: IpcError | undefined;
}

/**
 * Asks `containers:plan` for `spec` once it has not changed for PLAN_DELAY_MS (never for null: the form has errors);
 * answers for superseded specs are dropped, and the last plan stays shown (marked stale) until the next one arrives.
 */
export function useRunPlan(spec: RunSpec | null): RunPlanModel {
  const key = spec === null ? null : JSON.stringify(spec);
  const [answer, setAnswer] = useState<Answer | undefined>(undefined);

  useEffect(() => {
    if (key === null) return undefined;
    let current = true;
    const timer = setTimeout(() => {
      invoke('containers:plan', { spec: JSON.parse(key) as RunSpec }).then(
        (plan) => {
          if (current) setAnswer({ key, plan, error: undefined });
        },
        (error: unknown) => {
          if (current) setAnswer((previous) => ({ key, plan: previous?.plan, error: toIpcError(error) }));
        },
      );
    }, PLAN_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [key]);

  const fresh = answer !== undefined && answer.key === key;
  return { plan: answer?.plan, stale: !fresh, error: fresh ? answer.error : undefined };
}
