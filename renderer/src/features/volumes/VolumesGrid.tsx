import { useMemo } from 'react';
import type { VolumeSummary } from '../../../../shared/model/engine';
import { removeColumn } from '../../components/remove-column';
import { SmallTable, type SmallTableColumn } from '../../components/SmallTable';

const volumeName = (volume: VolumeSummary): string => volume.name;

/** Props of the volumes table. */
export interface VolumesGridProps {
  volumes: readonly VolumeSummary[];
  busy: boolean;
  onRemove: (volume: VolumeSummary) => void;
}

/** The volumes table, labelled "Volumes": name, driver, the containers using it, mount point, and a Remove button per row. */
export function VolumesGrid({ volumes, busy, onRemove }: VolumesGridProps): React.JSX.Element {
  const columns = useMemo<SmallTableColumn<VolumeSummary>[]>(
    () => [
      { field: 'name', headerName: 'Name', minWidth: 180 },
      { field: 'driver', headerName: 'Driver', width: 100 },
      {
        field: 'inUseBy',
        headerName: 'Used by',
        minWidth: 160,
        value: (row) => (row.inUseBy.length === 0 ? 'unused' : row.inUseBy.join(', ')),
      },
      { field: 'mountpoint', headerName: 'Mount point', minWidth: 220 },
      removeColumn((row) => row.name, busy, onRemove),
    ],
    [busy, onRemove],
  );
  return (
    <SmallTable label="Volumes" rows={volumes} columns={columns} getRowId={volumeName} hideWhenNarrow={['driver']} />
  );
}
