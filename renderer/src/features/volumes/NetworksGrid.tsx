import type { NetworkSummary } from '../../../../shared/model/engine';
import { SmallTable, type SmallTableColumn } from '../../components/SmallTable';

const networkId = (network: NetworkSummary): string => network.id;

const COLUMNS: SmallTableColumn<NetworkSummary>[] = [
  { field: 'name', headerName: 'Name', minWidth: 160 },
  { field: 'driver', headerName: 'Driver', width: 110 },
  { field: 'scope', headerName: 'Scope', width: 90 },
  { field: 'subnet', headerName: 'Subnet', width: 160, format: (value) => String(value ?? '—') },
  { field: 'gateway', headerName: 'Gateway', width: 140, format: (value) => String(value ?? '—') },
  { field: 'containers', headerName: 'Containers', width: 110, align: 'right' },
];

/** The networks table, labelled "Networks", read-only: name, driver, scope, subnet, gateway and attached containers. */
export function NetworksGrid({ networks }: { networks: readonly NetworkSummary[] }): React.JSX.Element {
  return (
    <SmallTable label="Networks" rows={networks} columns={COLUMNS} getRowId={networkId} hideWhenNarrow={['scope', 'gateway']} />
  );
}
