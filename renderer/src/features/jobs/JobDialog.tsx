import type { ReactNode } from 'react';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import type { JobKind, JobSummary } from '../../../../shared/model/job';
import { JobProgressView } from './JobProgressView';
import { useJob } from './useJob';

/** The title of a job's dialog by its kind. */
export const JOB_DIALOG_TITLES: Record<JobKind, string> = {
  pull: 'Pull an image',
  push: 'Push an image',
  build: 'Build an image',
  compose: 'Compose',
};

/** What a job's dialog body shows: the job as it started, its log or not, and what to add once it ends. */
export interface JobDialogBodyProps {
  job: JobSummary;
  showLog: boolean;
  logLabel?: string;
  /** Shown under the progress once the job has ended (a link to what it made). */
  renderEnd?: (job: JobSummary) => ReactNode;
  onClose: () => void;
}

/**
 * The content and actions of a dialog following one job: the progress view (Cancel while it runs) and Close, which
 * leaves a running job running (the page lists it to reopen).
 */
export function JobDialogBody({ job: started, showLog, logLabel, renderEnd, onClose }: JobDialogBodyProps): React.JSX.Element {
  const followed = useJob(started.id, started);
  const job = followed.job ?? started;
  return (
    <>
      <DialogContent>
        <JobProgressView followed={followed} showLog={showLog} logLabel={logLabel} />
        {job.state !== 'running' && renderEnd?.(job)}
      </DialogContent>
      <DialogActions sx={{ px: 3 }}>
        {job.state === 'running' && (
          <Typography variant="caption" color="text.secondary" sx={{ flexGrow: 1 }}>
            Closing keeps it running; reopen it from the jobs list.
          </Typography>
        )}
        <Button onClick={onClose} variant={job.state === 'running' ? 'text' : 'contained'}>
          Close
        </Button>
      </DialogActions>
    </>
  );
}

/** A dialog that follows one job already started (reopened from a jobs list), named by the job's kind. */
export function JobDialog(props: JobDialogBodyProps): React.JSX.Element {
  return (
    <Dialog open onClose={props.onClose} aria-labelledby="job-dialog-title" maxWidth="md" fullWidth>
      <DialogTitle id="job-dialog-title">{JOB_DIALOG_TITLES[props.job.kind]}</DialogTitle>
      <JobDialogBody {...props} />
    </Dialog>
  );
}
