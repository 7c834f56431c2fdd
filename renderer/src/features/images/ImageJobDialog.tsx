import type { JobSummary } from '../../../../shared/model/job';
import { JobDialog } from '../jobs/JobDialog';
import { ImageJobEnd } from './ImageJobEnd';

/** A reopened pull, push or build: its progress (a build's log too) and, once it succeeded, what it made; opening that closes it. */
export function ImageJobDialog({ job, onClose }: { job: JobSummary; onClose: () => void }): React.JSX.Element {
  return (
    <JobDialog
      job={job}
      showLog={job.kind === 'build'}
      logLabel="Build log"
      onClose={onClose}
      renderEnd={(ended) => <ImageJobEnd job={ended} onOpen={onClose} />}
    />
  );
}
