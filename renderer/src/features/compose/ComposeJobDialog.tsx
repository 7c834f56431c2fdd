import { useEffect, useRef, useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import type { ComposeAction } from '../../../../shared/model/compose';
import type { JobSummary } from '../../../../shared/model/job';
import { invoke } from '../../ipc/ipc-client';
import { describeIpcError, toIpcError } from '../../ipc/ipc-error';
import { JobProgressView } from '../jobs/JobProgressView';
import { useJob } from '../jobs/useJob';
import { COMPOSE_ACTION_LABELS } from './compose-words';

type Phase = { kind: 'confirm' } | { kind: 'starting' } | { kind: 'failed'; message: string } | { kind: 'running'; job: JobSummary };

/** Where a Compose job comes from: an action on a project, or a Compose file brought up as a new project. */
export type ComposeJobSource = { project: string; action: ComposeAction } | { file: string };

function startJob(source: ComposeJobSource): Promise<JobSummary> {
  return 'file' in source ? invoke('compose:up-file', { file: source.file }) : invoke('compose:act', source);
}

/** The dialog's title for a source: "Compose down shop", "Compose up /path/compose.yaml". */
export function composeJobTitle(source: ComposeJobSource): string {
  return 'file' in source ? `Compose up ${source.file}` : `Compose ${source.action} ${source.project}`;
}

function JobBody({ job, isLogs, onClose }: { job: JobSummary; isLogs: boolean; onClose: () => void }): React.JSX.Element {
  const followed = useJob(job.id, job);
  const state = followed.job?.state ?? job.state;
  const close = (): void => {
    if (isLogs && state === 'running') followed.cancel();
    onClose();
  };
  return (
    <>
      <DialogContent>
        <JobProgressView followed={followed} showLog logLabel="Compose output" />
      </DialogContent>
      <DialogActions sx={{ px: 3 }}>
        {state === 'running' && (
          <Typography variant="caption" color="text.secondary" sx={{ flexGrow: 1 }}>
            {isLogs ? 'Closing stops following the logs.' : 'Closing keeps Compose running.'}
          </Typography>
        )}
        <Button onClick={close} variant={state === 'running' ? 'text' : 'contained'}>
          Close
        </Button>
      </DialogActions>
    </>
  );
}

/** Props of the Compose job dialog: what to run and how to close it. */
export interface ComposeJobDialogProps {
  source: ComposeJobSource;
  onClose: () => void;
}

/**
 * Runs one Compose job and follows it: `down` asks first (it removes the project's containers and networks), every
 * other action starts at once; then the job's status, its Compose output and Cancel while it runs. Closing a `logs`
 * job stops following; closing any other leaves it running.
 */
export function ComposeJobDialog({ source, onClose }: ComposeJobDialogProps): React.JSX.Element {
  const asks = !('file' in source) && source.action === 'down';
  const [phase, setPhase] = useState<Phase>(asks ? { kind: 'confirm' } : { kind: 'starting' });
  const started = useRef(false);
  const sourceRef = useRef(source);

  const start = (): void => {
    if (started.current) return;
    started.current = true;
    setPhase({ kind: 'starting' });
    startJob(sourceRef.current).then(
      (job) => setPhase({ kind: 'running', job }),
      (error: unknown) => setPhase({ kind: 'failed', message: describeIpcError(toIpcError(error)) }),
    );
  };
  const startRef = useRef(start);
  useEffect(() => {
    if (!asks) startRef.current();
  }, [asks]);

  const title = composeJobTitle(source);
  return (
    <Dialog open onClose={phase.kind === 'starting' ? undefined : onClose} aria-labelledby="compose-job-title" maxWidth="md" fullWidth>
      <DialogTitle id="compose-job-title" sx={{ overflowWrap: 'anywhere' }}>
        {title}
      </DialogTitle>
      {phase.kind === 'confirm' && !('file' in source) && (
        <>
          <DialogContent>
            <DialogContentText>
              Compose stops and removes every container of <strong>{source.project}</strong> and the networks it made. Volumes and images stay;
              Up brings the project back from its Compose files.
            </DialogContentText>
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose}>Cancel</Button>
            <Button color="error" variant="contained" onClick={start}>
              {COMPOSE_ACTION_LABELS.down}
            </Button>
          </DialogActions>
        </>
      )}
      {phase.kind === 'starting' && (
        <DialogContent>
          <LinearProgress aria-label="Starting Compose" />
        </DialogContent>
      )}
      {phase.kind === 'failed' && (
        <>
          <DialogContent>
            <Alert severity="error">Compose could not start: {phase.message}</Alert>
          </DialogContent>
          <DialogActions>
            <Button variant="contained" onClick={onClose}>
              Close
            </Button>
          </DialogActions>
        </>
      )}
      {phase.kind === 'running' && <JobBody job={phase.job} isLogs={!('file' in source) && source.action === 'logs'} onClose={onClose} />}
    </Dialog>
  );
}
