import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { describeIpcError, IpcError } from '../../ipc/ipc-error';
import type { Operation } from '../../../../shared/model/operation';
import { operationTitle } from './operation-text';
import { OperationProgress } from './OperationProgress';
import { operationsStore } from './operations-store';
import { useOperations } from './useOperations';

/** A finished operation: success, error (sentence and code), or cancelled (info, with the host's sentence saying what was undone). */
function FinishedOperation({ operation }: { operation: Operation }): React.JSX.Element {
  const failed = operation.state === 'failed';
  const detail =
    failed && operation.error !== undefined
      ? describeIpcError(new IpcError(operation.error.code, operation.error.message, operation.error.details))
      : operation.message;
  return (
    <Alert
      severity={failed ? 'error' : operation.state === 'cancelled' ? 'info' : 'success'}
      variant="outlined"
      onClose={() => operationsStore.dismiss(operation.id)}
      slotProps={{ closeButton: { 'aria-label': `Dismiss ${operationTitle(operation)}` } }}
    >
      <Typography variant="body2" sx={{ fontWeight: 500 }}>
        {operationTitle(operation)}
      </Typography>
      {detail !== '' && <Typography variant="caption">{detail}</Typography>}
    </Alert>
  );
}

/**
 * A floating panel, labelled "Operations", listing long WSL work (install, import, export, unregister, compact,
 * convert): running ones with their progress and Cancel, finished ones as dismissible success, error or cancelled notes (and Clear finished). Hidden when empty; it stays under dialogs.
 */
export function OperationsPanel(): React.JSX.Element | null {
  const operations = useOperations();
  if (operations.length === 0) return null;
  const finished = operations.filter((operation) => operation.state !== 'running');
  return (
    <Paper
      component="section"
      aria-label="Operations"
      elevation={6}
      sx={{ position: 'fixed', right: 24, bottom: 24, width: 360, maxHeight: '50vh', overflowY: 'auto', p: 2, zIndex: (theme) => theme.zIndex.appBar }}
    >
      <Box sx={{ display: 'flex', alignItems: 'center', mb: 1 }}>
        <Typography variant="subtitle2" component="h3" sx={{ flexGrow: 1 }}>
          Operations
        </Typography>
        {finished.length > 0 && (
          <Button size="small" onClick={() => finished.forEach((operation) => operationsStore.dismiss(operation.id))}>
            Clear finished
          </Button>
        )}
      </Box>
      <Stack spacing={1.5} role="list">
        {operations.map((operation) => (
          <div role="listitem" key={operation.id}>
            {operation.state === 'running' ? <OperationProgress operation={operation} /> : <FinishedOperation operation={operation} />}
          </div>
        ))}
      </Stack>
    </Paper>
  );
}
