import { useCallback, useState } from 'react';
import type { JobSummary } from '../../../../shared/model/job';
import { describeIpcError, toIpcError } from '../../ipc/ipc-error';

/** A dialog's job once started: the job, whether the start is under way, and why it could not start. */
export interface StartedJob {
  job: JobSummary | undefined;
  starting: boolean;
  startError: string | undefined;
  setStartError: (message: string | undefined) => void;
  /** Sends the starting request; `say` turns the host's sentence into the dialog's ("Could not start the pull: …"). */
  start: (request: () => Promise<JobSummary>, say?: (message: string) => string) => void;
}

/** Starts one job from a dialog (a pull, push or build) and keeps it; `onStarted` hears of it once it runs. */
export function useStartJob(onStarted?: (job: JobSummary) => void): StartedJob {
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<string | undefined>(undefined);
  const [job, setJob] = useState<JobSummary | undefined>(undefined);
  const start = useCallback(
    (request: () => Promise<JobSummary>, say: (message: string) => string = (message) => message) => {
      setStarting(true);
      setStartError(undefined);
      request().then(
        (started) => {
          setStarting(false);
          setJob(started);
          onStarted?.(started);
        },
        (error: unknown) => {
          setStarting(false);
          setStartError(say(describeIpcError(toIpcError(error))));
        },
      );
    },
    [onStarted],
  );
  return { job, starting, startError, setStartError, start };
}
