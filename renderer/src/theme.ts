import { createTheme, type Theme } from '@mui/material/styles';

/** The OS's own UI fonts, so the app needs no web font and works offline. */
export const SYSTEM_FONT_STACK =
  'system-ui, -apple-system, "Segoe UI", Roboto, Ubuntu, Cantarell, "Noto Sans", "Helvetica Neue", Arial, sans-serif';

/** Builds the app theme for a colour mode, with the system font stack and compact defaults. */
export function createLightdockTheme(mode: 'light' | 'dark'): Theme {
  return createTheme({
    palette: { mode, primary: { main: mode === 'dark' ? '#64b5f6' : '#1565c0' } },
    typography: { fontFamily: SYSTEM_FONT_STACK },
    shape: { borderRadius: 8 },
  });
}
