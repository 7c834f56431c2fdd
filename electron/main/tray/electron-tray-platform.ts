import type { Menu, MenuItemConstructorOptions, NativeImage, NativeTheme, Tray } from 'electron';
import type { TrayIconState } from '../../../shared/quick-actions/quick-actions-menu';
import type { TrayHandle, TrayPlatform } from './tray-controller';
import { drawTrayIcon, type TrayTheme } from './tray-icon';

/** The Electron modules the tray platform is made of (the real ones in the app, stand-ins in tests). */
export interface TrayElectron {
  Tray: new (image: NativeImage) => Tray;
  Menu: { buildFromTemplate(template: MenuItemConstructorOptions[]): Menu };
  nativeImage: { createEmpty(): NativeImage; createFromBuffer(buffer: Buffer, options?: { scaleFactor?: number }): NativeImage };
  nativeTheme: Pick<NativeTheme, 'shouldUseDarkColors'>;
}

/**
 * The TrayPlatform over Electron: icons drawn once per state and theme with 16 px at 1×, 24 px at 1.5× and 32 px
 * at 2× representations (so Windows and Linux pick their size), menus from `Menu.buildFromTemplate`.
 */
export function createElectronTrayPlatform(electron: TrayElectron): TrayPlatform {
  const icons = new Map<string, NativeImage>();
  return {
    createTray: (image) => new electron.Tray(image as NativeImage) as unknown as TrayHandle,
    buildMenu: (template) => electron.Menu.buildFromTemplate(template),
    theme: (): TrayTheme => (electron.nativeTheme.shouldUseDarkColors ? 'dark' : 'light'),
    icon(state: TrayIconState, theme: TrayTheme) {
      const key = `${state}-${theme}`;
      let image = icons.get(key);
      if (image === undefined) {
        image = electron.nativeImage.createFromBuffer(drawTrayIcon(state, theme, 16), { scaleFactor: 1 });
        image.addRepresentation({ scaleFactor: 1.5, buffer: drawTrayIcon(state, theme, 24) });
        image.addRepresentation({ scaleFactor: 2, buffer: drawTrayIcon(state, theme, 32) });
        icons.set(key, image);
      }
      return image;
    },
  };
}
