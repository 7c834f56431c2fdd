import path from 'node:path';
import { defineConfig } from '@playwright/test';

/**
 * The desktop suite: Playwright drives the built Electron app (out/main/index.js). It runs only where the
 * Electron binary is installed; elsewhere its one test reports the absence. Not part of CI.
 */
export default defineConfig({
  testDir: import.meta.dirname,
  testMatch: 'desktop.spec.ts',
  fullyParallel: false,
  workers: 1,
  timeout: 60_000,
  reporter: 'list',
  outputDir: path.join(import.meta.dirname, '..', '..', 'test-results', 'electron'),
});
