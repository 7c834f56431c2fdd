import { createTheme, type Theme } from '@mui/material/styles';

/** The OS's own UI fonts, so the app needs no web font and works offline. */
export const SYSTEM_FONT_STACK =
  'system-ui, -apple-system, "Segoe UI", Roboto, Ubuntu, Cantarell, "Noto Sans", "Helvetica Neue", Arial, sans-serif';

/**
 * MUI's light-mode warning orange (#ed6c02) gives white chip text 3.1:1; this darker amber gives 5.0:1, as text on
 * white too, so the app bar's Simulated / Engine chips and outlined warning chips meet WCAG AA (4.5:1).
 */
export const LIGHT_WARNING_MAIN = '#b45309';

/** Builds the app theme for a colour mode, with the system font stack and compact defaults; every palette pair reaches WCAG AA contrast. */
export function createLightdockTheme(mode: 'light' | 'dark'): Theme {
  return createTheme({
    palette: {
      mode,
      primary: { main: mode === 'dark' ? '#64b5f6' : '#1565c0' },
      ...(mode === 'light' ? { warning: { main: LIGHT_WARNING_MAIN } } : {}),
      // White text on a filled colour only where it reaches 4.5:1, else dark text (MUI's default threshold is 3).
      contrastThreshold: 4.5,
    },
    typography: { fontFamily: SYSTEM_FONT_STACK },
    shape: { borderRadius: 8 },
  });
}
