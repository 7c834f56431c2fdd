import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import DialogActions from '@mui/material/DialogActions';

/** Props of a start dialog's buttons: the verb, whether the start is under way or not allowed, and the two actions. */
export interface StartJobActionsProps {
  verb: string;
  starting: boolean;
  disabled?: boolean;
  onCancel: () => void;
  /** Absent when the verb submits the dialog's form. */
  onStart?: () => void;
}

/** Cancel and the dialog's verb (Pull, Build, Push), which shows a spinner while the job is being started. */
export function StartJobActions({ verb, starting, disabled = false, onCancel, onStart }: StartJobActionsProps): React.JSX.Element {
  return (
    <DialogActions>
      <Button onClick={onCancel} disabled={starting}>
        Cancel
      </Button>
      <Button
        type={onStart === undefined ? 'submit' : 'button'}
        variant="contained"
        onClick={onStart}
        disabled={starting || disabled}
        startIcon={starting ? <CircularProgress size={16} color="inherit" aria-hidden /> : undefined}
      >
        {verb}
      </Button>
    </DialogActions>
  );
}
