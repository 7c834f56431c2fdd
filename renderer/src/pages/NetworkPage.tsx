import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import NetworkCheck from '@mui/icons-material/NetworkCheck';
import Refresh from '@mui/icons-material/Refresh';
import type { NetworkMap } from '../../../shared/model/network-map';
import { NetworkFactsCard } from '../features/network/NetworkFactsCard';
import { NetworkLayerList } from '../features/network/NetworkLayerList';
import { NetworkMapDiagram } from '../features/network/NetworkMapDiagram';
import { NetworkProblems } from '../features/network/NetworkProblems';
import { PortsTable } from '../features/network/PortsTable';
import { useNetworkMap, type NetworkModel } from '../features/network/useNetworkMap';
import { describeIpcError } from '../ipc/ipc-error';
import { RetryAlert } from '../components/RetryAlert';
import { SimulatedChip } from '../components/SimulatedChip';

function LoadingState(): React.JSX.Element {
  return (
    <Stack role="status" aria-label="Loading the network map" spacing={2}>
      <Skeleton variant="rounded" height={120} />
      <Skeleton variant="rounded" height={320} />
      <Skeleton variant="rounded" height={160} />
    </Stack>
  );
}

function MapSection({ map }: { map: NetworkMap }): React.JSX.Element {
  const containers = map.nodes.filter((node) => node.kind === 'container').length;
  return (
    <Stack component="section" aria-labelledby="network-map-title" spacing={1}>
      <Typography id="network-map-title" variant="h6" component="h3">
        Map
      </Typography>
      {map.nodes.length === 0 ? (
        <Paper variant="outlined" sx={{ p: 3, textAlign: 'center' }}>
          <Typography color="text.secondary">Nothing to draw: no network was found.</Typography>
        </Paper>
      ) : (
        <>
          <NetworkMapDiagram map={map} />
          <NetworkLayerList map={map} />
        </>
      )}
      {map.nodes.length > 0 && containers === 0 && (
        <Alert severity="info">
          No containers yet, so the map stops at the networks. Start one, for example <code>docker run -d -p 8080:80 nginx</code>, and it appears here.
        </Alert>
      )}
    </Stack>
  );
}

function CheckAllProgress({ model, count }: { model: NetworkModel; count: number }): React.JSX.Element {
  return (
    <Box role="status" aria-label="Checking every port" sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
      <Box sx={{ flex: '1 1 200px' }}>
        <Typography variant="body2" gutterBottom>
          Checking {count === 1 ? '1 port' : `${count} ports`} on 127.0.0.1…
        </Typography>
        <LinearProgress aria-label="Checking every port" />
      </Box>
      <Button size="small" onClick={model.cancelCheckAll}>
        Cancel
      </Button>
    </Box>
  );
}

function PortsSection({ map, model }: { map: NetworkMap; model: NetworkModel }): React.JSX.Element {
  return (
    <Stack component="section" aria-labelledby="network-ports-title" spacing={1}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
        <Typography id="network-ports-title" variant="h6" component="h3" sx={{ flexGrow: 1 }}>
          Published ports
        </Typography>
        <Button variant="outlined" startIcon={<NetworkCheck />} disabled={model.checkingAll || map.ports.length === 0} onClick={() => void model.checkAll()}>
          Check all
        </Button>
      </Box>
      {model.checkingAll && <CheckAllProgress model={model} count={map.ports.length} />}
      {model.checkAllError !== undefined && <Alert severity="error">Check all failed: {describeIpcError(model.checkAllError)}</Alert>}
      {map.ports.length === 0 ? (
        <Paper variant="outlined" sx={{ p: 3, textAlign: 'center' }}>
          <Typography variant="subtitle1" component="p">
            No published ports
          </Typography>
          <Typography variant="body2" color="text.secondary">
            A container publishes a port with <code>-p 8080:80</code> (or <code>ports:</code> in Compose); each one shows here with its URL.
          </Typography>
        </Paper>
      ) : (
        <PortsTable ports={map.ports} model={model} />
      )}
    </Stack>
  );
}

function Body({ model }: { model: NetworkModel }): React.JSX.Element {
  const { map, loadError, refetch } = model;
  if (map === undefined) {
    if (loadError === undefined) return <LoadingState />;
    return <RetryAlert onRetry={refetch}>Could not read the network map: {describeIpcError(loadError)}</RetryAlert>;
  }
  return (
    <Stack spacing={3}>
      {loadError !== undefined && (
        <RetryAlert severity="warning" onRetry={refetch}>
          This map may be out of date: {describeIpcError(loadError)}
        </RetryAlert>
      )}
      <NetworkProblems map={map} />
      <NetworkFactsCard map={map} />
      <MapSection map={map} />
      <PortsSection map={map} model={model} />
    </Stack>
  );
}

/**
 * The Network page: the map from Windows (or this Linux machine) down to each published port, drawn and listed;
 * every published port with its URL, reachability and a Check button, Check all with Cancel; problems named plainly;
 * DNS, networking mode and where the engine runs; loading, error and empty states.
 */
export function NetworkPage(): React.JSX.Element {
  const model = useNetworkMap();
  return (
    <Stack spacing={2}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
        <Typography variant="h5" component="h2" sx={{ flexGrow: 1 }}>
          Network
        </Typography>
        {model.map?.simulated === true && <SimulatedChip />}
        <Button variant="outlined" startIcon={<Refresh />} disabled={model.loading} onClick={model.refetch}>
          Refresh
        </Button>
      </Box>
      <Body model={model} />
    </Stack>
  );
}
