import { useState } from 'react';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { PathField } from '../../components/PathField';
import { ComposeJobDialog } from './ComposeJobDialog';
import { composeFileProblem } from './compose-words';

/** Props of the open-a-compose-file dialog. */
export interface OpenComposeFileDialogProps {
  onClose: () => void;
}

/**
 * "Open a compose file": a path on this machine (typed, or chosen with Browse… in the desktop app), checked to be
 * an absolute *.yml / *.yaml path, then Up runs `compose -f <file> up -d` in its folder and follows the job.
 */
export function OpenComposeFileDialog({ onClose }: OpenComposeFileDialogProps): React.JSX.Element {
  const [file, setFile] = useState('');
  const [touched, setTouched] = useState(false);
  const [chosen, setChosen] = useState<string | null>(null);
  const problem = composeFileProblem(file);
  if (chosen !== null) return <ComposeJobDialog source={{ file: chosen }} onClose={onClose} />;
  return (
    <Dialog open onClose={onClose} aria-labelledby="open-compose-title" maxWidth="sm" fullWidth>
      <DialogTitle id="open-compose-title">Open a compose file</DialogTitle>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setTouched(true);
          if (problem === undefined) setChosen(file.trim());
        }}
      >
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>
            Compose brings the file&apos;s services up in the background and names the project after the file&apos;s folder.
          </DialogContentText>
          <PathField
            label="Compose file"
            value={file}
            onChange={(value) => {
              setFile(value);
              setTouched(value !== '');
            }}
            purpose="open-file"
            placeholder="/home/me/shop/compose.yaml"
            error={touched ? problem : undefined}
            helperText="compose.yaml, docker-compose.yml or another *.yml file"
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained">
            Up
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
