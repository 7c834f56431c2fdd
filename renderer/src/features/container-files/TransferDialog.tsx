import { useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { PathField } from '../../components/PathField';
import { describeIpcError, toIpcError } from '../../ipc/ipc-error';

/** Props of a transfer dialog: its words, the picker's purpose, and the transfer itself (answering the success sentence). */
export interface TransferDialogProps {
  open: boolean;
  title: string;
  description: string;
  fieldLabel: string;
  purpose: 'open-file' | 'save-file';
  placeholder: string;
  submitLabel: string;
  onSubmit: (filePath: string) => Promise<string>;
  onDone: (message: string) => void;
  onClose: () => void;
}

/** A path on this machine to save to or upload from (PathField, with Browse… in the desktop app), with progress and the host's error. */
export function TransferDialog({ open, title, description, fieldLabel, purpose, placeholder, submitLabel, onSubmit, onDone, onClose }: TransferDialogProps): React.JSX.Element {
  const [filePath, setFilePath] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (open) {
      setFilePath('');
      setError(null);
    }
  }, [open]);
  const submit = (): void => {
    setBusy(true);
    setError(null);
    onSubmit(filePath.trim())
      .then((message) => {
        onDone(message);
        onClose();
      })
      .catch((caught: unknown) => setError(describeIpcError(toIpcError(caught))))
      .finally(() => setBusy(false));
  };
  return (
    <Dialog open={open} onClose={busy ? undefined : onClose} fullWidth maxWidth="sm" aria-labelledby="transfer-dialog-title">
      <DialogTitle id="transfer-dialog-title">{title}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>{description}</DialogContentText>
        <PathField label={fieldLabel} value={filePath} onChange={setFilePath} purpose={purpose} placeholder={placeholder} disabled={busy} />
        {error !== null && (
          <Alert severity="error" sx={{ mt: 2 }}>
            {error}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          Cancel
        </Button>
        <Button variant="contained" onClick={submit} disabled={busy || filePath.trim() === ''} startIcon={busy ? <CircularProgress size={16} color="inherit" aria-label="Working" /> : undefined}>
          {submitLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
