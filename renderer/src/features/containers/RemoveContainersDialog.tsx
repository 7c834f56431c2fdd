import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import type { ContainerRow } from '../../../../shared/model/container';
import type { ActOptions } from './useContainerActions';

/** Props of the remove confirmation: the containers to remove (none = closed), and the two outcomes. */
export interface RemoveContainersDialogProps {
  containers: readonly ContainerRow[];
  onCancel: () => void;
  onConfirm: (options: Required<ActOptions>) => void;
}

function plural(count: number, one: string, many: string): string {
  return count === 1 ? one : `${count} ${many}`;
}

/**
 * Asks before removing containers and says what is lost: each container's writable layer, logs and settings; running
 * ones are killed first (force); anonymous volumes go only if the box is ticked; images and named volumes stay.
 */
export function RemoveContainersDialog({ containers, onCancel, onConfirm }: RemoveContainersDialogProps): React.JSX.Element {
  const [removeVolumes, setRemoveVolumes] = useState(false);
  const running = containers.filter((container) => container.state !== 'exited' && container.state !== 'created' && container.state !== 'dead');
  const what = plural(containers.length, 'this container', 'containers');
  return (
    <Dialog open={containers.length > 0} onClose={onCancel} aria-labelledby="remove-containers-title" maxWidth="sm" fullWidth>
      <DialogTitle id="remove-containers-title">Remove {what}?</DialogTitle>
      <DialogContent>
        <List dense aria-label="Containers to remove" sx={{ maxHeight: 200, overflow: 'auto' }}>
          {containers.map((container) => (
            <ListItem key={container.id} disableGutters>
              <ListItemText primary={container.name} secondary={`${container.image} · ${container.state}`} />
            </ListItem>
          ))}
        </List>
        <DialogContentText>
          Removing deletes each container&apos;s writable layer (every file created or changed inside it), its logs and its
          settings. This cannot be undone. Images and named volumes are kept.
        </DialogContentText>
        {running.length > 0 && (
          <Alert severity="warning" sx={{ mt: 2 }}>
            {containers.length === 1 ? 'It is' : plural(running.length, 'One of them is', 'of them are')} still running and will be
            killed first: work in progress inside {running.length === 1 ? 'it' : 'them'} is lost.
          </Alert>
        )}
        <FormControlLabel
          sx={{ mt: 1 }}
          control={<Checkbox checked={removeVolumes} onChange={(event) => setRemoveVolumes(event.target.checked)} />}
          label="Also delete their anonymous volumes (the data in them is lost)"
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel}>Cancel</Button>
        <Button
          color="error"
          variant="contained"
          onClick={() => onConfirm({ force: running.length > 0, removeVolumes })}
        >
          Remove {plural(containers.length, 'container', 'containers')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
