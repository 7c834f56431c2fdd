import DialogContentText from '@mui/material/DialogContentText';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import type { ImageSummary } from '../../../../shared/model/engine';
import { formatBytes } from '../../components/format-bytes';
import { ConfirmDialog } from '../engine/ConfirmDialog';
import { imageName, pruneCandidates } from './useImages';

/** Props of the prune confirmation: the listed images, whether the prune runs, and the answers. */
export interface PruneImagesDialogProps {
  images: readonly ImageSummary[];
  busy: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}

/** "Prune unused images?": says that dangling images go, and lists the ones listed now with their sizes. */
export function PruneImagesDialog(props: PruneImagesDialogProps): React.JSX.Element {
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
