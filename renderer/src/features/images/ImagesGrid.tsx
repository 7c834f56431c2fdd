import { useMemo } from 'react';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import type { GridColDef } from '@mui/x-data-grid';
import type { ImageSummary } from '../../../../shared/model/engine';
import { formatBytes } from '../../components/format-bytes';
import { imageName, shortImageId } from './useImages';
import { removeColumn } from '../../components/remove-column';
import { SmallDataGrid } from '../../components/SmallDataGrid';

const imageId = (image: ImageSummary): string => image.id;

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
      removeColumn(imageName, busy, onRemove),
    ],
    [busy, onRemove],
  );
  return (
    <SmallDataGrid label="Images" rows={images} columns={columns} getRowId={imageId} hideWhenNarrow={['id', 'created']} />
  );
}
