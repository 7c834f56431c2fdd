import { useState } from 'react';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import type { JobSummary } from '../../../../shared/model/job';
import { invoke } from '../../ipc/ipc-client';
import { JOB_DIALOG_TITLES, JobDialogBody } from '../jobs/JobDialog';
import { ImageJobEnd } from './ImageJobEnd';
import { referenceProblem } from './image-words';
import { useStartJob } from '../jobs/useStartJob';
import { StartJobActions } from '../jobs/StartJobActions';

/** Props of the pull dialog: a reference to start with, what to do with the started job, and close. */
export interface PullDialogProps {
  initialReference?: string;
  /** Called with the job once the host has started it (the page lists it). */
  onStarted?: (job: JobSummary) => void;
  onClose: () => void;
}

/**
 * "Pull an image": a reference checked against the distribution grammar before it is sent, then the pull's
 * per-layer progress with Cancel while it runs; Close at any time leaves a running pull running.
 */
export function PullDialog({ initialReference = '', onStarted, onClose }: PullDialogProps): React.JSX.Element {
  const [reference, setReference] = useState(initialReference);
  const [touched, setTouched] = useState(false);
  const { job, starting, startError, setStartError, start: startJob } = useStartJob(onStarted);
  const problem = referenceProblem(reference);

  const start = (): void => {
    setTouched(true);
    if (problem !== undefined) return;
    startJob(() => invoke('images:pull', { reference: reference.trim() }), (message) => `Could not start the pull: ${message}`);
  };

  return (
    <Dialog open onClose={starting ? undefined : onClose} aria-labelledby="pull-dialog-title" maxWidth="sm" fullWidth>
      <DialogTitle id="pull-dialog-title">{JOB_DIALOG_TITLES.pull}</DialogTitle>
      {job === undefined ? (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            start();
          }}
        >
          <DialogContent>
            <DialogContentText sx={{ mb: 2 }}>
              The engine downloads the image from its registry: Docker Hub for a plain name (busybox:1.36), or the host a
              reference starts with (127.0.0.1:5000/team/app:1).
            </DialogContentText>
            <TextField
              label="Image reference"
              value={reference}
              onChange={(event) => {
                setReference(event.target.value);
                setStartError(undefined);
              }}
              onBlur={() => setTouched(reference !== '')}
              error={(touched && problem !== undefined) || startError !== undefined}
              helperText={(touched ? problem : undefined) ?? startError ?? 'name[:tag][@digest]; the tag is latest when left out.'}
              placeholder="busybox:1.36"
              autoFocus
              fullWidth
              size="small"
              disabled={starting}
              slotProps={{ htmlInput: { spellCheck: false, autoCapitalize: 'off', autoCorrect: 'off' } }}
            />
          </DialogContent>
          <StartJobActions verb="Pull" starting={starting} onCancel={onClose} />
        </form>
      ) : (
        <JobDialogBody job={job} showLog={false} onClose={onClose} renderEnd={(ended) => <ImageJobEnd job={ended} onOpen={onClose} />} />
      )}
    </Dialog>
  );
}
