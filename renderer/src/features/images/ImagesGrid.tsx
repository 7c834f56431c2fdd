import { useMemo } from 'react';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import type { ImageSummary } from '../../../../shared/model/engine';
import { formatBytes } from '../../components/format-bytes';
import { imageName, shortImageId } from './useImages';

const PAGE_LIMIT = 100;

/** Props of the images table. */
export interface ImagesGridProps {
  images: readonly ImageSummary[];
  busy: boolean;
  onRemove: (image: ImageSummary) => void;
}

/** The images table, labelled "Images": tags (or "<none>"), short id, size, age, containers using it and a Remove button per row. */
export function ImagesGrid({ images, busy, onRemove }: ImagesGridProps): React.JSX.Element {
  const columns = useMemo<GridColDef<ImageSummary>[]>(
    () => [
      {
        field: 'tags',
        headerName: 'Tags',
        flex: 1.5,
        minWidth: 200,
        valueGetter: (_value, row) => row.tags.join(', '),
        renderCell: ({ row }) =>
          row.tags.length === 0 ? (
            <Chip size="small" variant="outlined" label="<none> (dangling)" />
          ) : (
            <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center', height: '100%' }}>
              {row.tags.map((tag) => (
                <Chip key={tag} size="small" label={tag} />
              ))}
            </Stack>
          ),
      },
      { field: 'id', headerName: 'ID', width: 140, valueFormatter: (value: string) => shortImageId(value) },
      { field: 'sizeBytes', headerName: 'Size', width: 110, type: 'number', valueFormatter: (value: number) => formatBytes(value) },
      {
        field: 'created',
        headerName: 'Created',
        width: 180,
        type: 'number',
        valueFormatter: (value: number) => new Date(value * 1000).toLocaleDateString(),
      },
      { field: 'containers', headerName: 'Used by', width: 120, type: 'number', valueFormatter: (value: number) => (value === 1 ? '1 container' : `${value} containers`) },
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
              <IconButton size="small" aria-label={`Remove ${imageName(row)}`} disabled={busy} onClick={() => onRemove(row)}>
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
      aria-label="Images"
      rows={images}
      columns={columns}
      getRowId={(row) => row.id}
      autoHeight
      disableVirtualization
      disableRowSelectionOnClick
      hideFooter={images.length <= PAGE_LIMIT}
    />
  );
}
