import Alert from '@mui/material/Alert';
import { describeIpcError, type IpcError } from '../ipc/ipc-error';

/** Props of an action's outcome alert: the error, and the close handler when it can be dismissed. */
export interface ActionErrorAlertProps {
  error: IpcError;
  onClose?: () => void;
}

/**
 * An action's failure as an error with its code, or a cancellation (CANCELLED, which changed nothing) as
 * information in the host's own sentence.
 */
export function ActionErrorAlert({ error, onClose }: ActionErrorAlertProps): React.JSX.Element {
  const cancelled = error.code === 'CANCELLED';
  return (
    <Alert severity={cancelled ? 'info' : 'error'} onClose={onClose}>
      {cancelled ? error.message : describeIpcError(error)}
    </Alert>
  );
}
