import { useCallback, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import DialogContentText from '@mui/material/DialogContentText';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import CleaningServicesOutlined from '@mui/icons-material/CleaningServicesOutlined';
import type { VolumeSummary } from '../../../shared/model/engine';
import { ConfirmDialog } from '../features/engine/ConfirmDialog';
import { EngineGate } from '../features/engine/EngineGate';
import { MutationSnackbar } from '../features/engine/MutationSnackbar';
import { describePrune } from '../features/engine/prune-words';
import { useEngineMutation } from '../features/engine/useEngineMutation';
import { NetworksGrid } from '../features/volumes/NetworksGrid';
import { unusedVolumes, useVolumes } from '../features/volumes/useVolumes';
import { VolumesGrid } from '../features/volumes/VolumesGrid';
import { invoke } from '../ipc/ipc-client';
import { describeIpcError, type IpcError } from '../ipc/ipc-error';
import { RetryAlert } from '../components/RetryAlert';

function Loading({ what }: { what: string }): React.JSX.Element {
  return (
    <Box role="status" aria-label={`Loading ${what}`}>
      <Skeleton variant="rounded" height={120} />
    </Box>
  );
}

function LoadFailed({ what, error, onRetry }: { what: string; error: IpcError; onRetry: () => void }): React.JSX.Element {
  return (
    <RetryAlert onRetry={onRetry}>
      Could not load the {what}: {describeIpcError(error)}
    </RetryAlert>
  );
}

function Empty({ title, hint }: { title: string; hint: React.ReactNode }): React.JSX.Element {
  return (
    <Paper variant="outlined" sx={{ p: 3, textAlign: 'center' }}>
      <Typography variant="h6" component="p">
        {title}
      </Typography>
      <Typography color="text.secondary">{hint}</Typography>
    </Paper>
  );
}

function RemoveVolumeDialog(props: { volume: VolumeSummary; busy: boolean; onCancel: () => void; onConfirm: () => void }): React.JSX.Element {
  const { volume } = props;
  return (
    <ConfirmDialog title={`Remove ${volume.name}?`} confirmLabel="Remove volume" busy={props.busy} onCancel={props.onCancel} onConfirm={props.onConfirm}>
      <DialogContentText>
        Removing deletes the volume and every file in it. This cannot be undone: back it up first if you need the data.
      </DialogContentText>
      {volume.inUseBy.length > 0 && (
        <Alert severity="warning" sx={{ mt: 2 }}>
          {volume.inUseBy.join(', ')} {volume.inUseBy.length === 1 ? 'uses' : 'use'} it, so the engine refuses until{' '}
          {volume.inUseBy.length === 1 ? 'that container is' : 'those containers are'} removed.
        </Alert>
      )}
    </ConfirmDialog>
  );
}

function PruneVolumesDialog(props: { volumes: readonly VolumeSummary[]; busy: boolean; onCancel: () => void; onConfirm: () => void }): React.JSX.Element {
  const candidates = unusedVolumes(props.volumes);
  return (
    <ConfirmDialog title="Prune unused volumes?" confirmLabel="Prune volumes" busy={props.busy} onCancel={props.onCancel} onConfirm={props.onConfirm}>
      <DialogContentText>
        Pruning deletes volumes that no container uses, with all the data in them. Volumes in use are kept. Recent engines
        keep named volumes and prune only anonymous ones.
      </DialogContentText>
      {candidates.length === 0 ? (
        <DialogContentText sx={{ mt: 2 }}>Every volume is in use, so pruning will delete nothing.</DialogContentText>
      ) : (
        <>
          <DialogContentText sx={{ mt: 2 }}>Unused now, so they may go:</DialogContentText>
          <List dense aria-label="Volumes to prune">
            {candidates.map((volume) => (
              <ListItem key={volume.name} disableGutters>
                <ListItemText primary={volume.name} secondary={volume.mountpoint} />
              </ListItem>
            ))}
          </List>
        </>
      )}
    </ConfirmDialog>
  );
}

function VolumesView(): React.JSX.Element {
  const model = useVolumes();
  const { volumes, networks, refetch } = model;
  const mutation = useEngineMutation();
  const [removing, setRemoving] = useState<VolumeSummary | undefined>(undefined);
  const [pruning, setPruning] = useState(false);
  const onRemove = useCallback((volume: VolumeSummary) => setRemoving(volume), []);

  const remove = async (volume: VolumeSummary): Promise<void> => {
    const done = await mutation.run(() => invoke('volumes:remove', { name: volume.name }), () => `Removed ${volume.name}.`);
    setRemoving(undefined);
    if (done) refetch();
  };
  const prune = async (): Promise<void> => {
    const done = await mutation.run(() => invoke('volumes:prune', {}), (result) => describePrune(result, 'volume', 'volumes'));
    setPruning(false);
    if (done) refetch();
  };

  let volumesBody: React.JSX.Element;
  if (volumes === undefined) {
    volumesBody = model.volumesError === undefined ? <Loading what="volumes" /> : <LoadFailed what="volumes" error={model.volumesError} onRetry={refetch} />;
  } else if (volumes.length === 0) {
    volumesBody = <Empty title="No volumes" hint={<>Containers create them with <code>-v name:/path</code>; they appear here.</>} />;
  } else {
    volumesBody = <VolumesGrid volumes={volumes} busy={mutation.busy} onRemove={onRemove} />;
  }

  let networksBody: React.JSX.Element;
  if (networks === undefined) {
    networksBody =
      model.networksError === undefined ? <Loading what="networks" /> : <LoadFailed what="networks" error={model.networksError} onRetry={refetch} />;
  } else if (networks.length === 0) {
    networksBody = <Empty title="No networks" hint="The engine lists no network." />;
  } else {
    networksBody = <NetworksGrid networks={networks} />;
  }

  return (
    <Stack spacing={2}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
        <Typography variant="body2" color="text.secondary" sx={{ flexGrow: 1 }}>
          {volumes === undefined ? '' : `${volumes.length} ${volumes.length === 1 ? 'volume' : 'volumes'}, ${unusedVolumes(volumes).length} unused`}
        </Typography>
        <Button
          variant="outlined"
          color="error"
          startIcon={<CleaningServicesOutlined />}
          disabled={volumes === undefined || mutation.busy}
          onClick={() => setPruning(true)}
        >
          Prune volumes…
        </Button>
      </Box>
      {volumesBody}
      <Typography variant="h6" component="h3">
        Networks
      </Typography>
      {networksBody}
      {removing !== undefined && (
        <RemoveVolumeDialog volume={removing} busy={mutation.busy} onCancel={() => setRemoving(undefined)} onConfirm={() => void remove(removing)} />
      )}
      {pruning && volumes !== undefined && (
        <PruneVolumesDialog volumes={volumes} busy={mutation.busy} onCancel={() => setPruning(false)} onConfirm={() => void prune()} />
      )}
      <MutationSnackbar mutation={mutation} />
    </Stack>
  );
}

/** The Volumes page: volumes with Remove (asks first, says the data goes) and Prune, and the engine's networks below. */
export function VolumesPage(): React.JSX.Element {
  return (
    <Stack spacing={2}>
      <Typography variant="h5" component="h2">
        Volumes
      </Typography>
      <EngineGate what="volumes">
        <VolumesView />
      </EngineGate>
    </Stack>
  );
}
