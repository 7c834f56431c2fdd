import { useCallback, useEffect, useRef, useState } from 'react';
import type { JobProgress, JobSummary } from '../../../../shared/model/job';
import { invoke } from '../../ipc/ipc-client';
import { toIpcError, type IpcError } from '../../ipc/ipc-error';
import { useIpcEvent } from '../../ipc/useIpcEvent';
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
  cancel: () => void;
}

function numbered(texts: readonly string[], from: number): NumberedLine[] {
  return texts.map((text, index) => ({ seq: from + index, stream: 'stdout', text, timestamp: null }));
}

/**
 * Follows one job by id: fetches its detail (the output so far), then applies its `jobs:progressed` pushes, applying
 * what arrived once per animation frame so a fast build log never makes React render more often than the screen.
 */
export function useJob(jobId: string | null, initial?: JobSummary): FollowedJob {
  const [job, setJob] = useState<JobSummary | undefined>(initial);
  const [lines, setLines] = useState<readonly NumberedLine[]>([]);
  const [cancelling, setCancelling] = useState(false);
  const [cancelError, setCancelError] = useState<IpcError | undefined>(undefined);
  const queue = useRef<JobProgress[]>([]);
  const frame = useRef<number | null>(null);
  const nextSeq = useRef(0);

  const apply = useCallback(() => {
    frame.current = null;
    const pushes = queue.current.splice(0);
    if (pushes.length === 0) return;
    const latest = pushes[pushes.length - 1];
    if (latest !== undefined) setJob(latest.job);
    const fresh: NumberedLine[] = [];
    for (const push of pushes) {
      nextSeq.current += push.droppedLines;
      fresh.push(...numbered(push.lines, nextSeq.current));
      nextSeq.current += push.lines.length;
    }
    if (fresh.length > 0) {
      setLines((previous) => {
        const all = previous.concat(fresh);
        return all.length > JOB_UI_LINES ? all.slice(all.length - JOB_UI_LINES) : all;
      });
    }
  }, []);

  useIpcEvent('jobs:progressed', (pushed) => {
    if (pushed.job.id !== jobId) return;
    queue.current.push(pushed);
    if (frame.current === null) frame.current = requestAnimationFrame(apply);
  });

  useEffect(() => {
    queue.current = [];
    nextSeq.current = 0;
    setLines([]);
    setCancelling(false);
    setCancelError(undefined);
    if (jobId === null) {
      setJob(undefined);
      return undefined;
    }
    let live = true;
    invoke('jobs:get', { jobId }).then(
      (detail) => {
        if (!live) return;
        setJob((current) => (current !== undefined && current.lineCount > detail.job.lineCount ? current : detail.job));
        nextSeq.current = detail.firstLine + detail.lines.length;
        setLines((current) => (current.length > 0 ? current : numbered(detail.lines, detail.firstLine)));
      },
      () => undefined,
    );
    return () => {
      live = false;
      if (frame.current !== null) cancelAnimationFrame(frame.current);
      frame.current = null;
    };
  }, [jobId]);

  const cancel = useCallback(() => {
    if (jobId === null) return;
    setCancelling(true);
    setCancelError(undefined);
    invoke('jobs:cancel', { jobId }).then(
      (summary) => {
        setJob(summary);
        setCancelling(false);
      },
      (error: unknown) => {
        setCancelError(toIpcError(error));
        setCancelling(false);
      },
    );
  }, [jobId]);

  const droppedLines = Math.max(0, (job?.lineCount ?? 0) - lines.length);
  return { job, lines, droppedLines, cancelling, cancelError, cancel };
}
