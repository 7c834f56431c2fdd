import type { Theme } from '@mui/material/styles';

/** A state pill's tone: green, amber, red, or outlined and neutral. */
export type PillTone = 'ok' | 'warn' | 'bad' | 'quiet';

/** The class names of a state pill of `tone` (styled by `rowControlStyles` under the table's class). */
export function pillClass(tone: PillTone): string {
  return `state state-${tone}`;
}

/**
 * The styles of what a plain table's rows hold, for its one stylesheet: links (`tbody a`), state pills, and
 * `.row-actions` holding `.row-icon` buttons in the look of MUI's small IconButton.
 */
export function rowControlStyles(theme: Theme): Record<string, unknown> {
  return {
    '& tbody a': { color: theme.palette.primary.main, textDecoration: 'none' },
    '& tbody a:hover, & tbody a:focus-visible': { textDecoration: 'underline' },
    ...statePillStyles(theme),
    '& .row-actions': { display: 'flex', alignItems: 'center', gap: theme.spacing(0.5) },
    '& .row-icon': {
      display: 'inline-flex',
      alignItems: 'center',
      justifyContent: 'center',
      width: 30,
      height: 30,
      padding: 0,
      border: 0,
      borderRadius: '50%',
      background: 'transparent',
      color: theme.palette.action.active,
      cursor: 'pointer',
    },
    '& .row-icon:hover': { backgroundColor: theme.palette.action.hover },
    '& .row-icon:focus-visible': { outline: `2px solid ${theme.palette.primary.main}`, outlineOffset: 1 },
    '& .row-icon:disabled': { color: theme.palette.action.disabled, backgroundColor: 'transparent', cursor: 'default' },
  };
}

/**
 * The `.state` pill's styles, as a small MUI Chip looks (filled in the theme's success, warning and error colours,
 * or outlined), for a table's one stylesheet: a row's state as plain text in a span rather than a Chip per row.
 */
function statePillStyles(theme: Theme): Record<string, unknown> {
  const pill = (color: string, filled: boolean): Record<string, string> => ({
    color: filled ? theme.palette.getContrastText(color) : theme.palette.text.primary,
    backgroundColor: filled ? color : 'transparent',
    borderColor: filled ? color : theme.palette.divider,
  });
  return {
    '& .state': {
      display: 'inline-block',
      padding: theme.spacing(0, 1),
      borderRadius: 12,
      border: '1px solid',
      lineHeight: '22px',
      fontSize: theme.typography.pxToRem(13),
      whiteSpace: 'nowrap',
    },
    '& .state-ok': pill(theme.palette.success.main, true),
    '& .state-warn': pill(theme.palette.warning.main, true),
    '& .state-bad': pill(theme.palette.error.main, true),
    '& .state-quiet': pill(theme.palette.text.primary, false),
  };
}
