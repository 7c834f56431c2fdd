import useMediaQuery from '@mui/material/useMediaQuery';

/**
 * The containers table's optional columns, dropped as the window narrows so that a row's name, state, CPU, memory and
 * actions stay in view without horizontal scrolling: Image goes first (it stays in the name's tooltip), then Ports
 * (the detail page lists them). The widths are the window's (the navigation is 200 px from 900 px up, a rail below).
 */
export interface OptionalColumns {
  image: boolean;
  ports: boolean;
}

/** Window widths (px) from which each optional column is shown. */
export const COLUMN_MIN_WINDOW_WIDTH = { image: 1200, ports: 1000 } as const;

/** The table's minimum width (px) for the columns shown; below it the table scrolls sideways rather than squeeze. */
export function tableMinWidth(columns: OptionalColumns): number {
  if (columns.image) return 900;
  return columns.ports ? 700 : 560;
}

/** The optional columns shown at the current window width (all where nothing can tell it); re-renders only at a breakpoint. */
export function useOptionalColumns(): OptionalColumns {
  const image = useMediaQuery(`(min-width:${COLUMN_MIN_WINDOW_WIDTH.image}px)`, { noSsr: true, defaultMatches: true });
  const ports = useMediaQuery(`(min-width:${COLUMN_MIN_WINDOW_WIDTH.ports}px)`, { noSsr: true, defaultMatches: true });
  return { image, ports: ports || image };
}
