import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import CircularProgress from '@mui/material/CircularProgress';
import PowerSettingsNew from '@mui/icons-material/PowerSettingsNew';
import { NewDistroButtons } from '../features/distro-detail/NewDistroButtons';
import { DistrosGrid } from '../features/distros/DistrosGrid';
import { useDistros, type DistrosModel } from '../features/distros/useDistros';
import { describeIpcError } from '../ipc/ipc-error';
import { RetryAlert } from '../components/RetryAlert';
import { LoadingRows } from '../components/LoadingRows';
import { LazySnackbar } from '../components/LazySnackbar';


function EmptyState(): React.JSX.Element {
  return (
    <Paper variant="outlined" sx={{ p: 4, textAlign: 'center' }}>
      <Typography variant="h6" component="p">
        No distros installed
      </Typography>
      <Typography color="text.secondary">
        Install one from a terminal with <code>wsl --install Ubuntu</code>; it appears here as soon as WSL lists it.
      </Typography>
    </Paper>
  );
}

function Body({ model }: { model: DistrosModel }): React.JSX.Element {
  const { distros, loadError, refetch } = model;
  if (distros === undefined) {
    if (loadError === undefined) return <LoadingRows what="distros" />;
    return (
      <RetryAlert onRetry={refetch}>
        Could not load the distros: {describeIpcError(loadError)}
      </RetryAlert>
    );
  }
  return (
    <Stack spacing={2}>
      {loadError !== undefined && (
        <RetryAlert severity="warning" onRetry={refetch}>
          The list may be out of date: {describeIpcError(loadError)}
        </RetryAlert>
      )}
      {distros.length === 0 ? (
        <EmptyState />
      ) : (
        <DistrosGrid
          distros={distros}
          pending={model.pending}
          busy={model.shuttingDown}
          onAction={(action, name) => void model.run(action, name)}
        />
      )}
    </Stack>
  );
}

/** The Distros page: a live table of WSL distros with per-row actions, Install/Import, "Shut down WSL", and its load/empty/error states. */
export function DistrosPage(): React.JSX.Element {
  const model = useDistros();
  const { distros, shuttingDown, actionError, clearActionError } = model;
  return (
    <Stack spacing={2}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
        <Typography variant="h5" component="h2" sx={{ flexGrow: 1 }}>
          Distros
        </Typography>
        <NewDistroButtons installed={distros?.map((distro) => distro.name) ?? []} />
        <Button
          variant="outlined"
          color="error"
          startIcon={shuttingDown ? <CircularProgress size={16} aria-hidden /> : <PowerSettingsNew />}
          disabled={shuttingDown || distros === undefined || distros.length === 0}
          onClick={() => void model.shutdown()}
        >
          Shut down WSL
        </Button>
      </Box>
      <Body model={model} />
      <LazySnackbar open={actionError !== undefined} onClose={(_event, reason) => reason !== 'clickaway' && clearActionError()}>
        <Alert severity="error" variant="filled" onClose={clearActionError} sx={{ width: '100%' }}>
          {actionError === undefined ? '' : describeIpcError(actionError)}
        </Alert>
      </LazySnackbar>
    </Stack>
  );
}
