import { createContext, useContext, useMemo } from 'react';
import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';
import IconButton from '@mui/material/IconButton';
import Link from '@mui/material/Link';
import Tooltip from '@mui/material/Tooltip';
import PlayArrow from '@mui/icons-material/PlayArrow';
import Stop from '@mui/icons-material/Stop';
import {
  DataGrid,
  gridExpandedSortedRowIdsSelector,
  gridRenderContextSelector,
  useGridApiRef,
  type GridColDef,
  type GridRowSelectionModel,
} from '@mui/x-data-grid';
import type { ContainerAction, ContainerStats, ContainerSummary } from '../../../../shared/model/container';
import { formatBytes } from '../../components/format-bytes';
import { hrefFor } from '../../navigation/route';
import { ACTION_WORDS, actionApplies } from './container-actions';
import { ContainerStateChip } from './ContainerStateChip';
import { PortLinks } from './PortLinks';

/** Props of the containers table. */
export interface ContainersGridProps {
  containers: readonly ContainerSummary[];
  stats: ReadonlyMap<string, ContainerStats>;
  pending: ReadonlyMap<string, ContainerAction>;
  selection: ReadonlySet<string>;
  onSelectionChange: (ids: Set<string>) => void;
  /** Called with the ids of the rows on screen (after filtering, sorting and paging) whenever they change. */
  onShownIdsChange: (ids: string[]) => void;
  onAction: (id: string, action: ContainerAction) => void;
}

function RowActions({ row, running, onAction }: { row: ContainerSummary; running: ContainerAction | undefined; onAction: ContainerGridAction }): React.JSX.Element {
  const action: ContainerAction = actionApplies('stop', row.state) ? 'stop' : 'start';
  const words = ACTION_WORDS[action];
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.5 }}>
      <Tooltip title={words.label}>
        <span>
          <IconButton
            size="small"
            aria-label={`${words.label} ${row.name}`}
            disabled={running !== undefined || !actionApplies(action, row.state)}
            onClick={() => onAction(row.id, action)}
          >
            {action === 'stop' ? <Stop fontSize="small" /> : <PlayArrow fontSize="small" />}
          </IconButton>
        </span>
      </Tooltip>
      {running !== undefined && <CircularProgress size={18} aria-label={`${ACTION_WORDS[running].running} ${row.name}…`} />}
    </Box>
  );
}

type ContainerGridAction = (id: string, action: ContainerAction) => void;

/** What changes often (stats every second, pending actions) reaches the cells through context, so the columns stay stable. */
interface LiveCellState {
  stats: ReadonlyMap<string, ContainerStats>;
  pending: ReadonlyMap<string, ContainerAction>;
  onAction: ContainerGridAction;
}

const LiveCells = createContext<LiveCellState>({ stats: new Map(), pending: new Map(), onAction: () => undefined });

function CpuCell({ id }: { id: string }): React.JSX.Element {
  const value = useContext(LiveCells).stats.get(id)?.cpuPercent;
  return <>{value === undefined ? '—' : `${value.toFixed(1)}%`}</>;
}

function MemoryCell({ id }: { id: string }): React.JSX.Element {
  const value = useContext(LiveCells).stats.get(id)?.memoryUsedBytes;
  return <>{formatBytes(value ?? null)}</>;
}

function ActionsCell({ row }: { row: ContainerSummary }): React.JSX.Element {
  const { pending, onAction } = useContext(LiveCells);
  return <RowActions row={row} running={pending.get(row.id)} onAction={onAction} />;
}

const rowId = (row: ContainerSummary): string => row.id;

/** The free DataGrid pages rows (100 at most per page); within a page, rows are virtualized. */
const PAGE_SIZE = 100;

/** Height of the scrolling grid: rows are virtualized, so 1,000 containers cost what the visible ones cost. */
const GRID_HEIGHT = 'max(360px, calc(100vh - 330px))';

/** Compose projects alphabetically, containers outside any project last, then names: each project's rows sit together. */
function byProjectThenName(a: ContainerSummary, b: ContainerSummary): number {
  const projectA = a.composeProject;
  const projectB = b.composeProject;
  if (projectA !== projectB) {
    if (projectA === null) return 1;
    if (projectB === null) return -1;
    return projectA.localeCompare(projectB);
  }
  return a.name.localeCompare(b.name);
}

function toSelectionModel(selection: ReadonlySet<string>): GridRowSelectionModel {
  return { type: 'include', ids: new Set(selection) };
}

function fromSelectionModel(model: GridRowSelectionModel, rows: readonly ContainerSummary[]): Set<string> {
  if (model.type === 'include') return new Set([...model.ids].map(String));
  return new Set(rows.map((row) => row.id).filter((id) => !model.ids.has(id)));
}

/**
 * The containers table, labelled "Containers": a link per name to its detail page, Compose project, image, state,
 * published ports (links to 127.0.0.1), live CPU and memory of running rows, and a Start/Stop button per row. Rows
 * start sorted by project then name so each project's containers sit together; checkboxes select rows for bulk actions.
 */
export function ContainersGrid(props: ContainersGridProps): React.JSX.Element {
  const { containers, stats, pending, selection, onSelectionChange, onShownIdsChange, onAction } = props;
  const apiRef = useGridApiRef();
  const ordered = useMemo(() => [...containers].sort(byProjectThenName), [containers]);

  const columns = useMemo<GridColDef<ContainerSummary>[]>(
    () => [
      {
        field: 'name',
        headerName: 'Name',
        flex: 1,
        minWidth: 160,
        renderCell: ({ row }) => (
          <Link href={hrefFor('container', row.id)} underline="hover" aria-label={`Open ${row.name}`}>
            {row.name}
          </Link>
        ),
      },
      {
        field: 'composeProject',
        headerName: 'Project',
        width: 120,
        valueGetter: (_value, row) => row.composeProject ?? '',
        renderCell: ({ row }) => row.composeProject ?? '—',
      },
      { field: 'image', headerName: 'Image', flex: 1, minWidth: 150 },
      {
        field: 'state',
        headerName: 'State',
        width: 120,
        renderCell: ({ row }) => (
          <Tooltip title={row.status}>
            <span>
              <ContainerStateChip state={row.state} />
            </span>
          </Tooltip>
        ),
      },
      {
        field: 'ports',
        headerName: 'Ports',
        flex: 1,
        minWidth: 140,
        sortable: false,
        renderCell: ({ row }) => <PortLinks ports={row.ports} name={row.name} />,
      },
      {
        field: 'cpu',
        headerName: 'CPU',
        width: 90,
        type: 'number',
        sortable: false,
        renderCell: ({ row }) => <CpuCell id={row.id} />,
      },
      {
        field: 'memory',
        headerName: 'Memory',
        width: 110,
        type: 'number',
        sortable: false,
        renderCell: ({ row }) => <MemoryCell id={row.id} />,
      },
      {
        field: 'actions',
        headerName: 'Actions',
        width: 100,
        sortable: false,
        filterable: false,
        disableColumnMenu: true,
        renderCell: ({ row }) => <ActionsCell row={row} />,
      },
    ],
    [],
  );

  const live = useMemo<LiveCellState>(() => ({ stats, pending, onAction }), [stats, pending, onAction]);
  const selectionModel = useMemo(() => toSelectionModel(selection), [selection]);

  const reportShown = (): void => {
    const { firstRowIndex, lastRowIndex } = gridRenderContextSelector(apiRef);
    const { page, pageSize } = apiRef.current?.state.pagination.paginationModel ?? { page: 0, pageSize: PAGE_SIZE };
    const onPage = gridExpandedSortedRowIdsSelector(apiRef).slice(page * pageSize, (page + 1) * pageSize);
    onShownIdsChange(onPage.slice(firstRowIndex, lastRowIndex).map(String));
  };

  return (
    <LiveCells.Provider value={live}>
      <Box sx={{ height: GRID_HEIGHT, minHeight: 0 }}>
        <DataGrid
          apiRef={apiRef}
          aria-label="Containers"
          rows={ordered}
          columns={columns}
          getRowId={rowId}
          disableVirtualization={import.meta.env.MODE === 'test'}
          checkboxSelection
          disableRowSelectionOnClick
          rowSelectionModel={selectionModel}
          onRowSelectionModelChange={(model) => onSelectionChange(fromSelectionModel(model, containers))}
          initialState={{ pagination: { paginationModel: { pageSize: PAGE_SIZE } } }}
          pageSizeOptions={[25, 50, PAGE_SIZE]}
          hideFooter={containers.length <= PAGE_SIZE}
          onStateChange={reportShown}
        />
      </Box>
    </LiveCells.Provider>
  );
}
