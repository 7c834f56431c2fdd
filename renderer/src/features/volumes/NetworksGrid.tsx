import type { GridColDef } from '@mui/x-data-grid';
import type { NetworkSummary } from '../../../../shared/model/engine';
import { SmallDataGrid } from '../../components/SmallDataGrid';

const networkId = (network: NetworkSummary): string => network.id;

const COLUMNS: GridColDef<NetworkSummary>[] = [
  { field: 'name', headerName: 'Name', flex: 1, minWidth: 160 },
  { field: 'driver', headerName: 'Driver', width: 110 },
  { field: 'scope', headerName: 'Scope', width: 90 },
  { field: 'subnet', headerName: 'Subnet', width: 160, valueFormatter: (value: string | null) => value ?? '—' },
  { field: 'gateway', headerName: 'Gateway', width: 140, valueFormatter: (value: string | null) => value ?? '—' },
  { field: 'containers', headerName: 'Containers', width: 110, type: 'number' },
];

/** The networks table, labelled "Networks", read-only: name, driver, scope, subnet, gateway and attached containers. */
export function NetworksGrid({ networks }: { networks: readonly NetworkSummary[] }): React.JSX.Element {
  return (
    <SmallDataGrid label="Networks" rows={networks} columns={COLUMNS} getRowId={networkId} hideWhenNarrow={['scope', 'gateway']} />
  );
}
