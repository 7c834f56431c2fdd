import { useMemo } from 'react';
import type { GridColDef } from '@mui/x-data-grid';
import type { VolumeSummary } from '../../../../shared/model/engine';
import { removeColumn } from '../../components/remove-column';
import { SmallDataGrid } from '../../components/SmallDataGrid';

const volumeName = (volume: VolumeSummary): string => volume.name;

/** Props of the volumes table. */
export interface VolumesGridProps {
  volumes: readonly VolumeSummary[];
  busy: boolean;
  onRemove: (volume: VolumeSummary) => void;
}

/** The volumes table, labelled "Volumes": name, driver, the containers using it, mount point, and a Remove button per row. */
export function VolumesGrid({ volumes, busy, onRemove }: VolumesGridProps): React.JSX.Element {
  const columns = useMemo<GridColDef<VolumeSummary>[]>(
    () => [
      { field: 'name', headerName: 'Name', flex: 1, minWidth: 180 },
      { field: 'driver', headerName: 'Driver', width: 100 },
      {
        field: 'inUseBy',
        headerName: 'Used by',
        flex: 1,
        minWidth: 160,
        valueGetter: (_value, row) => (row.inUseBy.length === 0 ? 'unused' : row.inUseBy.join(', ')),
      },
      { field: 'mountpoint', headerName: 'Mount point', flex: 1.5, minWidth: 220 },
      removeColumn((row) => row.name, busy, onRemove),
    ],
    [busy, onRemove],
  );
  return (
    <SmallDataGrid label="Volumes" rows={volumes} columns={columns} getRowId={volumeName} hideWhenNarrow={['driver']} />
  );
}
