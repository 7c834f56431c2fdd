import path from 'node:path';
import { z } from 'zod';
import type { Clock, Logger } from '../../services/ports';
import { JsonStateFile } from '../../services/storage/json-state-file';

/** File name, in the data directory, of the desktop window's behaviour preferences. */
export const DESKTOP_PREFERENCES_FILE = 'desktop-preferences.json';

/** How the desktop window behaves; every field has a default, so an empty document is valid. */
export const DesktopPreferences = z.object({
  /** Closing the window keeps Lightdock in the tray (default) instead of quitting. */
  closeToTray: z.boolean().default(true),
  /** Start without showing the window (the tray only). */
  startHidden: z.boolean().default(false),
  /** Start Lightdock when the user logs in (hidden). */
  startAtLogin: z.boolean().default(false),
  /** Whether the "still running in the tray" notice was shown once already. */
  closeNoticeShown: z.boolean().default(false),
});
export type DesktopPreferences = z.infer<typeof DesktopPreferences>;

/** The preferences file: validated on every read, a corrupt one moved aside and replaced by the defaults. */
export function openDesktopPreferences(dataDir: string, clock: Clock, logger: Logger): JsonStateFile<DesktopPreferences> {
  return new JsonStateFile(path.join(dataDir, DESKTOP_PREFERENCES_FILE), DesktopPreferences, () => DesktopPreferences.parse({}), clock, logger);
}
