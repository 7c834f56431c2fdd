import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Skeleton from '@mui/material/Skeleton';
import Snackbar from '@mui/material/Snackbar';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import PowerSettingsNew from '@mui/icons-material/PowerSettingsNew';
import RestartAlt from '@mui/icons-material/RestartAlt';
import { VmDistrosCard } from '../features/vm/VmDistrosCard';
import { VmKernelCard } from '../features/vm/VmKernelCard';
import { VmMemoryCard } from '../features/vm/VmMemoryCard';
import { VmNetworkCard } from '../features/vm/VmNetworkCard';
import { VmOverviewCard } from '../features/vm/VmOverviewCard';
import { useVm, type VmModel } from '../features/vm/useVm';
import { describeIpcError } from '../ipc/ipc-error';
import { RetryAlert } from '../components/RetryAlert';

function LoadingState(): React.JSX.Element {
  return (
    <Box role="status" aria-label="Loading the VM" sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' } }}>
      <Skeleton variant="rounded" height={180} />
      <Skeleton variant="rounded" height={180} />
      <Skeleton variant="rounded" height={180} />
    </Box>
  );
}

function Body({ model }: { model: VmModel }): React.JSX.Element {
  const { vm, loadError, refetch } = model;
  if (vm === undefined) {
    if (loadError === undefined) return <LoadingState />;
    return (
      <RetryAlert onRetry={refetch}>
        Could not read the WSL VM: {describeIpcError(loadError)}
      </RetryAlert>
    );
  }
  return (
    <Stack spacing={2}>
      {loadError !== undefined && (
        <RetryAlert severity="warning" onRetry={refetch}>
          These figures may be out of date: {describeIpcError(loadError)}
        </RetryAlert>
      )}
      {vm.state === 'Stopped' && (
        <Alert severity="info">
          The VM is stopped, so it uses no memory. It boots when a WSL 2 distro starts; Restart WSL boots it now with the default distro.
        </Alert>
      )}
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' } }}>
        <VmOverviewCard vm={vm} />
        <VmDistrosCard distros={model.distros} />
        <Box sx={{ gridColumn: '1 / -1' }}>
          <VmMemoryCard memory={vm.memory} />
        </Box>
        <VmNetworkCard network={vm.network} />
        <VmKernelCard kernel={vm.kernel} />
      </Box>
    </Stack>
  );
}

/**
 * The WSL VM page: live state, uptime, kernel, memory, processors, network and idle countdown of the utility VM,
 * with Restart WSL and Shut down WSL, and its loading, error and stopped states.
 */
export function VmPage(): React.JSX.Element {
  const model = useVm();
  const { vm, running, actionError, clearActionError } = model;
  const locked = running !== undefined || vm === undefined;
  return (
    <Stack spacing={2}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
        <Typography variant="h5" component="h2" sx={{ flexGrow: 1 }}>
          WSL VM
        </Typography>
        <Button
          variant="outlined"
          startIcon={running === 'restart' ? <CircularProgress size={16} aria-hidden /> : <RestartAlt />}
          disabled={locked}
          onClick={() => void model.run('restart')}
        >
          {running === 'restart' ? 'Restarting WSL…' : 'Restart WSL'}
        </Button>
        <Button
          variant="outlined"
          color="error"
          startIcon={running === 'shutdown' ? <CircularProgress size={16} aria-hidden /> : <PowerSettingsNew />}
          disabled={locked || vm.state === 'Stopped'}
          onClick={() => void model.run('shutdown')}
        >
          {running === 'shutdown' ? 'Shutting down WSL…' : 'Shut down WSL'}
        </Button>
      </Box>
      <Body model={model} />
      <Snackbar open={actionError !== undefined} onClose={(_event, reason) => reason !== 'clickaway' && clearActionError()}>
        <Alert severity="error" variant="filled" onClose={clearActionError} sx={{ width: '100%' }}>
          {actionError === undefined ? '' : describeIpcError(actionError)}
        </Alert>
      </Snackbar>
    </Stack>
  );
}
