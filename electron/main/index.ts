import { app, dialog, protocol } from 'electron';
import { bootstrap, type DesktopApp } from './bootstrap';
import { APP_SCHEME } from './security/app-protocol';

// Both calls must happen before `ready`: every renderer sandboxed, and app:// a secure standard scheme.
app.enableSandbox();
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let desktop: DesktopApp | null = null;
  app.on('second-instance', () => desktop?.focusMainWindow());
  app.on('window-all-closed', () => app.quit());
  app
    .whenReady()
    .then(() => {
      desktop = bootstrap();
    })
    .catch((error: unknown) => {
      console.error('[lightdock] Could not start', error);
      dialog.showErrorBox('Lightdock could not start', error instanceof Error ? error.message : String(error));
      app.exit(1);
    });
}
