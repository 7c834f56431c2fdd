/** The app's version as shown in the UI and the CLI; a unit test keeps it equal to package.json's. */
export const APP_VERSION = '0.1.0';
