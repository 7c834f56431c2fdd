import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import type { JobSummary } from '../../../../shared/model/job';
import { invoke } from '../../ipc/ipc-client';
import { JOB_DIALOG_TITLES, JobDialogBody } from '../jobs/JobDialog';
import { ImageJobEnd } from './ImageJobEnd';
import { DOCKER_HUB_PUSH_HINT, pushDestination, registryHost } from './image-words';
import { useStartJob } from '../jobs/useStartJob';
import { StartJobActions } from '../jobs/StartJobActions';

/** Props of the push dialog: the image's tags (one is pushed), which to offer first, what to do with the job, close. */
export interface PushDialogProps {
  tags: readonly string[];
  initialTag?: string;
  onStarted?: (job: JobSummary) => void;
  onClose: () => void;
}

/**
 * "Push an image": asks which tag goes where (a registry host from the tag, or Docker Hub, which needs `docker login`),
 * then shows the push's per-layer progress with Cancel, and the pushed digest at the end.
 */
export function PushDialog({ tags, initialTag, onStarted, onClose }: PushDialogProps): React.JSX.Element {
  const [tag, setTag] = useState(initialTag ?? tags.find((candidate) => registryHost(candidate) !== null) ?? tags[0] ?? '');
  const { job, starting, startError, start: startJob } = useStartJob(onStarted);

  const start = (): void => {
    startJob(() => invoke('images:push', { reference: tag }));
  };

  return (
    <Dialog
      open
      onClose={starting ? undefined : onClose}
      aria-labelledby="push-dialog-title"
      aria-describedby={job === undefined ? 'push-dialog-question' : undefined}
      maxWidth="sm"
      fullWidth
    >
      <DialogTitle id="push-dialog-title">{JOB_DIALOG_TITLES.push}</DialogTitle>
      {job === undefined ? (
        <>
          <DialogContent>
            {tags.length > 1 && (
              <TextField
                select
                label="Tag to push"
                value={tag}
                onChange={(event) => setTag(event.target.value)}
                fullWidth
                size="small"
                sx={{ mt: 1, mb: 2 }}
              >
                {tags.map((candidate) => (
                  <MenuItem key={candidate} value={candidate}>
                    {candidate}
                  </MenuItem>
                ))}
              </TextField>
            )}
            <DialogContentText id="push-dialog-question">
              Push <strong>{tag}</strong> to <strong>{pushDestination(tag)}</strong>? The registry receives the layers it does not
              have yet.
            </DialogContentText>
            {registryHost(tag) === null && (
              <Alert severity="info" sx={{ mt: 2 }}>
                {DOCKER_HUB_PUSH_HINT}
              </Alert>
            )}
            {startError !== undefined && (
              <Alert severity="error" sx={{ mt: 2 }}>
                Could not start the push: {startError}
              </Alert>
            )}
          </DialogContent>
          <StartJobActions verb="Push" starting={starting} disabled={tag === ''} onCancel={onClose} onStart={start} />
        </>
      ) : (
        <JobDialogBody job={job} showLog={false} onClose={onClose} renderEnd={(ended) => <ImageJobEnd job={ended} onOpen={onClose} />} />
      )}
    </Dialog>
  );
}
