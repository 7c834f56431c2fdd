import { useMemo } from 'react';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import Link from '@mui/material/Link';
import useMediaQuery from '@mui/material/useMediaQuery';
import CloudUploadOutlined from '@mui/icons-material/CloudUploadOutlined';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import LocalOfferOutlined from '@mui/icons-material/LocalOfferOutlined';
import PlayArrowOutlined from '@mui/icons-material/PlayArrowOutlined';
import { LazyTooltip } from '../../components/LazyTooltip';
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

function RowAction(props: { title: string; label: string; disabled: boolean; onClick: () => void; children: React.ReactNode }): React.JSX.Element {
  return (
    <LazyTooltip title={props.title}>
      <span>
        <IconButton size="small" aria-label={props.label} disabled={props.disabled} onClick={props.onClick}>
          {props.children}
        </IconButton>
      </span>
    </LazyTooltip>
  );
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
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.75, height: '100%', overflow: 'hidden' }}>
            <Link href={hrefFor('image', row.id)} underline="hover" sx={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
              {row.tags[0] ?? '<none> (dangling)'}
            </Link>
            {row.tags.slice(1).map((tag) => (
              <Chip key={tag} size="small" label={tag} />
            ))}
          </Box>
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
            <Box sx={{ display: 'flex', alignItems: 'center', height: '100%' }}>
              {onRun !== undefined && (
                <RowAction title="Run a container…" label={`Run a container from ${name}`} disabled={busy} onClick={() => onRun(row)}>
                  <PlayArrowOutlined fontSize="small" />
                </RowAction>
              )}
              <RowAction title="Tag…" label={`Tag ${name}…`} disabled={busy} onClick={() => onTag(row)}>
                <LocalOfferOutlined fontSize="small" />
              </RowAction>
              <RowAction title={pushHint(tag)} label={`Push ${name}`} disabled={busy || tag === undefined} onClick={() => onPush(row)}>
                <CloudUploadOutlined fontSize="small" />
              </RowAction>
              <RowAction title="Remove" label={`Remove ${name}`} disabled={busy} onClick={() => onRemove(row)}>
                <DeleteOutlined fontSize="small" />
              </RowAction>
            </Box>
          );
        },
      },
    ],
    [busy, onRemove, onTag, onPush, onRun],
  );
  return <SmallTable label="Images" rows={images} columns={columns} getRowId={imageId} hideWhenNarrow={veryNarrow ? VERY_NARROW_HIDDEN : NARROW_HIDDEN} />;
}
