import type { ReactNode } from 'react';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Drawer from '@mui/material/Drawer';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import { useHostInfo } from '../features/host/useHostInfo';
import { NotificationsBell } from '../features/notifications/NotificationsBell';
import { QuickActionsButton } from '../features/quick-actions/QuickActionsButton';
import { ConnectionIndicator } from './ConnectionIndicator';
import { EngineStatusChip } from './EngineStatusChip';
import { SimulatedChip } from './SimulatedChip';

const DRAWER_WIDTH = 200;

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

/** The window frame: an app bar (title, Simulated chip, link state) over a permanent left navigation and the page. */
export function AppShell<Id extends string>({ items, selected, onSelect, children }: AppShellProps<Id>): React.JSX.Element {
  const host = useHostInfo();
  return (
    <Box sx={{ display: 'flex', minHeight: '100vh' }}>
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
      <Drawer
        variant="permanent"
        sx={{ width: DRAWER_WIDTH, flexShrink: 0, '& .MuiDrawer-paper': { width: DRAWER_WIDTH, boxSizing: 'border-box' } }}
      >
        <Toolbar />
        <Box component="nav" aria-label="Main">
          <List>
            {items.map((item) => (
              <ListItemButton
                key={item.id}
                selected={item.id === selected}
                aria-current={item.id === selected ? 'page' : undefined}
                onClick={() => onSelect(item.id)}
              >
                <ListItemIcon>{item.icon}</ListItemIcon>
                <ListItemText primary={item.label} />
              </ListItemButton>
            ))}
          </List>
        </Box>
      </Drawer>
      <Box component="main" sx={{ flexGrow: 1, minWidth: 0, p: 3 }}>
        <Toolbar />
        {children}
      </Box>
    </Box>
  );
}
