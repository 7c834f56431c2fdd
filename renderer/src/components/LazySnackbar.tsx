import type { SnackbarProps } from '@mui/material/Snackbar';
import { lazyPart } from './lazy-part';

/**
 * MUI's Snackbar in its own chunk: closed until an action reports, so the page that holds it paints without its code,
 * which loads as the page mounts; same props, same look.
 */
export const LazySnackbar = lazyPart<SnackbarProps>(() => import('@mui/material/Snackbar').then((m) => m.default));
