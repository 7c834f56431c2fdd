import { useId, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
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
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import Add from '@mui/icons-material/Add';
import Refresh from '@mui/icons-material/Refresh';
import type { DockerContext, EngineStatus } from '../../../../shared/model/engine';
import { ActionErrorAlert } from '../../components/ActionErrorAlert';
import { lazyPart } from '../../components/lazy-part';
import { LoadingRows } from '../../components/LoadingRows';
import { RetryAlert } from '../../components/RetryAlert';
import { invoke } from '../../ipc/ipc-client';
import { describeIpcError } from '../../ipc/ipc-error';
import { useTrackedRun } from '../../ipc/useTrackedRun';
import { ConfirmDialog } from './ConfirmDialog';
import { ContextStatusCell } from './ContextStatusCell';
import { useContextProbes, type ContextProbeState } from './useContextProbes';
import { useDockerContexts } from './useDockerContexts';
import { useEngineStatus } from './useEngineStatus';

const CreateContextDialog = lazyPart(() => import('./CreateContextDialog').then((m) => m.CreateContextDialog));

/** Keeps a disabled button's reason for screen readers (the tooltip shows it on hover). */
const visuallyHidden = { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' } as const;

function describeStatus(status: EngineStatus): string {
  if (status.kind === 'simulated') {
    return 'Lightdock uses its simulated engine: no Docker engine answered, or it is set to the simulated one. In auto mode (the default) it switches to Docker as soon as one answers.';
  }
  const version = status.serverVersion === null ? '' : ` ${status.serverVersion}`;
  const where = `${status.endpoint}${status.context === null ? '' : ` (context ${status.context})`}`;
  if (status.state === 'connected') return `Connected to Docker${version} at ${where}.`;
  return `${status.state === 'reconnecting' ? 'Reconnecting to' : 'Cannot reach'} Docker at ${where}. ${status.message ?? ''}`.trim();
}

/** Why a context cannot be removed (the built-in default, the one in use), or null. */
function removalBlocked(context: DockerContext): string | null {
  if (context.name === 'default') return 'The default context is built in and cannot be removed.';
  if (context.current) return 'This context is in use: switch to another one first.';
  return null;
}

interface RowProps {
  context: DockerContext;
  probe: ContextProbeState | undefined;
  switching: string | undefined;
  onUse: (name: string) => void;
  onRemove: (name: string) => void;
}

function ContextRow({ context, probe, switching, onUse, onRemove }: RowProps): React.JSX.Element {
  const reasonId = useId();
  const blocked = removalBlocked(context);
  return (
    <TableRow selected={context.current}>
      <TableCell>
        <Typography variant="body2" sx={{ fontWeight: context.current ? 600 : undefined }}>
          {context.name}
        </Typography>
        {context.description !== null && context.description !== '' && (
          <Typography variant="caption" color="text.secondary">
            {context.description}
          </Typography>
        )}
      </TableCell>
      <TableCell sx={{ overflowWrap: 'anywhere' }}>
        <code>{context.endpoint}</code>
      </TableCell>
      <TableCell sx={{ minWidth: 180, maxWidth: 360 }}>
        <ContextStatusCell name={context.name} state={probe} />
      </TableCell>
      <TableCell align="right">
        <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end', alignItems: 'center' }}>
          {context.current ? (
            <Chip size="small" color="primary" label="Current" />
          ) : (
            <Button
              size="small"
              variant="outlined"
              disabled={switching !== undefined}
              onClick={() => onUse(context.name)}
              aria-label={`Use context ${context.name}`}
              startIcon={switching === context.name ? <CircularProgress size={14} aria-label={`Switching to ${context.name}…`} /> : undefined}
            >
              Use
            </Button>
          )}
          <Tooltip title={blocked ?? ''}>
            <span>
              <Button
                size="small"
                color="error"
                disabled={blocked !== null}
                onClick={() => onRemove(context.name)}
                aria-label={`Remove context ${context.name}`}
                aria-describedby={blocked === null ? undefined : reasonId}
              >
                Remove
              </Button>
            </span>
          </Tooltip>
          {blocked !== null && (
            <Box component="span" id={reasonId} sx={visuallyHidden}>
              {blocked}
            </Box>
          )}
        </Stack>
      </TableCell>
    </TableRow>
  );
}

/**
 * The Settings section named "Docker engine": which engine Lightdock drives, and every Docker context (as
 * `docker context ls`) with its live status, probed per row (connected with the engine's version, or unreachable
 * with the sentence saying why), "Refresh status" (lists and probes them all again), "Use" (rewrites currentContext as `docker context use` does, so
 * the CLI follows), "Create context" (ssh:// or tcp:// with TLS files) and "Remove" behind a confirmation (not for
 * `default` nor the context in use). A refused action says why and changes nothing.
 */
export function DockerContextsSection(): React.JSX.Element {
  const { status } = useEngineStatus();
  const { contexts, loadError, refetch, switching, switchError, use } = useDockerContexts();
  const { probes, probing, refresh } = useContextProbes(contexts);
  const [creating, setCreating] = useState(false);
  const [removing, setRemoving] = useState<string | undefined>(undefined);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const removal = useTrackedRun<string, unknown>();

  const confirmRemoval = (name: string): void => {
    void removal.run(name, () => invoke('engine:remove-context', { name })).then((removed) => {
      if (!removed) return;
      setRemoving(undefined);
      setNotice(`Removed context ${name}.`);
      refetch();
    });
  };

  return (
    <Stack spacing={1.5}>
      {status !== undefined && <Typography variant="body2">{describeStatus(status)}</Typography>}
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <Button variant="contained" size="small" startIcon={<Add />} onClick={() => setCreating(true)} onMouseEnter={() => void CreateContextDialog.preload()}>
          Create context
        </Button>
        <Button
          variant="outlined"
          size="small"
          startIcon={probing ? <CircularProgress size={14} color="inherit" aria-hidden /> : <Refresh />}
          onClick={() => {
            refetch();
            refresh();
          }}
          disabled={contexts === undefined || probing}
        >
          Refresh status
        </Button>
      </Stack>
      {notice !== undefined && (
        <Alert severity="success" onClose={() => setNotice(undefined)}>
          {notice}
        </Alert>
      )}
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
      ) : contexts.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          No Docker contexts: the docker CLI&apos;s configuration lists none. Create one above.
        </Typography>
      ) : (
        <Paper variant="outlined" sx={{ overflowX: 'auto' }}>
          <Table size="small" aria-label="Docker contexts">
            <TableHead>
              <TableRow>
                <TableCell>Context</TableCell>
                <TableCell>Endpoint</TableCell>
                <TableCell>Status</TableCell>
                <TableCell align="right">Actions</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {contexts.map((context) => (
                <ContextRow
                  key={context.name}
                  context={context}
                  probe={probes[context.name]}
                  switching={switching}
                  onUse={(name) => void use(name)}
                  onRemove={(name) => {
                    removal.clear();
                    setRemoving(name);
                  }}
                />
              ))}
            </TableBody>
          </Table>
        </Paper>
      )}
      <Typography variant="caption" color="text.secondary">
        Contexts live in the docker CLI&apos;s configuration (~/.docker, or DOCKER_CONFIG): one created or removed here is created
        or removed for <code>docker</code> too. DOCKER_HOST or DOCKER_CONTEXT, when set, override the choice.
      </Typography>
      {creating && (
        <CreateContextDialog
          existingNames={contexts?.map((context) => context.name) ?? []}
          onClose={() => setCreating(false)}
          onCreated={(created) => {
            setCreating(false);
            setNotice(`Created context ${created.name}.`);
            refetch();
          }}
        />
      )}
      {removing !== undefined && (
        <ConfirmDialog
          title={`Remove context ${removing}?`}
          confirmLabel="Remove"
          busy={removal.running !== undefined}
          onCancel={() => setRemoving(undefined)}
          onConfirm={() => confirmRemoval(removing)}
        >
          <Stack spacing={1.5}>
            <Typography variant="body2">
              This deletes the context from the docker CLI&apos;s configuration, as <code>docker context rm</code> does. The engine it
              points at, its containers and any TLS files stay as they are.
            </Typography>
            {removal.error !== undefined && <ActionErrorAlert error={removal.error} />}
          </Stack>
        </ConfirmDialog>
      )}
    </Stack>
  );
}
