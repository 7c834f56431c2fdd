import { memo, type ReactNode } from 'react';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import useMediaQuery from '@mui/material/useMediaQuery';
import { useTheme } from '@mui/material/styles';
import { LazyTooltip, preloadTooltip } from './LazyTooltip';
import { useHostInfo } from '../features/host/useHostInfo';
import { NotificationsBell, preloadNotificationsPanel } from '../features/notifications/NotificationsBell';
import { preloadQuickActionsMenu, QuickActionsButton } from '../features/quick-actions/QuickActionsButton';
import { ConnectionIndicator } from './ConnectionIndicator';
import { EngineStatusChip, preloadEngineContextMenu } from './EngineStatusChip';
import { SimulatedChip } from './SimulatedChip';
import { PlainControlsStyles } from './plain-controls-style';

const DRAWER_WIDTH = 200;

/** The loads of the shell's parts that are off screen until used (tooltips, the quick-actions menu, the notifications panel, the engine chip's menu). */
export const SHELL_PART_LOADS: readonly (() => Promise<void>)[] = [preloadTooltip, preloadQuickActionsMenu, preloadNotificationsPanel, preloadEngineContextMenu];
/** The navigation's width as an icon rail, on windows narrower than the theme's `md` breakpoint (900 px). */
const RAIL_WIDTH = 64;
/** The navigation panel's look: what MUI's permanent left Drawer gives its paper (fixed, full height, a divider on the right). */
const NAV_PANEL = {
  position: 'fixed',
  top: 0,
  left: 0,
  height: '100%',
  display: 'flex',
  flexDirection: 'column',
  flex: '1 0 auto',
  overflowY: 'auto',
  overflowX: 'hidden',
  boxSizing: 'border-box',
  zIndex: 'drawer',
  outline: 0,
  borderRight: 1,
  borderColor: 'divider',
} as const;

/** One entry of the left navigation; only pages that work get one. */
export interface NavItem<Id extends string> {
  id: Id;
  label: string;
  icon: ReactNode;
}

/** Props of the shell: navigation entries, the selected one, and the page to show. */
export interface AppShellProps<Id extends string> {
  items: readonly NavItem<Id>[];
  selected: Id;
  onSelect: (id: Id) => void;
  children: ReactNode;
}

/** The app bar: title, Simulated chip, engine chip, quick actions, notifications and link state; it has no props, so a page switch does not render it again. */
const ShellAppBar = memo(function ShellAppBar(): React.JSX.Element {
  const host = useHostInfo();
  return (
    <AppBar position="fixed" elevation={1} sx={{ zIndex: (theme) => theme.zIndex.drawer + 1 }}>
      <Toolbar sx={{ gap: 1.5 }}>
        <Typography variant="h6" component="h1" noWrap>
          Lightdock
        </Typography>
        {host?.simulated === true && <SimulatedChip />}
        <EngineStatusChip />
        <Box sx={{ flexGrow: 1 }} />
        <QuickActionsButton />
        <NotificationsBell />
        <ConnectionIndicator />
      </Toolbar>
    </AppBar>
  );
});

/** What one navigation entry is told: a page switch renders again only the entries whose `selected` changed. */
interface NavEntryProps<Id extends string> {
  item: NavItem<Id>;
  selected: boolean;
  rail: boolean;
  onSelect: (id: Id) => void;
}

/** One entry of the left navigation: a button with its icon and (unless a rail) its label; as a rail, a tooltip names it. */
const NavEntry = memo(function NavEntry<Id extends string>({ item, selected, rail, onSelect }: NavEntryProps<Id>): React.JSX.Element {
  return (
    <ListItem disablePadding>
      <LazyTooltip title={rail ? item.label : ''} placement="right">
        <ListItemButton
          selected={selected}
          aria-current={selected ? 'page' : undefined}
          aria-label={rail ? item.label : undefined}
          onClick={() => onSelect(item.id)}
          sx={rail ? { justifyContent: 'center', px: 2.5 } : undefined}
        >
          <ListItemIcon sx={rail ? { minWidth: 0 } : undefined}>{item.icon}</ListItemIcon>
          {!rail && <ListItemText primary={item.label} />}
        </ListItemButton>
      </LazyTooltip>
    </ListItem>
  );
}) as <Id extends string>(props: NavEntryProps<Id>) => React.JSX.Element;

/**
 * The window frame: an app bar (title, Simulated chip, link state) over a permanent left navigation and the page. Below
 * 900 px the navigation is an icon rail: each entry keeps its accessible name and shows it as a tooltip. A page switch
 * renders again the page and the two navigation entries whose selection changed, not the app bar (`onSelect` should
 * keep its identity). It holds the one stylesheet of the pages' plain controls (`PlainControlsStyles`).
 */
export function AppShell<Id extends string>({ items, selected, onSelect, children }: AppShellProps<Id>): React.JSX.Element {
  const theme = useTheme();
  const rail = useMediaQuery(theme.breakpoints.down('md'));
  const navWidth = rail ? RAIL_WIDTH : DRAWER_WIDTH;
  return (
    <Box sx={{ display: 'flex', minHeight: '100vh' }}>
      <PlainControlsStyles />
      <ShellAppBar />
      {/* A permanent drawer as plain boxes: MUI's Drawer would bring its modal and slide code, which a fixed panel never uses. */}
      <Box sx={{ width: navWidth, flexShrink: 0 }}>
        <Paper square elevation={0} sx={{ ...NAV_PANEL, width: navWidth }}>
          <Toolbar />
          <Box component="nav" aria-label="Main">
            <List>
              {items.map((item) => (
                <NavEntry key={item.id} item={item} selected={item.id === selected} rail={rail} onSelect={onSelect} />
              ))}
            </List>
          </Box>
        </Paper>
      </Box>
      <Box component="main" sx={{ flexGrow: 1, minWidth: 0, p: { xs: 2, md: 3 } }}>
        <Toolbar />
        {children}
      </Box>
    </Box>
  );
}
