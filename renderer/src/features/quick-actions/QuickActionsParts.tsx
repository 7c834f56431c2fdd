import { createContext, useCallback, useContext, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { RefObject } from 'react';
import Alert from '@mui/material/Alert';
import Divider from '@mui/material/Divider';
import ListItemText from '@mui/material/ListItemText';
import Menu from '@mui/material/Menu';
import type { PopoverActions } from '@mui/material/Popover';
import MenuItem from '@mui/material/MenuItem';
import Snackbar from '@mui/material/Snackbar';
import Tooltip from '@mui/material/Tooltip';
import ChevronLeft from '@mui/icons-material/ChevronLeft';
import { buildQuickActionsMenu, isSeparator, type MenuAction, type MenuEntry, type MenuItem as QuickItem } from '../../../../shared/quick-actions/quick-actions-menu';
import { invoke } from '../../ipc/ipc-client';
import { describeIpcError, toIpcError } from '../../ipc/ipc-error';
import { useQuickActionsState } from './useQuickActionsState';

/** Runs an item's action in the window: a contract request, a route, or a local URL in a new tab. */
async function perform(action: MenuAction): Promise<void> {
  if ('channel' in action) {
    await (invoke as (channel: string, request: unknown) => Promise<unknown>)(action.channel, action.request);
  } else if ('navigate' in action) {
    window.location.hash = action.navigate;
  } else if ('openUrl' in action) {
    window.open(action.openUrl, '_blank', 'noopener,noreferrer');
  }
}

interface EntriesProps {
  entries: readonly MenuEntry[];
  onAction: (item: QuickItem) => void;
}

/** Where a submenu registers its positioning handle (with its depth) so the root menu can place it again. */
interface SubmenuPlacement {
  depth: number;
  add: (depth: number, action: RefObject<PopoverActions | null>) => () => void;
  /** Places every open submenu again, outermost first (a menu calls it once it has finished growing in). */
  placeAll: () => void;
}

const SubmenuPlacementContext = createContext<SubmenuPlacement | null>(null);

/**
 * The root menu's registry of open submenus. After every render of the root (its content, and so its size and place,
 * may have changed) it places them again outermost first, so each is placed against where its parent item now is;
 * a submenu's own effect runs before its parent's and would place it against where the parent was. A menu that has
 * finished growing in places them again too: one opened during the growth was placed against a scaled parent item.
 */
function useSubmenuPlacement(): SubmenuPlacement {
  const placed = useRef(new Map<RefObject<PopoverActions | null>, number>());
  const placement = useMemo<SubmenuPlacement>(
    () => ({
      depth: 0,
      add: (depth, action) => {
        placed.current.set(action, depth);
        return () => placed.current.delete(action);
      },
      placeAll: () => {
        for (const [action] of [...placed.current].sort((a, b) => a[1] - b[1])) action.current?.updatePosition();
      },
    }),
    [],
  );
  useEffect(() => placement.placeAll());
  return placement;
}

/**
 * One item with a submenu: opens a nested menu to its left (the button sits at the right edge) on click, Enter or the
 * left arrow key.
 */
function SubmenuItem({ item, onAction }: { item: QuickItem; onAction: (item: QuickItem) => void }): React.JSX.Element {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const id = useId();
  const placement = useContext(SubmenuPlacementContext);
  const action = useRef<PopoverActions>(null);
  useEffect(() => placement?.add(placement.depth, action), [placement]);
  const inner = useMemo(() => placement && { ...placement, depth: placement.depth + 1 }, [placement]);
  return (
    <>
      <MenuItem
        aria-haspopup="menu"
        aria-expanded={anchor !== null}
        aria-controls={anchor === null ? undefined : id}
        onClick={(event) => setAnchor(event.currentTarget)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
            event.preventDefault();
            setAnchor(event.currentTarget);
          }
        }}
      >
        <ChevronLeft fontSize="small" sx={{ mr: 1, ml: -0.5 }} aria-hidden />
        <ListItemText>{item.label}</ListItemText>
      </MenuItem>
      <SubmenuPlacementContext value={inner}>
        <Menu
          id={id}
          disablePortal
          action={action}
          anchorEl={anchor}
          open={anchor !== null}
          onClose={() => setAnchor(null)}
          anchorOrigin={{ vertical: 'top', horizontal: 'left' }}
          transformOrigin={{ vertical: 'top', horizontal: 'right' }}
          slotProps={{
            list: { 'aria-label': item.label, dense: true, onKeyDown: (event: React.KeyboardEvent) => event.key === 'ArrowRight' && setAnchor(null) },
            transition: { onEntered: placement?.placeAll },
          }}
        >
          {renderEntries({ entries: item.submenu ?? [], onAction })}
        </Menu>
      </SubmenuPlacementContext>
    </>
  );
}

/** The entries of one level: separators, nested menus, and items (a disabled one says why in its tooltip). */
function renderEntries({ entries, onAction }: EntriesProps): React.JSX.Element[] {
  return entries.map((entry) => {
    if (isSeparator(entry)) return <Divider key={entry.id} component="li" role="separator" />;
    if (entry.submenu !== undefined) return <SubmenuItem key={entry.id} item={entry} onAction={onAction} />;
    if (!entry.enabled) {
      return (
        <Tooltip key={entry.id} title={entry.disabledReason ?? ''} placement="bottom-start" describeChild>
          <MenuItem aria-disabled="true" sx={{ opacity: 0.6, cursor: 'default' }} onClick={(event) => event.preventDefault()}>
            {entry.label}
          </MenuItem>
        </Tooltip>
      );
    }
    return (
      <MenuItem key={entry.id} onClick={() => onAction(entry)}>
        {entry.label}
      </MenuItem>
    );
  });
}

/** The open menu: mounted only while open, so its state (distros, VM, containers, engine) is fetched then. */
function QuickActionsMenu({ anchor, onClose, onError }: { anchor: HTMLElement; onClose: () => void; onError: (message: string) => void }): React.JSX.Element {
  const state = useQuickActionsState();
  const model = useMemo(() => buildQuickActionsMenu(state, 'app-bar'), [state]);
  const placement = useSubmenuPlacement();
  const onAction = useCallback(
    (item: QuickItem) => {
      onClose();
      if (item.action === undefined) return;
      perform(item.action).catch((error: unknown) => onError(`${item.label}: ${describeIpcError(toIpcError(error))}`));
    },
    [onClose, onError],
  );
  return (
    <SubmenuPlacementContext value={placement}>
      <Menu
        id="quick-actions-menu"
        disablePortal
        anchorEl={anchor}
        open
        onClose={onClose}
        slotProps={{ list: { 'aria-label': 'Quick actions', dense: true }, transition: { onEntered: placement.placeAll } }}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
      >
        {renderEntries({ entries: model.items, onAction })}
      </Menu>
    </SubmenuPlacementContext>
  );
}

/** What the menu's module shows: the menu while `anchor` is set, and a failed action's sentence in a snackbar. */
export interface QuickActionsPartsProps {
  anchor: HTMLElement | null;
  onClose: () => void;
  error: string | null;
  onError: (message: string | null) => void;
}

/**
 * The Quick actions button's parts that are not on screen until it is used, in their own chunk: the open menu
 * (mounted only while open, so its state is fetched then) and the snackbar that reports a failed action.
 */
export function QuickActionsParts({ anchor, onClose, error, onError }: QuickActionsPartsProps): React.JSX.Element {
  return (
    <>
      {anchor !== null && <QuickActionsMenu anchor={anchor} onClose={onClose} onError={onError} />}
      <Snackbar open={error !== null} autoHideDuration={8000} onClose={() => onError(null)}>
        <Alert severity="error" onClose={() => onError(null)} variant="filled">
          {error}
        </Alert>
      </Snackbar>
    </>
  );
}
