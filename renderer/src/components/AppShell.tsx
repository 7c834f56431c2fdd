import { memo, type ReactNode } from 'react';
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
import { SHELL_CLASSES as C, ShellStyles } from './shell-style';

const DRAWER_WIDTH = 200;

/** The loads of the shell's parts that are off screen until used (tooltips, the quick-actions menu, the notifications panel, the engine chip's menu). */
export const SHELL_PART_LOADS: readonly (() => Promise<void>)[] = [preloadTooltip, preloadQuickActionsMenu, preloadNotificationsPanel, preloadEngineContextMenu];
/** The navigation's width as an icon rail, on windows narrower than the theme's `md` breakpoint (900 px). */
const RAIL_WIDTH = 64;

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
    <header className={C.appBar}>
      <div className={C.toolbar}>
        <h1 className={C.title}>Lightdock</h1>
        {host?.simulated === true && <SimulatedChip />}
        <EngineStatusChip />
        <div className={C.grow} />
        <QuickActionsButton />
        <NotificationsBell />
        <ConnectionIndicator />
      </div>
    </header>
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
    <li>
      <LazyTooltip title={rail ? item.label : ''} placement="right">
        <button
          type="button"
          className={rail ? `${C.navButton} rail` : C.navButton}
          aria-current={selected ? 'page' : undefined}
          aria-label={rail ? item.label : undefined}
          onClick={() => onSelect(item.id)}
        >
          <span className={C.navIcon}>{item.icon}</span>
          {!rail && <span className={C.navLabel}>{item.label}</span>}
        </button>
      </LazyTooltip>
    </li>
  );
}) as <Id extends string>(props: NavEntryProps<Id>) => React.JSX.Element;

/**
 * The window frame: an app bar (title, Simulated chip, link state) over a permanent left navigation and the page. Below
 * 900 px the navigation is an icon rail: each entry keeps its accessible name and shows it as a tooltip. A page switch
 * renders again the page and the two navigation entries whose selection changed, not the app bar (`onSelect` should
 * keep its identity). The frame is plain elements styled by one stylesheet per theme (`ShellStyles`: MUI's AppBar,
 * Drawer and List look), and it holds the one stylesheet of the pages' plain controls (`PlainControlsStyles`).
 */
export function AppShell<Id extends string>({ items, selected, onSelect, children }: AppShellProps<Id>): React.JSX.Element {
  const theme = useTheme();
  const rail = useMediaQuery(theme.breakpoints.down('md'));
  const navWidth = rail ? RAIL_WIDTH : DRAWER_WIDTH;
  return (
    <div className={C.root}>
      <ShellStyles />
      <PlainControlsStyles />
      <ShellAppBar />
      <div className={C.navSlot} style={{ width: navWidth }}>
        <div className={C.navPanel} style={{ width: navWidth }}>
          <div className={C.toolbarSpace} />
          <nav aria-label="Main">
            <ul className={C.navList}>
              {items.map((item) => (
                <NavEntry key={item.id} item={item} selected={item.id === selected} rail={rail} onSelect={onSelect} />
              ))}
            </ul>
          </nav>
        </div>
      </div>
      <main className={C.main}>
        <div className={C.toolbarSpace} />
        {children}
      </main>
    </div>
  );
}
