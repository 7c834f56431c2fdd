import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Checkbox from '@mui/material/Checkbox';
import DialogContentText from '@mui/material/DialogContentText';
import FormControlLabel from '@mui/material/FormControlLabel';
import type { ImageSummary } from '../../../../shared/model/engine';
import { formatBytes } from '../../components/format-bytes';
import { ConfirmDialog } from '../engine/ConfirmDialog';
import { imageName } from './useImages';

/** Props of the remove confirmation: the image, whether the removal runs, and the answers. */
export interface RemoveImageDialogProps {
  image: ImageSummary;
  busy: boolean;
  onCancel: () => void;
  onConfirm: (force: boolean) => void;
}

/** "Remove <name>?": says what goes; for an image containers use, explains that the engine refuses and offers Force. */
export function RemoveImageDialog(props: RemoveImageDialogProps): React.JSX.Element {
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
