import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import CircularProgress from '@mui/material/CircularProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { EngineStatus } from '../../../../shared/model/engine';
import { LoadingRows } from '../../components/LoadingRows';
import { RetryAlert } from '../../components/RetryAlert';
import { describeIpcError } from '../../ipc/ipc-error';
import { useDockerContexts } from './useDockerContexts';
import { useEngineStatus } from './useEngineStatus';

function describeStatus(status: EngineStatus): string {
  if (status.kind === 'simulated') {
    return 'Lightdock uses its simulated engine: no Docker engine answered, or it is set to the simulated one. In auto mode (the default) it switches to Docker as soon as one answers.';
  }
  const version = status.serverVersion === null ? '' : ` ${status.serverVersion}`;
  const where = `${status.endpoint}${status.context === null ? '' : ` (context ${status.context})`}`;
  if (status.state === 'connected') return `Connected to Docker${version} at ${where}.`;
  return `${status.state === 'reconnecting' ? 'Reconnecting to' : 'Cannot reach'} Docker at ${where}. ${status.message ?? ''}`.trim();
}

/**
 * The Settings section named "Docker engine": which engine Lightdock drives, and the Docker contexts (as
 * `docker context ls`) with a "Use" button each. Using one rewrites currentContext in the docker CLI's
 * config.json, as `docker context use` does, so the CLI follows; a refused switch says why and changes nothing.
 */
export function DockerContextsSection(): React.JSX.Element {
  const { status } = useEngineStatus();
  const { contexts, loadError, refetch, switching, switchError, use } = useDockerContexts();
  return (
    <Stack spacing={1.5}>
      {status !== undefined && <Typography variant="body2">{describeStatus(status)}</Typography>}
      {switchError !== undefined && (
        <Alert severity="error" role="alert">
          Could not switch the Docker context: {describeIpcError(switchError)}
        </Alert>
      )}
      {contexts === undefined ? (
        loadError === undefined ? (
          <LoadingRows what="Docker contexts" rows={2} />
        ) : (
          <RetryAlert onRetry={refetch}>Could not list the Docker contexts: {describeIpcError(loadError)}</RetryAlert>
        )
      ) : (
        <Paper variant="outlined">
          <Table size="small" aria-label="Docker contexts">
            <TableHead>
              <TableRow>
                <TableCell>Context</TableCell>
                <TableCell>Endpoint</TableCell>
                <TableCell>Description</TableCell>
                <TableCell align="right">In use</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {contexts.map((context) => (
                <TableRow key={context.name} selected={context.current}>
                  <TableCell sx={{ fontWeight: context.current ? 600 : undefined }}>{context.name}</TableCell>
                  <TableCell sx={{ overflowWrap: 'anywhere' }}>
                    <code>{context.endpoint}</code>
                  </TableCell>
                  <TableCell>{context.description ?? '—'}</TableCell>
                  <TableCell align="right">
                    {context.current ? (
                      <Chip size="small" color="primary" label="Current" />
                    ) : (
                      <Button
                        size="small"
                        variant="outlined"
                        disabled={switching !== undefined}
                        onClick={() => void use(context.name)}
                        aria-label={`Use context ${context.name}`}
                        startIcon={switching === context.name ? <CircularProgress size={14} aria-label={`Switching to ${context.name}…`} /> : undefined}
                      >
                        Use
                      </Button>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Paper>
      )}
      <Typography variant="caption" color="text.secondary">
        Contexts live in the docker CLI&apos;s configuration (~/.docker). A remote engine over ssh:// or tcp:// with TLS is a
        context too: create it with <code>docker context create</code>, then use it here. DOCKER_HOST or DOCKER_CONTEXT, when set,
        override the choice.
      </Typography>
    </Stack>
  );
}
