import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import type { Operation } from '../../../../shared/model/operation';
import { operationPercent, operationTitle } from './operation-text';

/**
 * One running operation as a labelled progress bar ("Installing Ubuntu", 40%) with the host's latest sentence under it;
 * indeterminate while the host does not know how far it is.
 */
export function OperationProgress({ operation }: { operation: Operation }): React.JSX.Element {
  const percent = operationPercent(operation);
  const title = operationTitle(operation);
  return (
    <Box>
      <Box sx={{ display: 'flex', justifyContent: 'space-between', gap: 1 }}>
        <Typography variant="body2" sx={{ fontWeight: 500 }}>
          {title}
        </Typography>
        {percent !== null && (
          <Typography variant="body2" color="text.secondary">
            {percent}%
          </Typography>
        )}
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
