import type { EventPayload } from '../../../shared/ipc/contract';
import type { MemoryWarning, MemoryWarningKind } from '../../../shared/model/memory';
import type { NotificationInput } from './notification-service';

/** The warning kinds this source notifies; `vm-near-limit` and `container-oom-killed` already notify as `vm-memory` and `container-exited`. */
export const NOTIFIED_WARNING_KINDS: ReadonlySet<MemoryWarningKind> = new Set(['container-near-limit', 'vm-swapping', 'host-pressure']);

/** How long a warning must be gone before it notifies again, how many ids are remembered, and how many notify one by one a sample. */
export interface MemoryWarningLimits {
  /** Gone from this many samples in a row re-arms a warning. */
  rearmAfterSamples: number;
  /** Gone from at least one sample and last seen this long ago (ms) also re-arms it. */
  rearmAfterMs: number;
  /** Warnings remembered at most; past this the longest unseen are forgotten first. */
  maxRemembered: number;
  /** New warnings notified one by one in one sample; the rest share one notification. */
  maxPerSample: number;
  /** Warnings of one sample looked at at most (the contract bounds a report to 200). */
  maxPerReport: number;
}

/** The defaults: re-armed after 30 samples (30 s at 1 s) or 60 s gone, 500 remembered, 3 one by one a sample. */
export const DEFAULT_MEMORY_WARNING_LIMITS: MemoryWarningLimits = { rearmAfterSamples: 30, rearmAfterMs: 60_000, maxRemembered: 500, maxPerSample: 3, maxPerReport: 200 };

interface Seen {
  lastSeenAt: number;
  missed: number;
}

/** What a source hands on: NotificationService.notify (which skips a kind turned off in Settings → General). */
export type Notify = (input: NotificationInput) => unknown;

/** One memory-warning source: `sampled` takes each `memory:sampled` push (any subscription's). */
export interface MemoryWarningSource {
  sampled: (payload: EventPayload<'memory:sampled'>) => void;
  /** How many warnings it remembers now (bounded by maxRemembered). */
  remembered: () => number;
}

/** The title of one warning's notification, in plain words; the body is the warning's own sentence. */
export function memoryWarningTitle(warning: MemoryWarning): string {
  if (warning.kind === 'container-near-limit') return `${warning.subject} is near its memory limit`;
  if (warning.kind === 'vm-swapping') return `${warning.subject} is swapping`;
  if (warning.kind === 'host-pressure') return `${warning.subject} is low on memory`;
  return `Memory warning: ${warning.subject}`;
}

/**
 * Turns the Memory page's warnings into `memory-warning` notifications: each warning of NOTIFIED_WARNING_KINDS
 * notifies once when it appears (by its stable id), not on every sample it stays. It notifies again only after
 * it was gone from `rearmAfterSamples` samples in a row, or gone from at least one sample and last seen
 * `rearmAfterMs` ago (a pause in sampling alone does not re-arm it). A sample pushed to several subscriptions is
 * read once (same `sample.t` as the last one read). At most `maxRemembered` ids are kept, and at most
 * `maxPerSample` notify one by one in one sample (the others share one notification).
 */
export function createMemoryWarningSource(notify: Notify, limits: Partial<MemoryWarningLimits> = {}): MemoryWarningSource {
  const bounds = { ...DEFAULT_MEMORY_WARNING_LIMITS, ...limits };
  const seen = new Map<string, Seen>();
  let lastSampleAt: number | null = null;

  const sampled = ({ report, sample }: EventPayload<'memory:sampled'>): void => {
    const t = sample.t;
    if (t === lastSampleAt) return;
    lastSampleAt = t;
    const present = new Map<string, MemoryWarning>();
    for (const warning of report.warnings.slice(0, bounds.maxPerReport)) {
      if (NOTIFIED_WARNING_KINDS.has(warning.kind) && !present.has(warning.id)) present.set(warning.id, warning);
    }
    for (const [id, entry] of seen) {
      if (present.has(id)) continue;
      entry.missed += 1;
      if (entry.missed >= bounds.rearmAfterSamples || t - entry.lastSeenAt >= bounds.rearmAfterMs) seen.delete(id);
    }
    const fresh: MemoryWarning[] = [];
    for (const [id, warning] of present) {
      if (!seen.has(id)) fresh.push(warning);
      // Deleted and set again, so the Map's order runs from the longest unseen to the latest seen.
      seen.delete(id);
      seen.set(id, { lastSeenAt: t, missed: 0 });
    }
    while (seen.size > bounds.maxRemembered) {
      const oldest = seen.keys().next();
      if (oldest.done === true) break;
      seen.delete(oldest.value);
    }
    for (const warning of fresh.slice(0, bounds.maxPerSample)) {
      notify({ kind: 'memory-warning', key: `memory-warning:${warning.id}:${t}`, title: memoryWarningTitle(warning), body: warning.message });
    }
    const rest = fresh.slice(bounds.maxPerSample);
    if (rest.length > 0) {
      const subjects = rest.slice(0, 10).map((warning) => warning.subject);
      const more = rest.length > subjects.length ? `, and ${rest.length - subjects.length} more` : '';
      notify({
        kind: 'memory-warning',
        key: `memory-warning:more:${t}`,
        title: `${rest.length} more memory warnings`,
        body: `Also short of memory: ${subjects.join(', ')}${more}. The Memory page lists each.`,
      });
    }
  };

  return { sampled, remembered: () => seen.size };
}
