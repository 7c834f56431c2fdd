import { z } from 'zod';

/** The colour scheme: follow the OS, or always light or dark. */
export const ThemeSetting = z.enum(['system', 'light', 'dark']);
export type ThemeSetting = z.infer<typeof ThemeSetting>;

/** Per kind of notification, whether it is shown (all on by default). */
export const NotificationToggles = z
  .object({
    'container-exited': z.boolean().default(true),
    'engine-stopped': z.boolean().default(true),
    'vm-memory': z.boolean().default(true),
    'setup-step': z.boolean().default(true),
    /** Added after version 2 of the settings file: a file without it reads as on, so no migration is needed. */
    'memory-warning': z.boolean().default(true),
  })
  .default({ 'container-exited': true, 'engine-stopped': true, 'vm-memory': true, 'setup-step': true, 'memory-warning': true });
export type NotificationToggles = z.infer<typeof NotificationToggles>;

/** Settings → General; every field has a default so an empty object is valid. */
export const GeneralSettings = z.object({
  theme: ThemeSetting.default('system'),
  /** Closing the desktop window keeps Lightdock in the tray. */
  closeToTray: z.boolean().default(true),
  /** The desktop app starts in the tray without showing its window. */
  startHidden: z.boolean().default(false),
  /** The desktop app starts when the user logs in. */
  startAtLogin: z.boolean().default(false),
  notifications: NotificationToggles,
});
export type GeneralSettings = z.infer<typeof GeneralSettings>;

/** A change to Settings → General: only the fields given change; unknown keys are refused. */
export const GeneralSettingsPatch = z
  .object({
    theme: ThemeSetting.optional(),
    closeToTray: z.boolean().optional(),
    startHidden: z.boolean().optional(),
    startAtLogin: z.boolean().optional(),
    notifications: z
      .object({
        'container-exited': z.boolean().optional(),
        'engine-stopped': z.boolean().optional(),
        'vm-memory': z.boolean().optional(),
        'setup-step': z.boolean().optional(),
        'memory-warning': z.boolean().optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type GeneralSettingsPatch = z.infer<typeof GeneralSettingsPatch>;
