import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { JobProgress, JobSummary } from '../../../../shared/model/job';
import { invoke } from '../../ipc/ipc-client';
import { toIpcError, type IpcError } from '../../ipc/ipc-error';
import { useIpcEvent } from '../../ipc/useIpcEvent';
import { frameThrottle } from './frame-throttle';
import { isNewerJob } from './job-order';
import type { NumberedLine } from '../container-detail/useLogStream';

/** Lines the UI keeps of one job's output (the host keeps its own tail). */
export const JOB_UI_LINES = 5000;

/** One job as a view follows it: the summary, its output lines (numbered, bounded), what was dropped, and a cancel. */
export interface FollowedJob {
  job: JobSummary | undefined;
  lines: readonly NumberedLine[];
  droppedLines: number;
  cancelling: boolean;
  cancelError: IpcError | undefined;
  /** Why the job could not be read (gone from the host, the host unreachable); undefined while all is well. */
  loadError: IpcError | undefined;
  cancel: () => void;
}

function numbered(texts: readonly string[], from: number): NumberedLine[] {
  return texts.map((text, index) => ({ seq: from + index, stream: 'stdout', text, timestamp: null }));
}

function bounded(lines: NumberedLine[]): NumberedLine[] {
  return lines.length > JOB_UI_LINES ? lines.slice(lines.length - JOB_UI_LINES) : lines;
}

/** A push's lines numbered by their place among every line the job printed (its line count says where they end). */
function pushedLines(push: JobProgress): NumberedLine[] {
  return numbered(push.lines, Math.max(0, push.job.lineCount - push.lines.length));
}

/**
 * Follows one job by id: fetches its detail (the output so far), then applies its `jobs:progressed` pushes, applying
 * what arrived at most every JOB_RENDER_MS, on an animation frame, so a fast pull or build log costs a few renders a second.
 * Lines are numbered by their place in the job's whole output, so a push that overtakes the detail is merged, not doubled.
 */
export function useJob(jobId: string | null, initial?: JobSummary): FollowedJob {
  const [job, setJob] = useState<JobSummary | undefined>(initial);
  const [lines, setLines] = useState<readonly NumberedLine[]>([]);
  const [cancelling, setCancelling] = useState(false);
  const [cancelError, setCancelError] = useState<IpcError | undefined>(undefined);
  const [loadError, setLoadError] = useState<IpcError | undefined>(undefined);
  const queue = useRef<JobProgress[]>([]);

  const apply = useCallback(() => {
    const pushes = queue.current.splice(0);
    const latest = pushes.at(-1);
    if (latest === undefined) return;
    setJob((current) => (isNewerJob(latest.job, current) ? latest.job : current));
    const fresh = pushes.flatMap(pushedLines);
    if (fresh.length === 0) return;
    setLines((previous) => {
      const after = previous.at(-1)?.seq ?? -1;
      const added = fresh.filter((line) => line.seq > after);
      return added.length === 0 ? previous : bounded(previous.concat(added));
    });
  }, []);

  const throttle = useMemo(() => frameThrottle(apply), [apply]);

  useIpcEvent('jobs:progressed', (pushed) => {
    if (pushed.job.id !== jobId) return;
    queue.current.push(pushed);
    throttle.schedule();
  });

  useEffect(() => {
    queue.current = [];
    setLines([]);
    setCancelling(false);
    setCancelError(undefined);
    setLoadError(undefined);
    if (jobId === null) {
      setJob(undefined);
      return undefined;
    }
    let live = true;
    invoke('jobs:get', { jobId }).then(
      (detail) => {
        if (!live) return;
        setJob((current) => (isNewerJob(detail.job, current) ? detail.job : current));
        const fetched = numbered(detail.lines, detail.firstLine);
        const end = detail.firstLine + detail.lines.length;
        setLines((current) => bounded(fetched.concat(current.filter((line) => line.seq >= end))));
      },
      (error: unknown) => {
        if (live) setLoadError(toIpcError(error));
      },
    );
    return () => {
      live = false;
      throttle.cancel();
    };
  }, [jobId, throttle]);

  const cancel = useCallback(() => {
    if (jobId === null) return;
    setCancelling(true);
    setCancelError(undefined);
    invoke('jobs:cancel', { jobId }).then(
      (summary) => {
        setJob((current) => (isNewerJob(summary, current) ? summary : current));
        setCancelling(false);
      },
      (error: unknown) => {
        setCancelError(toIpcError(error));
        setCancelling(false);
      },
    );
  }, [jobId]);

  const droppedLines = Math.max(0, (job?.lineCount ?? 0) - lines.length);
  return { job, lines, droppedLines, cancelling, cancelError, loadError, cancel };
}
