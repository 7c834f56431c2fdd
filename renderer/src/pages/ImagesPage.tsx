import { useCallback, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import DialogContentText from '@mui/material/DialogContentText';
import FormControlLabel from '@mui/material/FormControlLabel';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import CleaningServicesOutlined from '@mui/icons-material/CleaningServicesOutlined';
import type { ImageSummary } from '../../../shared/model/engine';
import { formatBytes } from '../components/format-bytes';
import { ConfirmDialog } from '../features/engine/ConfirmDialog';
import { EngineGate } from '../features/engine/EngineGate';
import { MutationSnackbar } from '../features/engine/MutationSnackbar';
import { describePrune } from '../features/engine/prune-words';
import { useEngineMutation } from '../features/engine/useEngineMutation';
import { ImagesGrid } from '../features/images/ImagesGrid';
import { imageName, pruneCandidates, useImages } from '../features/images/useImages';
import { invoke } from '../ipc/ipc-client';
import { describeIpcError } from '../ipc/ipc-error';
import { RetryAlert } from '../components/RetryAlert';

function RemoveImageDialog(props: { image: ImageSummary; busy: boolean; onCancel: () => void; onConfirm: (force: boolean) => void }): React.JSX.Element {
  const { image, busy, onCancel, onConfirm } = props;
  const [force, setForce] = useState(false);
  const used = image.containers > 0;
  return (
    <ConfirmDialog title={`Remove ${imageName(image)}?`} confirmLabel="Remove image" busy={busy} onCancel={onCancel} onConfirm={() => onConfirm(force)}>
      <DialogContentText>
        Removing deletes {image.tags.length > 1 ? 'its tags' : 'the image'} and the layers no other image shares (
        {formatBytes(image.sizeBytes)} at most). Getting it back means pulling or building it again.
      </DialogContentText>
      {used && (
        <>
          <Alert severity="warning" sx={{ mt: 2 }}>
            {image.containers === 1 ? 'A container uses' : `${image.containers} containers use`} this image, so the engine refuses to
            remove it. Forcing removes the tags while the layers the containers need stay until they are removed.
          </Alert>
          <FormControlLabel
            sx={{ mt: 1 }}
            control={<Checkbox checked={force} onChange={(event) => setForce(event.target.checked)} />}
            label="Force the removal"
          />
        </>
      )}
    </ConfirmDialog>
  );
}

function PruneImagesDialog(props: { images: readonly ImageSummary[]; busy: boolean; onCancel: () => void; onConfirm: () => void }): React.JSX.Element {
  const candidates = pruneCandidates(props.images);
  const total = candidates.reduce((sum, image) => sum + image.sizeBytes, 0);
  return (
    <ConfirmDialog title="Prune unused images?" confirmLabel="Prune images" busy={props.busy} onCancel={props.onCancel} onConfirm={props.onConfirm}>
      <DialogContentText>
        Pruning deletes dangling images: layers left without a tag, which no container uses. Tagged images are kept.
      </DialogContentText>
      {candidates.length === 0 ? (
        <DialogContentText sx={{ mt: 2 }}>No dangling image is listed right now, so pruning will most likely delete nothing.</DialogContentText>
      ) : (
        <>
          <DialogContentText sx={{ mt: 2 }}>
            {candidates.length === 1 ? 'This image goes' : `These ${candidates.length} images go`}, about {formatBytes(total)}:
          </DialogContentText>
          <List dense aria-label="Images to prune">
            {candidates.map((image) => (
              <ListItem key={image.id} disableGutters>
                <ListItemText primary={imageName(image)} secondary={formatBytes(image.sizeBytes)} />
              </ListItem>
            ))}
          </List>
        </>
      )}
    </ConfirmDialog>
  );
}

function ImagesView(): React.JSX.Element {
  const { images, loadError, refetch } = useImages();
  const mutation = useEngineMutation();
  const [removing, setRemoving] = useState<ImageSummary | undefined>(undefined);
  const [pruning, setPruning] = useState(false);
  const onRemove = useCallback((image: ImageSummary) => setRemoving(image), []);

  const remove = async (image: ImageSummary, force: boolean): Promise<void> => {
    const done = await mutation.run(() => invoke('images:remove', { id: image.id, force }), () => `Removed ${imageName(image)}.`);
    setRemoving(undefined);
    if (done) refetch();
  };
  const prune = async (): Promise<void> => {
    const done = await mutation.run(() => invoke('images:prune', {}), (result) => describePrune(result, 'image', 'images'));
    setPruning(false);
    if (done) refetch();
  };

  let body: React.JSX.Element;
  if (images === undefined) {
    body =
      loadError === undefined ? (
        <Box role="status" aria-label="Loading images">
          <Skeleton variant="rounded" height={120} />
        </Box>
      ) : (
        <RetryAlert onRetry={refetch}>
          Could not load the images: {describeIpcError(loadError)}
        </RetryAlert>
      );
  } else if (images.length === 0) {
    body = (
      <Paper variant="outlined" sx={{ p: 4, textAlign: 'center' }}>
        <Typography variant="h6" component="p">
          No images
        </Typography>
        <Typography color="text.secondary">
          Pull or build one from a terminal (<code>docker pull alpine</code>); it appears here.
        </Typography>
      </Paper>
    );
  } else {
    body = <ImagesGrid images={images} busy={mutation.busy} onRemove={onRemove} />;
  }

  return (
    <Stack spacing={2}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
        <Typography variant="body2" color="text.secondary" sx={{ flexGrow: 1 }}>
          {images === undefined ? '' : `${images.length} ${images.length === 1 ? 'image' : 'images'}, ${formatBytes(images.reduce((sum, image) => sum + image.sizeBytes, 0))} in all`}
        </Typography>
        <Button
          variant="outlined"
          color="error"
          startIcon={<CleaningServicesOutlined />}
          disabled={images === undefined || mutation.busy}
          onClick={() => setPruning(true)}
        >
          Prune images…
        </Button>
      </Box>
      {body}
      {removing !== undefined && (
        <RemoveImageDialog
          image={removing}
          busy={mutation.busy}
          onCancel={() => setRemoving(undefined)}
          onConfirm={(force) => void remove(removing, force)}
        />
      )}
      {pruning && images !== undefined && (
        <PruneImagesDialog images={images} busy={mutation.busy} onCancel={() => setPruning(false)} onConfirm={() => void prune()} />
      )}
      <MutationSnackbar mutation={mutation} />
    </Stack>
  );
}

/** The Images page: the engine's images with Remove (asks first) and Prune (says what goes, then what went). */
export function ImagesPage(): React.JSX.Element {
  return (
    <Stack spacing={2}>
      <Typography variant="h5" component="h2">
        Images
      </Typography>
      <EngineGate what="images">
        <ImagesView />
      </EngineGate>
    </Stack>
  );
}
