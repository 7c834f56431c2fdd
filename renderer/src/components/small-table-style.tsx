import { memo } from 'react';
import GlobalStyles from '@mui/material/GlobalStyles';
import { alpha, darken, lighten, type Theme } from '@mui/material/styles';
import { rowControlStyles } from './table-row-style';

/** The class a small table carries; its styles hang off it (links, `.tags`, `.row-actions` and `.row-icon` buttons in its rows included). */
export const SMALL_TABLE_CLASS = 'ld-small-table';

/** The class of the box a small table scrolls sideways in. */
export const SMALL_TABLE_SCROLL_CLASS = 'ld-table-scroll';

function smallTableStyles(theme: Theme): Record<string, unknown> {
  // MUI's TableCell border: the divider colour made opaque.
  const border = `1px solid ${theme.palette.mode === 'light' ? lighten(alpha(theme.palette.divider, 1), 0.88) : darken(alpha(theme.palette.divider, 1), 0.68)}`;
  const cell = {
    ...theme.typography.body2,
    boxSizing: 'border-box',
    padding: '6px 16px',
    textAlign: 'left',
    verticalAlign: 'inherit',
    borderBottom: border,
    overflowWrap: 'anywhere',
    color: theme.palette.text.primary,
  };
  return {
    [`.${SMALL_TABLE_SCROLL_CLASS}`]: { width: '100%', overflowX: 'auto', border: `1px solid ${theme.palette.divider}`, borderRadius: theme.shape.borderRadius },
    [`.${SMALL_TABLE_CLASS}`]: {
      display: 'table',
      width: '100%',
      borderCollapse: 'collapse',
      borderSpacing: 0,
      colorScheme: theme.palette.mode,
      '& th': { ...cell, lineHeight: theme.typography.pxToRem(24), fontWeight: 600, whiteSpace: 'nowrap' },
      '& td': cell,
      '& .number': { textAlign: 'right' },
      '& td.number': { fontVariantNumeric: 'tabular-nums' },
      '& .center': { textAlign: 'center' },
      '& tbody tr:hover': { backgroundColor: theme.palette.action.hover },
      '& tbody tr:last-of-type td': { borderBottom: 0 },
      '& .tags': { display: 'flex', alignItems: 'center', gap: theme.spacing(0.75), overflow: 'hidden' },
      '& .tags a': { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
      ...rowControlStyles(theme),
    },
  };
}

/**
 * A small table's look, from the theme, as one global style block serialized once per theme rather than per cell on
 * every render: rows are plain `tr`/`td` elements in the typography, colours, padding and borders of MUI's small
 * table cells, so a page of a hundred rows does not pay MUI's per-cell styling.
 */
export const SmallTableStyles = memo(function SmallTableStyles(): React.JSX.Element {
  return <GlobalStyles styles={smallTableStyles} />;
});
