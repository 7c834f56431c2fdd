import { alpha, type Theme } from '@mui/material/styles';
import { mangoFusionPalette } from '@mui/x-charts/colorPalettes';
import type { MemoryNodeKind } from '../../../../shared/model/memory';

/**
 * A colour per part of the breakdown that reads in both themes: the VM in the primary colour, page cache in the
 * secondary, what nobody uses faint, the VM's own kernel and other programs in greys, and distros and containers from the charts'
 * categorical palette in turn (the same id keeps the same colour while the list stays the same).
 */
export function memoryColor(kind: MemoryNodeKind, index: number, theme: Theme): string {
  const { palette } = theme;
  switch (kind) {
    case 'host':
      return palette.primary.dark;
    case 'vm':
      return palette.primary.main;
    case 'vm-page-cache':
      return palette.secondary.main;
    case 'vm-system':
      return palette.grey[palette.mode === 'dark' ? 400 : 700];
    case 'host-other':
    case 'distro-other':
      return palette.grey[palette.mode === 'dark' ? 600 : 500];
    case 'host-free':
    case 'vm-free':
      return alpha(palette.text.primary, 0.14);
    case 'distro':
    case 'container': {
      const colors = mangoFusionPalette(palette.mode);
      return colors[index % colors.length] ?? palette.primary.light;
    }
  }
}
