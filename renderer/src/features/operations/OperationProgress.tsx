import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import type { Operation } from '../../../../shared/model/operation';
import { cancelLabel, isCancellable, operationPercent, operationTitle } from './operation-text';
import { useCancelOperation } from './useOperations';

/** The running operation's Cancel button, "Cancelling…" (disabled) once asked. */
function CancelButton({ operation }: { operation: Operation }): React.JSX.Element {
  const { cancelling, cancel } = useCancelOperation(operation);
  return (
    <Button size="small" color="inherit" onClick={cancel} disabled={cancelling} aria-label={cancelLabel(operation, cancelling)} sx={{ minWidth: 0, py: 0 }}>
      {cancelling ? 'Cancelling…' : 'Cancel'}
    </Button>
  );
}

/**
 * One running operation as a labelled progress bar ("Installing Ubuntu", 40%) with the host's latest sentence under it
 * and a Cancel button ("Cancel export of Debian", then "Cancelling…") for the WSL operations;
 * indeterminate while the host does not know how far it is.
 */
export function OperationProgress({ operation }: { operation: Operation }): React.JSX.Element {
  const percent = operationPercent(operation);
  const title = operationTitle(operation);
  return (
    <Box>
      <Box sx={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 1 }}>
        <Typography variant="body2" sx={{ fontWeight: 500, flexGrow: 1 }}>
          {title}
        </Typography>
        {percent !== null && (
          <Typography variant="body2" color="text.secondary">
            {percent}%
          </Typography>
        )}
        {isCancellable(operation) && <CancelButton operation={operation} />}
      </Box>
      <LinearProgress
        aria-label={title}
        variant={percent === null ? 'indeterminate' : 'determinate'}
        value={percent ?? undefined}
        sx={{ my: 0.5 }}
      />
      {operation.message !== '' && (
        <Typography variant="caption" color="text.secondary" component="p">
          {operation.message}
        </Typography>
      )}
    </Box>
  );
}
