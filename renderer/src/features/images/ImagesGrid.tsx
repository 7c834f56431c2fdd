import { useMemo } from 'react';
import Chip from '@mui/material/Chip';
import useMediaQuery from '@mui/material/useMediaQuery';
import CloudUploadOutlined from '@mui/icons-material/CloudUploadOutlined';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import LocalOfferOutlined from '@mui/icons-material/LocalOfferOutlined';
import PlayArrowOutlined from '@mui/icons-material/PlayArrowOutlined';
import { RowIconButton } from '../../components/RowIconButton';
import type { ImageSummary } from '../../../../shared/model/engine';
import { formatBytes } from '../../components/format-bytes';
import { SmallTable, type SmallTableColumn } from '../../components/SmallTable';
import { hrefFor } from '../../navigation/route';
import { pushHint } from './image-words';
import { imageName, shortImageId } from './useImages';

const imageId = (image: ImageSummary): string => image.id;

/** Columns left out on narrow windows, and also "Used by" below VERY_NARROW_WIDTH so every row action stays in view. */
const NARROW_HIDDEN = ['id', 'created'];
const VERY_NARROW_HIDDEN = ['id', 'created', 'containers'];
/** Windows narrower than this (px) leave out the "Used by" column too. */
export const VERY_NARROW_WIDTH = 760;

/** Props of the images table: the rows, whether an action runs, and each row action. */
export interface ImagesGridProps {
  images: readonly ImageSummary[];
  busy: boolean;
  onRemove: (image: ImageSummary) => void;
  onTag: (image: ImageSummary) => void;
  onPush: (image: ImageSummary) => void;
  /** Run a container from the image; the action is left out without it. */
  onRun?: (image: ImageSummary) => void;
}

/**
 * The images table, labelled "Images": the name linking to the image's page (further tags as chips, "<none>" for a
 * dangling one), short id, size, age, the containers using it, and per row Run…, Tag…, Push and Remove.
 */
export function ImagesGrid({ images, busy, onRemove, onTag, onPush, onRun }: ImagesGridProps): React.JSX.Element {
  const veryNarrow = useMediaQuery(`(max-width:${VERY_NARROW_WIDTH - 0.05}px)`, { noSsr: true });
  const columns = useMemo<SmallTableColumn<ImageSummary>[]>(
    () => [
      {
        field: 'tags',
        headerName: 'Tags',
        minWidth: 160,
        value: (row) => row.tags.join(', '),
        render: (row) => (
          <div className="tags">
            <a href={hrefFor('image', row.id)}>{row.tags[0] ?? '<none> (dangling)'}</a>
            {row.tags.slice(1).map((tag) => (
              <Chip key={tag} size="small" label={tag} />
            ))}
          </div>
        ),
      },
      { field: 'id', headerName: 'ID', width: 140, format: (_value, row) => shortImageId(row.id) },
      { field: 'sizeBytes', headerName: 'Size', width: 110, align: 'right', format: (_value, row) => formatBytes(row.sizeBytes) },
      {
        field: 'created',
        headerName: 'Created',
        width: 140,
        align: 'right',
        format: (_value, row) => new Date(row.created * 1000).toLocaleDateString(),
      },
      { field: 'containers', headerName: 'Used by', width: 120, align: 'right', format: (_value, row) => (row.containers === 1 ? '1 container' : `${row.containers} containers`) },
      {
        field: 'actions',
        headerName: 'Actions',
        width: onRun === undefined ? 130 : 170,
        sortable: false,
        render: (row) => {
          const name = imageName(row);
          const tag = row.tags[0];
          return (
            <div className="row-actions">
              {onRun !== undefined && (
                <RowIconButton title="Run a container…" label={`Run a container from ${name}`} disabled={busy} onClick={() => onRun(row)}>
                  <PlayArrowOutlined fontSize="small" />
                </RowIconButton>
              )}
              <RowIconButton title="Tag…" label={`Tag ${name}…`} disabled={busy} onClick={() => onTag(row)}>
                <LocalOfferOutlined fontSize="small" />
              </RowIconButton>
              <RowIconButton title={pushHint(tag)} label={`Push ${name}`} disabled={busy || tag === undefined} onClick={() => onPush(row)}>
                <CloudUploadOutlined fontSize="small" />
              </RowIconButton>
              <RowIconButton title="Remove" label={`Remove ${name}`} disabled={busy} onClick={() => onRemove(row)}>
                <DeleteOutlined fontSize="small" />
              </RowIconButton>
            </div>
          );
        },
      },
    ],
    [busy, onRemove, onTag, onPush, onRun],
  );
  return <SmallTable label="Images" rows={images} columns={columns} getRowId={imageId} hideWhenNarrow={veryNarrow ? VERY_NARROW_HIDDEN : NARROW_HIDDEN} />;
}
