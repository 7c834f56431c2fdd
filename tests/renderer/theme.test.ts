import { describe, expect, it } from 'vitest';
import { getContrastRatio } from '@mui/material/styles';
import { createLightdockTheme } from '../../renderer/src/theme';

describe('the theme', () => {
  for (const mode of ['light', 'dark'] as const) {
    it(`gives filled chips (warning, success, error, primary) and warning text on the page WCAG AA contrast in ${mode} mode`, () => {
      const { palette } = createLightdockTheme(mode);
      for (const color of [palette.warning, palette.success, palette.error, palette.primary]) {
        expect(getContrastRatio(color.main, color.contrastText)).toBeGreaterThanOrEqual(4.5);
      }
      expect(getContrastRatio(palette.warning.main, palette.background.default)).toBeGreaterThanOrEqual(4.5);
    });
  }
});
