import Alert from '@mui/material/Alert';
import { LazySnackbar } from '../../components/LazySnackbar';
import { describeIpcError } from '../../ipc/ipc-error';
import type { EngineMutation } from './useEngineMutation';

/** The outcome of the last remove or prune: a success line that hides itself, or an error that stays until closed. */
export function MutationSnackbar({ mutation }: { mutation: EngineMutation }): React.JSX.Element {
  const { error, message, dismiss } = mutation;
  return (
    <LazySnackbar
      open={error !== undefined || message !== undefined}
      autoHideDuration={error === undefined ? 6000 : null}
      onClose={(_event, reason) => reason !== 'clickaway' && dismiss()}
    >
      <Alert severity={error === undefined ? 'success' : 'error'} variant="filled" onClose={dismiss} sx={{ width: '100%' }}>
        {error === undefined ? message : describeIpcError(error)}
      </Alert>
    </LazySnackbar>
  );
}
