import type { ReactNode } from 'react';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';

/** Props of a destructive confirmation: its title (the dialog's name), body, confirm words, and the work state. */
export interface ConfirmDialogProps {
  title: string;
  confirmLabel: string;
  busy: boolean;
  /** Keeps the confirm button disabled (nothing chosen yet). */
  confirmDisabled?: boolean;
  onCancel: () => void;
  onConfirm: () => void;
  children: ReactNode;
}

/**
 * An open dialog named by `title` that asks before destructive work. While `busy` it shows progress on the confirm
 * button, and neither button nor Escape can close it until the work ends.
 */
export function ConfirmDialog({ title, confirmLabel, busy, confirmDisabled = false, onCancel, onConfirm, children }: ConfirmDialogProps): React.JSX.Element {
  return (
    <Dialog open onClose={busy ? undefined : onCancel} aria-labelledby="confirm-dialog-title" maxWidth="sm" fullWidth>
      <DialogTitle id="confirm-dialog-title">{title}</DialogTitle>
      <DialogContent>{children}</DialogContent>
      <DialogActions>
        <Button onClick={onCancel} disabled={busy}>
          Cancel
        </Button>
        <Button
          color="error"
          variant="contained"
          onClick={onConfirm}
          disabled={busy || confirmDisabled}
          startIcon={busy ? <CircularProgress size={16} color="inherit" aria-hidden /> : undefined}
        >
          {confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
