import { useState } from 'react';
import type { SnackbarProps } from '@mui/material/Snackbar';
import { lazyPart } from './lazy-part';

const SnackbarPart = lazyPart<SnackbarProps>(() => import('@mui/material/Snackbar').then((m) => m.default));

/** Loads MUI's Snackbar code ahead of need (with the app's other idle loads), so the first report shows at once. */
export const preloadSnackbar = SnackbarPart.preload;

/**
 * MUI's Snackbar in its own chunk, same props and look: nothing is mounted until it first opens (a closed snackbar
 * costs the page nothing, not even its code's load as the page paints); from then on it stays mounted, so it closes
 * with its transition.
 */
export function LazySnackbar(props: SnackbarProps): React.JSX.Element | null {
  const [opened, setOpened] = useState(props.open === true);
  if (props.open === true && !opened) setOpened(true);
  return opened ? <SnackbarPart {...props} /> : null;
}
