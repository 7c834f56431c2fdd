import { memo } from 'react';
import GlobalStyles from '@mui/material/GlobalStyles';
import { alpha, type Theme } from '@mui/material/styles';

/** The classes of the window frame's parts: the app bar and its toolbar and title, the navigation panel, its entries, and the page area. */
export const SHELL_CLASSES = {
  root: 'ld-shell',
  appBar: 'ld-appbar',
  toolbar: 'ld-toolbar',
  title: 'ld-app-title',
  grow: 'ld-grow',
  toolbarSpace: 'ld-toolbar-space',
  navSlot: 'ld-nav-slot',
  navPanel: 'ld-nav-panel',
  navList: 'ld-nav-list',
  navButton: 'ld-nav-button',
  navIcon: 'ld-nav-icon',
  navLabel: 'ld-nav-label',
  main: 'ld-main',
} as const;

const c = SHELL_CLASSES;

function shellStyles(theme: Theme): Record<string, unknown> {
  const dark = theme.palette.mode === 'dark';
  const { action, primary } = theme.palette;
  const toolbarHeight = theme.mixins.toolbar as Record<string, unknown>;
  const wide = theme.breakpoints.up('sm');
  return {
    [`.${c.root}`]: { display: 'flex', minHeight: '100vh' },
    // MUI's fixed AppBar (a Paper at elevation 1) in the primary colour; in dark mode the paper with its elevation overlay, as MUI draws it without enableColorOnDark.
    [`.${c.appBar}`]: {
      position: 'fixed',
      top: 0,
      left: 'auto',
      right: 0,
      zIndex: theme.zIndex.drawer + 1,
      display: 'flex',
      flexDirection: 'column',
      flexShrink: 0,
      width: '100%',
      boxSizing: 'border-box',
      boxShadow: theme.shadows[1],
      color: dark ? theme.palette.text.primary : primary.contrastText,
      backgroundColor: dark ? theme.palette.background.paper : primary.main,
      backgroundImage: dark ? 'linear-gradient(rgba(255, 255, 255, 0.05), rgba(255, 255, 255, 0.05))' : 'none',
      '@media print': { position: 'absolute' },
    },
    [`.${c.toolbar}`]: {
      ...toolbarHeight,
      position: 'relative',
      display: 'flex',
      alignItems: 'center',
      gap: theme.spacing(1.5),
      padding: theme.spacing(0, 2),
      [wide]: { ...(toolbarHeight[wide] as object | undefined), padding: theme.spacing(0, 3) },
    },
    [`.${c.title}`]: { ...theme.typography.h6, margin: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
    [`.${c.grow}`]: { flexGrow: 1 },
    [`.${c.toolbarSpace}`]: toolbarHeight,
    [`.${c.navSlot}`]: { flexShrink: 0 },
    // What MUI's permanent left Drawer gives its paper: fixed, full height, a divider on the right.
    [`.${c.navPanel}`]: {
      position: 'fixed',
      top: 0,
      left: 0,
      height: '100%',
      display: 'flex',
      flexDirection: 'column',
      overflowX: 'hidden',
      overflowY: 'auto',
      boxSizing: 'border-box',
      zIndex: theme.zIndex.drawer,
      outline: 0,
      borderRight: `1px solid ${theme.palette.divider}`,
      color: theme.palette.text.primary,
      backgroundColor: theme.palette.background.paper,
    },
    [`.${c.navList}`]: { position: 'relative', listStyle: 'none', margin: 0, padding: theme.spacing(1, 0), '& > li': { position: 'relative' } },
    // MUI's ListItemButton with a ListItemIcon and a ListItemText; selected, hovered and keyboard-focused as it is.
    [`.${c.navButton}`]: {
      ...theme.typography.body1,
      position: 'relative',
      display: 'flex',
      alignItems: 'center',
      justifyContent: 'flex-start',
      boxSizing: 'border-box',
      width: '100%',
      minWidth: 0,
      margin: 0,
      padding: theme.spacing(1, 2),
      border: 0,
      borderRadius: 0,
      outline: 0,
      color: 'inherit',
      backgroundColor: 'transparent',
      textAlign: 'left',
      cursor: 'pointer',
      transition: theme.transitions.create('background-color', { duration: theme.transitions.duration.shortest }),
      '&:hover': { backgroundColor: action.hover },
      '&:focus-visible': { backgroundColor: action.focus },
      '&[aria-current="page"]': { backgroundColor: alpha(primary.main, action.selectedOpacity) },
      '&[aria-current="page"]:hover': { backgroundColor: alpha(primary.main, action.selectedOpacity + action.hoverOpacity) },
      '&[aria-current="page"]:focus-visible': { backgroundColor: alpha(primary.main, action.selectedOpacity + action.focusOpacity) },
      '&.rail': { justifyContent: 'center', padding: theme.spacing(1, 2.5) },
    },
    [`.${c.navIcon}`]: { display: 'inline-flex', flexShrink: 0, minWidth: 36, color: action.active, '.rail > &': { minWidth: 0 } },
    [`.${c.navLabel}`]: { flex: '1 1 auto', minWidth: 0, margin: theme.spacing(0.5, 0) },
    [`.${c.main}`]: { flexGrow: 1, minWidth: 0, padding: theme.spacing(2), [theme.breakpoints.up('md')]: { padding: theme.spacing(3) } },
  };
}

/**
 * The look of the window frame, from the theme, as one global style block serialized once per theme: MUI's AppBar,
 * Toolbar, permanent Drawer and List entries as they look here, without their per-element styling on the first render.
 */
export const ShellStyles = memo(function ShellStyles(): React.JSX.Element {
  return <GlobalStyles styles={shellStyles} />;
});
