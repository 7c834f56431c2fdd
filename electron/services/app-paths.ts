import path from 'node:path';

/** The environment variable that moves all of Lightdock's state (tests and parallel runs set it). */
export const DATA_DIR_ENV = 'LIGHTDOCK_DATA_DIR';

/**
 * Where Lightdock keeps its state: `LIGHTDOCK_DATA_DIR`, else the platform's per-user config folder.
 * All three hosts use this one function so the desktop app, the browser host and the CLI share state.
 */
export function resolveDataDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, homeDir: string): string {
  const explicit = env[DATA_DIR_ENV];
  if (explicit && explicit.trim() !== '') return path.resolve(explicit);
  if (platform === 'win32') return path.join(env['APPDATA'] ?? path.join(homeDir, 'AppData', 'Roaming'), 'Lightdock');
  if (platform === 'darwin') return path.join(homeDir, 'Library', 'Application Support', 'Lightdock');
  return path.join(env['XDG_CONFIG_HOME'] || path.join(homeDir, '.config'), 'lightdock');
}
