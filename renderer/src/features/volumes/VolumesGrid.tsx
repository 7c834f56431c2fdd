import { useMemo } from 'react';
import IconButton from '@mui/material/IconButton';
import Tooltip from '@mui/material/Tooltip';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import type { VolumeSummary } from '../../../../shared/model/engine';

const PAGE_LIMIT = 100;

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
      {
        field: 'actions',
        headerName: 'Actions',
        width: 90,
        sortable: false,
        filterable: false,
        disableColumnMenu: true,
        renderCell: ({ row }) => (
          <Tooltip title="Remove">
            <span>
              <IconButton size="small" aria-label={`Remove ${row.name}`} disabled={busy} onClick={() => onRemove(row)}>
                <DeleteOutlined fontSize="small" />
              </IconButton>
            </span>
          </Tooltip>
        ),
      },
    ],
    [busy, onRemove],
  );
  return (
    <DataGrid
      aria-label="Volumes"
      rows={volumes}
      columns={columns}
      getRowId={(row) => row.name}
      autoHeight
      disableVirtualization
      disableRowSelectionOnClick
      hideFooter={volumes.length <= PAGE_LIMIT}
    />
  );
}
