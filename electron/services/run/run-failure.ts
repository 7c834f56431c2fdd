import type { RunProblem, RunSpec } from '../../../shared/model/run-container';
import { ServiceError } from '../errors';

// An engine's refusal of a create or start, put next to the field it is about, in the engine's own words.

/** The first index of `items` the message mentions (by `mentions`), else 0. */
function indexMentioned<T>(items: readonly T[], message: string, mentions: (item: T) => string[]): number {
  const index = items.findIndex((item) => mentions(item).some((text) => text !== '' && message.includes(text)));
  return index === -1 ? 0 : index;
}

/** The port a bind failure names (`Bind for 127.0.0.1:8080 failed`, `listen tcp4 0.0.0.0:8080: bind`). */
function portIndex(spec: RunSpec, message: string): number {
  const named = /(?:Bind for|listen \w+) \[?[0-9a-fA-F.:]*\]?:(\d+)/.exec(message)?.[1];
  const index = named === undefined ? -1 : spec.ports.findIndex((p) => String(p.hostPort) === named);
  return index === -1 ? 0 : index;
}

/** Patterns of dockerd's messages, in order, and the field each is about. */
const FIELDS: readonly [RegExp, (spec: RunSpec, message: string) => string][] = [
  [/container name .* is already in use/i, () => 'name'],
  [/no such image|pull access denied|repository does not exist|invalid reference format/i, () => 'image'],
  [/network .* not found|non running container|no such container|network mode|join network/i, (spec, m) => (/port publishing/i.test(m) && spec.ports.length > 0 ? 'ports.0' : 'namespaces.network')],
  [/port is already allocated|address already in use|userland proxy|cannot assign requested address|port publishing|invalid port/i, (spec, m) => `ports.${portIndex(spec, m)}`],
  [/memoryswap|memory-swap|swap limit/i, () => 'resources.memorySwapBytes'],
  [/memory limit|minimum memory|\bmemory\b/i, () => 'resources.memoryBytes'],
  [/\bcpus?\b|nanocpus/i, () => 'resources.nanoCpus'],
  [/\bpids?\b/i, () => 'resources.pidsLimit'],
  [/mount|volume|bind source|invalid mode/i, (spec, m) => `mounts.${indexMentioned(spec.mounts, m, (x) => [x.source, x.target])}`],
  [/restart policy|retry count/i, () => 'restart'],
  [/ipc mode/i, () => 'namespaces.ipc'],
  [/pid mode/i, () => 'namespaces.pid'],
  [/uts mode/i, () => 'namespaces.uts'],
  [/executable file not found|exec format error|no such file or directory: unknown|permission denied: unknown/i, () => 'command'],
];

/** The field an engine's refusal is about, or null when it names none. */
export function fieldOfEngineMessage(spec: RunSpec, message: string): string | null {
  for (const [pattern, field] of FIELDS) if (pattern.test(message)) return field(spec, message);
  return null;
}

/**
 * A create or start refusal as the run's error: VALIDATION with the problem on its field (the engine's sentence,
 * the engine's error code kept in `details.engineCode`), or the engine's error unchanged when no field fits
 * (the engine gone, a timeout, an internal failure of its own).
 */
export function runFailure(spec: RunSpec, error: unknown): unknown {
  if (!(error instanceof ServiceError) || error.code === 'UNAVAILABLE' || error.code === 'TIMEOUT') return error;
  const message = error.message.replace(/^Docker answered: /, '');
  const field = fieldOfEngineMessage(spec, message);
  if (field === null) return error;
  const problem: RunProblem = { field, message, blocking: true };
  return new ServiceError('VALIDATION', message, { problems: [problem], engineCode: error.code });
}
