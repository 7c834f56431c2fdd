import type { ReactNode } from 'react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import { describeIpcError } from '../../ipc/ipc-error';
import { useEngineStatus } from './useEngineStatus';
import { RetryAlert } from '../../components/RetryAlert';

/** Props of the gate: what it is loading (for the status label) and the view to show once the engine answers. */
export interface EngineGateProps {
  what: string;
  children: ReactNode;
}

function EngineLoading({ what }: { what: string }): React.JSX.Element {
  return (
    <Box role="status" aria-label={`Loading ${what}`}>
      <Stack spacing={1}>
        <Skeleton variant="rounded" height={40} />
        <Skeleton variant="rounded" height={40} />
        <Skeleton variant="rounded" height={40} />
      </Stack>
    </Box>
  );
}

/**
 * Shows its children only while the container engine is connected. Before the first status it shows a labelled
 * loading state; when the engine is unreachable or reconnecting it says so with the engine's own sentence (and a
 * spinner while reconnecting), so views below never issue requests that cannot succeed. Children remount on reconnect.
 */
export function EngineGate({ what, children }: EngineGateProps): React.JSX.Element {
  const { status, error, refetch } = useEngineStatus();
  if (status === undefined) {
    if (error === undefined) return <EngineLoading what={what} />;
    return (
      <RetryAlert onRetry={refetch}>
        Could not reach the container engine service: {describeIpcError(error)}
      </RetryAlert>
    );
  }
  if (status.state === 'connected') return <>{children}</>;
  const reconnecting = status.state === 'reconnecting';
  return (
    <Alert
      severity={reconnecting ? 'warning' : 'error'}
      icon={reconnecting ? <CircularProgress size={20} aria-hidden /> : undefined}
      role="alert"
    >
      <AlertTitle>{reconnecting ? 'Reconnecting to the Docker engine…' : 'The Docker engine is unreachable'}</AlertTitle>
      {status.message ?? `No engine answers at ${status.endpoint}.`}
      {!reconnecting && ' This page fills in as soon as the engine answers.'}
    </Alert>
  );
}
