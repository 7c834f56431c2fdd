import { describeIpcError } from '../../ipc/ipc-error';
import type { ContextProbeState } from './useContextProbes';

/** A context's status in words: its tone, a short label, and the sentence saying why when it is not connected. */
export interface ContextStatusWords {
  tone: 'probing' | 'connected' | 'unreachable' | 'unknown';
  /** "Connected · Docker 27.5.1", "Unreachable", "Checking…" or "Status unknown". */
  label: string;
  /** The state as the chip menu says it: connected, unreachable, checking…, unknown. */
  state: string;
  /** Why it is not connected (the service's sentence), or null. */
  sentence: string | null;
}

/** Turns a probe state (or none yet) into the words both the Settings table and the engine chip's menu show. */
export function contextStatusWords(state: ContextProbeState | undefined): ContextStatusWords {
  if (state === undefined || state.kind === 'probing') return { tone: 'probing', label: 'Checking…', state: 'checking…', sentence: null };
  if (state.kind === 'failed') {
    return { tone: 'unknown', label: 'Status unknown', state: 'unknown', sentence: `Could not check it: ${describeIpcError(state.error)}` };
  }
  const { probe } = state;
  if (probe.state === 'connected') {
    const version = probe.serverVersion === null ? '' : ` · Docker ${probe.serverVersion}`;
    return { tone: 'connected', label: `Connected${version}`, state: 'connected', sentence: null };
  }
  return { tone: 'unreachable', label: 'Unreachable', state: 'unreachable', sentence: probe.message ?? 'The engine did not answer.' };
}
