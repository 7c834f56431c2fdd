import { useState } from 'react';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import { invoke } from '../../ipc/ipc-client';
import { describeIpcError, toIpcError } from '../../ipc/ipc-error';
import { referenceProblem } from './image-words';

/** Props of the tag dialog: the image (its id, and how people call it), and what happens after. */
export interface TagDialogProps {
  imageId: string;
  name: string;
  /** Called with the new reference once the engine has tagged the image. */
  onTagged: (target: string) => void;
  onClose: () => void;
}

/** "Tag <name>": a new reference for the image (`docker tag`), checked before it is sent; the engine's refusal shows under the field. */
export function TagDialog({ imageId, name, onTagged, onClose }: TagDialogProps): React.JSX.Element {
  const [target, setTarget] = useState('');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const problem = referenceProblem(target);

  const submit = (): void => {
    setTouched(true);
    if (problem !== undefined) return;
    setBusy(true);
    setFailure(undefined);
    invoke('images:tag', { source: imageId, target: target.trim() }).then(
      (tagged) => {
        setBusy(false);
        onTagged(tagged.target);
      },
      (error: unknown) => {
        setBusy(false);
        setFailure(`Could not tag it: ${describeIpcError(toIpcError(error))}`);
      },
    );
  };

  return (
    <Dialog open onClose={busy ? undefined : onClose} aria-labelledby="tag-dialog-title" maxWidth="sm" fullWidth>
      <DialogTitle id="tag-dialog-title">Tag {name}</DialogTitle>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>
            A tag is another name for the same image; nothing is copied. To push to a registry, start the tag with its host
            (127.0.0.1:5000/team/app:1).
          </DialogContentText>
          <TextField
            label="New tag"
            value={target}
            onChange={(event) => {
              setTarget(event.target.value);
              setFailure(undefined);
            }}
            onBlur={() => setTouched(target !== '')}
            error={(touched && problem !== undefined) || failure !== undefined}
            helperText={(touched ? problem : undefined) ?? failure ?? 'name[:tag]; the tag is latest when left out.'}
            placeholder="127.0.0.1:5000/team/app:1"
            autoFocus
            fullWidth
            size="small"
            disabled={busy}
            slotProps={{ htmlInput: { spellCheck: false, autoCapitalize: 'off', autoCorrect: 'off' } }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" variant="contained" disabled={busy} startIcon={busy ? <CircularProgress size={16} color="inherit" aria-hidden /> : undefined}>
            Tag
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
