import { memo } from 'react';
import GlobalStyles from '@mui/material/GlobalStyles';
import { alpha, darken, lighten, type Theme } from '@mui/material/styles';
import type { ContainerState } from '../../../../shared/model/container';
import { pillClass, rowControlStyles } from '../../components/table-row-style';

/** The body rows' height in px; the virtualizer places rows with it. */
export const ROW_HEIGHT = 44;

/** The state pill's class for a container state: green running, amber paused/restarting/removing, red dead, outlined otherwise. */
export function stateClass(state: ContainerState): string {
  if (state === 'running') return pillClass('ok');
  if (state === 'paused' || state === 'restarting' || state === 'removing') return pillClass('warn');
  if (state === 'dead') return pillClass('bad');
  return pillClass('quiet');
}

/** The class name the containers table carries; its styles hang off it. */
export const CONTAINERS_TABLE_CLASS = 'ld-containers-table';

function containersTableStyles(theme: Theme): Record<string, unknown> {
  const selected = alpha(theme.palette.primary.main, theme.palette.action.selectedOpacity);
  // MUI's TableCell border: the divider colour made opaque.
  const headBorder = theme.palette.mode === 'light' ? lighten(alpha(theme.palette.divider, 1), 0.88) : darken(alpha(theme.palette.divider, 1), 0.68);
  return {
    tableLayout: 'fixed',
    width: '100%',
    borderCollapse: 'separate',
    borderSpacing: 0,
    colorScheme: theme.palette.mode,
    '& thead th': {
      ...theme.typography.body2,
      lineHeight: theme.typography.pxToRem(24),
      fontWeight: theme.typography.fontWeightMedium,
      color: theme.palette.text.primary,
      textAlign: 'left',
      verticalAlign: 'middle',
      padding: '6px 16px',
      borderBottom: `1px solid ${headBorder}`,
      position: 'sticky',
      top: 0,
      zIndex: 2,
      backgroundColor: theme.palette.background.default,
    },
    '& thead th.select': { padding: '0 12px 0 16px' },
    '& thead th.number': { textAlign: 'right' },
    '& tbody td': {
      ...theme.typography.body2,
      height: ROW_HEIGHT,
      boxSizing: 'border-box',
      padding: theme.spacing(0.5, 2),
      borderBottom: `1px solid ${theme.palette.divider}`,
      overflow: 'hidden',
      textOverflow: 'ellipsis',
      whiteSpace: 'nowrap',
    },
    '& tbody td.select': { padding: theme.spacing(0, 0, 0, 2) },
    '& tbody td.nested': { paddingLeft: theme.spacing(6) },
    '& tbody td.number': { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
    '& tbody tr:hover': { backgroundColor: theme.palette.action.hover },
    '& tbody tr.selected, & tbody tr.selected:hover': { backgroundColor: selected },
    '& .project-name': { fontWeight: 600 },
    '& .muted': { color: theme.palette.text.secondary },
    '& input[type="checkbox"]': { width: 18, height: 18, margin: 0, accentColor: theme.palette.primary.main, cursor: 'pointer' },
    '& .ports a, & .ports span': { marginRight: theme.spacing(1) },
    ...rowControlStyles(theme),
  };
}

/**
 * The containers table's look, from the theme, as one global style block under CONTAINERS_TABLE_CLASS, serialized
 * once per theme rather than on every render: body rows are plain `tr`/`td` elements with class names (a virtualized
 * table re-renders rows as it scrolls and the whole table on every stats sample, and per-cell MUI styles cost more
 * than the rows themselves), in the same typography, colours and spacing as MUI's own table cells; so is the sticky
 * header row (plain `th`s styled like MUI's small sticky head cells, so the page loads none of MUI's table parts).
 */
export const ContainersTableStyles = memo(function ContainersTableStyles(): React.JSX.Element {
  return <GlobalStyles styles={(theme) => ({ [`.${CONTAINERS_TABLE_CLASS}`]: containersTableStyles(theme) })} />;
});
