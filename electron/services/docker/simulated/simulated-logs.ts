import type { LogLine } from '../../../../shared/model/container';
import type { SimulatedContainer, SimulatedRun } from './engine-state';
import { noise } from './noise';
import { programProfile, type ProgramLine } from './program-profiles';

/** A generated log line and the moment it was written (ms, then order within that ms). */
export interface TimedLine extends ProgramLine {
  time: number;
  order: number;
}

const KILLED = 137;

const isPaused = (run: SimulatedRun, time: number): boolean =>
  run.pauses.some((p) => time >= p.from && (p.to === null || time < p.to));

/** Lines a run wrote with `from < time <= to`, in order. */
function runLines(container: SimulatedContainer, run: SimulatedRun, from: number, to: number): TimedLine[] {
  const profile = programProfile(container.program, container.startLines);
  const key = `${container.id}:${run.start}`;
  const lines: TimedLine[] = [];
  if (run.start > from && run.start <= to) {
    profile.startup(run.start).forEach((line, order) => lines.push({ ...line, time: run.start, order }));
  }
  const end = run.end ?? Number.POSITIVE_INFINITY;
  const periodic = profile.periodic;
  if (periodic) {
    const every = periodic.everyMs;
    const lo = Math.max(from, run.start);
    const hi = Math.min(to, end);
    const first = Math.max(1, Math.floor((lo - run.start) / every));
    const last = Math.ceil((hi - run.start) / every) + 1;
    for (let k = first; k <= last; k++) {
      const time = Math.round(run.start + k * every + (noise(key, k) - 0.5) * (every / 3));
      if (time > lo && time <= hi && time < end && !isPaused(run, time)) lines.push({ ...periodic.line(key, k, time), time, order: 0 });
    }
  }
  if (run.end !== null && run.exitCode !== KILLED && run.end > from && run.end <= to) {
    profile.shutdown(run.end).forEach((line, order) => lines.push({ ...line, time: run.end ?? 0, order }));
  }
  return lines;
}

/** Every line the container wrote with `from < time <= to`, oldest first. */
export function linesBetween(container: SimulatedContainer, from: number, to: number): TimedLine[] {
  return container.runs.flatMap((run) => runLines(container, run, from, to));
}

/** The last `tail` lines written up to `now` (`docker logs --tail`). */
export function tailLines(container: SimulatedContainer, tail: number, now: number): TimedLine[] {
  const firstStart = container.runs[0]?.start;
  if (tail <= 0 || firstStart === undefined) return [];
  let window = (tail + 16) * 2000;
  for (;;) {
    const from = now - window;
    const lines = linesBetween(container, Math.max(from, firstStart - 1), now);
    if (lines.length >= tail || from < firstStart) return lines.slice(-tail);
    window *= 2;
  }
}

/** RFC 3339 with nanoseconds, as Docker stamps log lines. */
export function rfc3339Nano(time: number, order: number, key: string): string {
  const nanos = Math.min(999_999, order * 1000 + Math.floor(noise(key, time + order) * 1000));
  return `${new Date(time).toISOString().slice(0, 23)}${String(nanos).padStart(6, '0')}Z`;
}

/** The model's log line: TTY containers have one stream, timestamps only when asked for. */
export function toLogLine(container: SimulatedContainer, line: TimedLine, timestamps: boolean): LogLine {
  return {
    stream: container.tty ? 'stdout' : line.stream,
    text: line.text,
    timestamp: timestamps ? rfc3339Nano(line.time, line.order, container.id) : null,
  };
}
