import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import Box from '@mui/material/Box';
import TableSortLabel from '@mui/material/TableSortLabel';
import type { ContainerAction, ContainerStats, ContainerRow } from '../../../../shared/model/container';
import { withDownProjects } from '../compose/down-project-rows';
import { ContainerTableRow, SelectBox } from './ContainerTableRow';
import { groupByProject, nextSorting, visibleRows, type ContainerTreeNode, type SortKey, type TreeSorting } from './container-tree';
import { CONTAINERS_TABLE_CLASS, ROW_HEIGHT } from './containers-table-style';
import { LiveCells, type LiveCellState } from './live-cells';
import { tableMinWidth, useOptionalColumns, type OptionalColumns } from './table-columns';
import { useFixedRowWindow } from './use-fixed-row-window';

/** Props of the containers table. */
export interface ContainersTableProps {
  containers: readonly ContainerRow[];
  stats: ReadonlyMap<string, ContainerStats>;
  pending: ReadonlyMap<string, ContainerAction>;
  selection: ReadonlySet<string>;
  onSelectionChange: (ids: Set<string>) => void;
  /** Called with the ids of the container rows in view (after grouping, sorting and scrolling) whenever they change. */
  onShownIdsChange: (ids: string[]) => void;
  onAction: (id: string, action: ContainerAction) => void;
  /** Render only the rows in view (the default); off where nothing has a layout (jsdom). */
  virtualize?: boolean;
  /** Compose projects with no containers left (taken down), shown as empty project rows so they can come up again. */
  downProjects?: readonly string[];
}

const NO_DOWN_PROJECTS: readonly string[] = [];

const TABLE_HEIGHT = 'max(360px, calc(100vh - 300px))';
/** TABLE_HEIGHT in px for the current window, so the first render windows the rows the table will show. */
const tableHeight = (): number => Math.max(360, window.innerHeight - 300);

/** Fixed widths (table-layout: fixed), so columns do not move while rows scroll in and out. */
const WIDTHS = { select: 52, name: undefined, image: undefined, state: 112, ports: undefined, cpu: 84, memory: 104, actions: 112 } as const;

function SortableHeader({ label, sortKey, sorting, onSort }: { label: string; sortKey: SortKey; sorting: TreeSorting; onSort: (key: SortKey) => void }): React.JSX.Element {
  const direction = sorting?.key === sortKey ? (sorting.desc ? 'desc' : 'asc') : undefined;
  return (
    <th scope="col" aria-sort={direction === undefined ? undefined : direction === 'asc' ? 'ascending' : 'descending'}>
      <TableSortLabel active={direction !== undefined} direction={direction ?? 'asc'} onClick={() => onSort(sortKey)}>
        {label}
      </TableSortLabel>
    </th>
  );
}

function containerIdsOf(node: ContainerTreeNode): string[] {
  return node.kind === 'project' ? node.containers.map((container) => container.id) : [node.id];
}

/** The columns shown, in order, with their fixed widths. */
function shownWidths(columns: OptionalColumns): [string, number | undefined][] {
  return Object.entries(WIDTHS).filter(([key]) => (key !== 'image' || columns.image) && (key !== 'ports' || columns.ports));
}

function Spacer({ height, colSpan }: { height: number; colSpan: number }): React.JSX.Element | null {
  if (height <= 0) return null;
  return (
    <tr aria-hidden style={{ height }}>
      <td colSpan={colSpan} style={{ padding: 0, border: 0 }} />
    </tr>
  );
}

/**
 * The containers table, labelled "Containers": one collapsible row per Compose project (with its containers' summed
 * CPU and memory, its working directory and its actions menu where a page provides Compose state) above its
 * containers, then the containers outside any project. Each container row has a checkbox,
 * a link to its detail page, image, state, published ports (links to 127.0.0.1), live CPU and memory, and a
 * Start/Stop button. Name, Image and State headers sort within each level. Only the rows in view are rendered. On
 * narrower windows the Image, then the Ports column are left out (see useOptionalColumns).
 */
export function ContainersTable(props: ContainersTableProps): React.JSX.Element {
  const { containers, stats, pending, selection, onSelectionChange, onShownIdsChange, onAction, virtualize = true, downProjects = NO_DOWN_PROJECTS } = props;
  const [sorting, setSorting] = useState<TreeSorting>(null);
  const optional = useOptionalColumns();
  const columns = useMemo<OptionalColumns>(() => ({ image: optional.image, ports: optional.ports }), [optional.image, optional.ports]);
  const widths = shownWidths(columns);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const tree = useMemo(() => withDownProjects(groupByProject(containers), downProjects), [containers, downProjects]);
  const rows = useMemo(() => visibleRows(tree, sorting, collapsed), [tree, sorting, collapsed]);
  const toggleExpanded = useCallback(
    (id: string) =>
      setCollapsed((previous) => {
        const next = new Set(previous);
        if (!next.delete(id)) next.add(id);
        return next;
      }),
    [],
  );

  const scrollRef = useRef<HTMLDivElement>(null);
  const { items, totalSize } = useFixedRowWindow({ count: rows.length, rowHeight: ROW_HEIGHT, scrollRef, enabled: virtualize, initialHeight: tableHeight });
  const shown = items.flatMap((item) => {
    const row = rows[item.index];
    return row === undefined ? [] : [{ row, index: item.index }];
  });
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = totalSize - (items.at(-1)?.end ?? 0);

  const shownKey = shown.filter(({ row }) => row.node.kind === 'container').map(({ row }) => row.node.id).join(',');
  useEffect(() => onShownIdsChange(shownKey === '' ? [] : shownKey.split(',')), [shownKey, onShownIdsChange]);

  const live = useMemo<LiveCellState>(() => ({ stats, pending, onAction }), [stats, pending, onAction]);
  const toggleSelected = useCallback(
    (node: ContainerTreeNode, on: boolean) => {
      const next = new Set(selection);
      for (const id of containerIdsOf(node)) {
        if (on) next.add(id);
        else next.delete(id);
      }
      onSelectionChange(next);
    },
    [selection, onSelectionChange],
  );
  const selectedCount = useMemo(() => containers.filter((container) => selection.has(container.id)).length, [containers, selection]);
  const allSelected = containers.length > 0 && selectedCount === containers.length;
  const someSelected = selectedCount > 0 && !allSelected;
  const onSort = (key: SortKey): void => setSorting((previous) => nextSorting(previous, key));

  return (
    <LiveCells.Provider value={live}>
      <Box ref={scrollRef} sx={{ width: '100%', overflowX: 'auto', height: TABLE_HEIGHT, border: 1, borderColor: 'divider', borderRadius: 1 }}>
        <table aria-label="Containers" aria-rowcount={rows.length + 1} className={CONTAINERS_TABLE_CLASS} style={{ minWidth: tableMinWidth(columns) }}>
          <colgroup>
            {widths.map(([key, width]) => (
              <col key={key} style={width === undefined ? undefined : { width }} />
            ))}
          </colgroup>
          <thead>
            <tr aria-rowindex={1}>
              <th scope="col" className="select">
                <SelectBox
                  label="Select all containers"
                  checked={allSelected}
                  indeterminate={someSelected}
                  onChange={(on) => onSelectionChange(on ? new Set(containers.map((container) => container.id)) : new Set())}
                />
              </th>
              <SortableHeader label="Name" sortKey="name" sorting={sorting} onSort={onSort} />
              {columns.image && <SortableHeader label="Image" sortKey="image" sorting={sorting} onSort={onSort} />}
              <SortableHeader label="State" sortKey="state" sorting={sorting} onSort={onSort} />
              {columns.ports && <th scope="col">Ports</th>}
              <th scope="col" className="number">
                CPU
              </th>
              <th scope="col" className="number">
                Memory
              </th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            <Spacer height={paddingTop} colSpan={widths.length} />
            {shown.map(({ row, index }) => {
              const { node } = row;
              const ids = containerIdsOf(node);
              const count = ids.filter((id) => selection.has(id)).length;
              return (
                <ContainerTableRow
                  key={node.id}
                  node={node}
                  depth={row.depth}
                  index={index}
                  expanded={node.kind === 'project' && !collapsed.has(node.id)}
                  onToggleExpanded={toggleExpanded}
                  selected={count > 0 && count === ids.length}
                  partlySelected={count > 0 && count < ids.length}
                  onToggleSelected={toggleSelected}
                  columns={columns}
                />
              );
            })}
            <Spacer height={paddingBottom} colSpan={widths.length} />
          </tbody>
        </table>
      </Box>
    </LiveCells.Provider>
  );
}
