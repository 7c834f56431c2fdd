import { memo } from 'react';
import GlobalStyles from '@mui/material/GlobalStyles';
import { alpha, type Theme } from '@mui/material/styles';

/** The class of an outlined field: a box holding a `.label` (on its top edge, as MUI's shrunk label), an optional `.icon`, and an input or a select. */
export const FIELD_CLASS = 'ld-field';

/** The class of a toggle chip: a button whose `aria-pressed` fills it in the primary colour. */
export const CHIP_CLASS = 'ld-chip';

/** The class of a button in the look of MUI's medium Button, with `contained` or `outlined` (and `error` for an outlined one that removes); its `.start-icon` leads. */
export const BUTTON_CLASS = 'ld-button';

function plainControlStyles(theme: Theme): Record<string, unknown> {
  const outline = theme.palette.mode === 'light' ? 'rgba(0, 0, 0, 0.23)' : 'rgba(255, 255, 255, 0.23)';
  const focusRing = { outline: `2px solid ${theme.palette.primary.main}`, outlineOffset: 1 };
  return {
    [`.${FIELD_CLASS}`]: {
      position: 'relative',
      display: 'inline-flex',
      alignItems: 'center',
      boxSizing: 'border-box',
      minHeight: 40,
      padding: theme.spacing(0, 1.75),
      border: `1px solid ${outline}`,
      borderRadius: theme.shape.borderRadius,
      color: theme.palette.text.primary,
      colorScheme: theme.palette.mode,
      '&:hover': { borderColor: theme.palette.text.primary },
      '&:focus-within': { borderColor: theme.palette.primary.main, boxShadow: `inset 0 0 0 1px ${theme.palette.primary.main}` },
      '& > .label': {
        ...theme.typography.caption,
        position: 'absolute',
        top: 0,
        left: theme.spacing(1),
        transform: 'translateY(-50%)',
        padding: theme.spacing(0, 0.5),
        lineHeight: 1,
        color: theme.palette.text.secondary,
        backgroundColor: theme.palette.background.default,
        pointerEvents: 'none',
      },
      '&:focus-within > .label': { color: theme.palette.primary.main },
      '& > .icon': { marginRight: theme.spacing(1), color: theme.palette.action.active, pointerEvents: 'none' },
      '& > .arrow': { position: 'absolute', right: theme.spacing(0.75), color: theme.palette.action.active, pointerEvents: 'none' },
      '& > input, & > select': {
        ...theme.typography.body1,
        flex: 1,
        minWidth: 0,
        boxSizing: 'border-box',
        height: 38,
        margin: 0,
        padding: 0,
        border: 0,
        outline: 0,
        background: 'transparent',
        color: 'inherit',
      },
      '& > select': { appearance: 'none', paddingRight: theme.spacing(3), cursor: 'pointer' },
      '& > select option': { color: theme.palette.text.primary, backgroundColor: theme.palette.background.paper },
    },
    [`.${BUTTON_CLASS}`]: {
      ...theme.typography.button,
      display: 'inline-flex',
      alignItems: 'center',
      justifyContent: 'center',
      boxSizing: 'border-box',
      minWidth: 64,
      margin: 0,
      padding: '6px 16px',
      border: 0,
      borderRadius: theme.shape.borderRadius,
      cursor: 'pointer',
      transition: theme.transitions.create(['background-color', 'box-shadow', 'border-color'], { duration: theme.transitions.duration.short }),
      '&:focus-visible': focusRing,
      '& > .start-icon': { display: 'inherit', marginLeft: -4, marginRight: 8, '& > svg': { fontSize: 20 } },
      '&.contained': { color: theme.palette.primary.contrastText, backgroundColor: theme.palette.primary.main, boxShadow: theme.shadows[2] },
      '&.contained:hover': { backgroundColor: theme.palette.primary.dark, boxShadow: theme.shadows[4] },
      '&.outlined': { padding: '5px 15px', color: theme.palette.primary.main, backgroundColor: 'transparent', border: `1px solid ${alpha(theme.palette.primary.main, 0.5)}` },
      '&.outlined:hover': { borderColor: theme.palette.primary.main, backgroundColor: alpha(theme.palette.primary.main, theme.palette.action.hoverOpacity) },
      '&.outlined.error': { color: theme.palette.error.main, borderColor: alpha(theme.palette.error.main, 0.5) },
      '&.outlined.error:hover': { borderColor: theme.palette.error.main, backgroundColor: alpha(theme.palette.error.main, theme.palette.action.hoverOpacity) },
      '&:disabled': { color: theme.palette.action.disabled, cursor: 'default', boxShadow: 'none' },
      '&.contained:disabled': { backgroundColor: theme.palette.action.disabledBackground },
      '&.outlined:disabled': { backgroundColor: 'transparent', borderColor: theme.palette.action.disabledBackground },
    },
    [`.${CHIP_CLASS}`]: {
      ...theme.typography.body2,
      fontSize: theme.typography.pxToRem(13),
      display: 'inline-flex',
      alignItems: 'center',
      boxSizing: 'border-box',
      height: 32,
      padding: theme.spacing(0, 1.5),
      borderRadius: 16,
      border: `1px solid ${theme.palette.mode === 'light' ? theme.palette.grey[400] : theme.palette.grey[700]}`,
      background: 'transparent',
      color: theme.palette.text.primary,
      cursor: 'pointer',
      whiteSpace: 'nowrap',
      '&:hover': { backgroundColor: theme.palette.action.hover },
      '&:focus-visible': focusRing,
      '&[aria-pressed="true"]': { backgroundColor: theme.palette.primary.main, borderColor: theme.palette.primary.main, color: theme.palette.primary.contrastText },
      '&[aria-pressed="true"]:hover': { backgroundColor: theme.palette.primary.dark },
    },
  };
}

/**
 * The look of plain controls (outlined fields with a native input or select, toggle chips, buttons), from the theme,
 * as one global style block serialized once per theme and rendered once by the shell: MUI's outlined small field,
 * clickable chip and medium Button without their per-control styling, for what a page paints with its first rows.
 */
export const PlainControlsStyles = memo(function PlainControlsStyles(): React.JSX.Element {
  return <GlobalStyles styles={plainControlStyles} />;
});
