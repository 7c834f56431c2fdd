import { useCallback, useEffect, useRef, useState } from 'react';
import type { ContextProbe, DockerContext } from '../../../../shared/model/engine';
import { invoke } from '../../ipc/ipc-client';
import { toIpcError, type IpcError } from '../../ipc/ipc-error';
import { runBounded } from './run-bounded';

/** At most this many contexts are probed at once (each probe may hold an ssh process or a TLS handshake). */
export const PROBE_LIMIT = 4;

/** One context's live status as the UI knows it: being probed, probed (connected or unreachable), or the probe call failed. */
export type ContextProbeState =
  | { kind: 'probing' }
  | { kind: 'probed'; probe: ContextProbe }
  | { kind: 'failed'; error: IpcError };

/** The probes by context name, and a way to probe every context again. */
export interface ContextProbes {
  probes: Readonly<Record<string, ContextProbeState>>;
  /** True while at least one probe runs. */
  probing: boolean;
  /** Probes every listed context again ("Refresh status"). */
  refresh: () => void;
}

function keyOf(context: DockerContext): string {
  return `${context.name}\n${context.endpoint}`;
}

/**
 * Probes each listed context through `engine:probe-context`, at most PROBE_LIMIT at once: every context once when
 * it first appears (again after a removal, or when its endpoint changes), and all of them again on `refresh`. A result from before the last
 * refresh, or arriving after unmount, is dropped.
 */
export function useContextProbes(contexts: readonly DockerContext[] | undefined): ContextProbes {
  const [probes, setProbes] = useState<Record<string, ContextProbeState>>({});
  const [round, setRound] = useState(0);
  const started = useRef(new Set<string>());
  const roundRef = useRef(round);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  useEffect(() => {
    if (contexts === undefined) return;
    const listed = new Set(contexts.map(keyOf));
    for (const key of started.current) if (!listed.has(key)) started.current.delete(key);
    const todo = contexts.filter((context) => !started.current.has(keyOf(context)));
    if (todo.length === 0) return;
    for (const context of todo) started.current.add(keyOf(context));
    setProbes((previous) => {
      const next = { ...previous };
      for (const context of todo) next[context.name] = { kind: 'probing' };
      return next;
    });
    const settle = (name: string, state: ContextProbeState): void => {
      if (mounted.current && roundRef.current === round) setProbes((previous) => ({ ...previous, [name]: state }));
    };
    void runBounded(todo, PROBE_LIMIT, (context) =>
      invoke('engine:probe-context', { name: context.name }).then(
        (probe) => settle(context.name, { kind: 'probed', probe }),
        (error: unknown) => settle(context.name, { kind: 'failed', error: toIpcError(error) }),
      ),
    );
  }, [contexts, round]);

  const refresh = useCallback(() => {
    started.current = new Set();
    roundRef.current += 1;
    setRound(roundRef.current);
  }, []);

  const probing = Object.values(probes).some((state) => state.kind === 'probing');
  return { probes, probing, refresh };
}
