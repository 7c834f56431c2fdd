import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { JobKind, JobProgress, JobSummary } from '../../../../shared/model/job';
import { invoke } from '../../ipc/ipc-client';
import { toIpcError, type IpcError } from '../../ipc/ipc-error';
import { useIpcEvent } from '../../ipc/useIpcEvent';
import { frameThrottle } from './frame-throttle';
import { isNewerJob } from './job-order';

/** Shortest gap between two renders of the jobs list: its rows show states and one bar each, so a few times a second is plenty. */
const JOBS_RENDER_MS = 250;

/** Jobs a list keeps at most (the host keeps 20 finished ones and 4 running). */
export const JOBS_LISTED_MAX = 50;

/** The host's jobs of some kinds, newest first, kept current by pushes. */
export interface JobsModel {
  jobs: readonly JobSummary[];
  loadError: IpcError | undefined;
}

function newestFirst(jobs: Iterable<JobSummary>): JobSummary[] {
  return [...jobs].sort((a, b) => b.startedAt - a.startedAt || b.id.localeCompare(a.id, 'en', { numeric: true })).slice(0, JOBS_LISTED_MAX);
}

/**
 * The jobs of the given kinds: `jobs:list` once, then the `jobs:progressed` pushes applied together at most every JOBS_RENDER_MS.
 * `onEnded` is called once for each job seen running here that then ends (succeeded, failed or cancelled).
 */
export function useJobs(kinds: readonly JobKind[], onEnded?: (job: JobSummary) => void): JobsModel {
  const kindKey = kinds.join(',');
  const [jobs, setJobs] = useState<readonly JobSummary[]>([]);
  const [loadError, setLoadError] = useState<IpcError | undefined>(undefined);
  const known = useRef(new Map<string, JobSummary>());
  const queue = useRef<JobProgress[]>([]);
  const ended = useRef(onEnded);
  useEffect(() => {
    ended.current = onEnded;
  });

  const apply = useCallback(() => {
    const endedNow: JobSummary[] = [];
    for (const { job } of queue.current.splice(0)) {
      const before = known.current.get(job.id);
      if (!isNewerJob(job, before)) continue;
      if ((before === undefined || before.state === 'running') && job.state !== 'running') endedNow.push(job);
      known.current.set(job.id, job);
    }
    const kept = newestFirst(known.current.values());
    known.current = new Map(kept.map((job) => [job.id, job]));
    setJobs(kept);
    for (const job of endedNow) ended.current?.(job);
  }, []);

  const throttle = useMemo(() => frameThrottle(apply, JOBS_RENDER_MS), [apply]);

  useIpcEvent('jobs:progressed', (pushed) => {
    if (!kindKey.split(',').includes(pushed.job.kind)) return;
    queue.current.push(pushed);
    throttle.schedule();
  });

  useEffect(() => {
    let live = true;
    invoke('jobs:list', {}).then(
      (listed) => {
        if (!live) return;
        const wanted = kindKey.split(',');
        for (const job of listed) {
          if (wanted.includes(job.kind) && isNewerJob(job, known.current.get(job.id))) known.current.set(job.id, job);
        }
        const kept = newestFirst(known.current.values());
        known.current = new Map(kept.map((job) => [job.id, job]));
        setJobs(kept);
        setLoadError(undefined);
      },
      (error: unknown) => {
        if (live) setLoadError(toIpcError(error));
      },
    );
    return () => {
      live = false;
      throttle.cancel();
    };
  }, [kindKey, throttle]);

  return { jobs, loadError };
}
