import { describe, expect, it } from 'vitest';
import { secureWindowOptions } from '../../../../electron/main/windows/window-options';

describe('secureWindowOptions', () => {
  const options = secureWindowOptions('/app/out/preload/index.cjs');
  const prefs = options.webPreferences ?? {};

  it('isolates and sandboxes the renderer and keeps Node out of every frame and worker', () => {
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      spellcheck: false,
    });
  });

  it('uses the preload path it is given', () => {
    expect(prefs.preload).toBe('/app/out/preload/index.cjs');
  });

  it('never mentions webSecurity and never loosens Electron defaults', () => {
    expect(prefs).not.toHaveProperty('webSecurity');
    for (const key of ['allowRunningInsecureContent', 'experimentalFeatures', 'enableBlinkFeatures', 'additionalArguments']) {
      expect(prefs).not.toHaveProperty(key);
    }
  });

  it('lists exactly the web preferences it sets', () => {
    expect(Object.keys(prefs).sort()).toEqual(
      ['contextIsolation', 'nodeIntegration', 'nodeIntegrationInSubFrames', 'nodeIntegrationInWorker', 'preload', 'sandbox', 'spellcheck', 'webviewTag'].sort(),
    );
  });

  it('cannot be made smaller than 800×560, the size every page is laid out and tested for, and opens larger', () => {
    expect(options.minWidth).toBe(800);
    expect(options.minHeight).toBe(560);
    expect(options.width).toBeGreaterThanOrEqual(options.minWidth ?? Infinity);
    expect(options.height).toBeGreaterThanOrEqual(options.minHeight ?? Infinity);
  });

  it('starts hidden so the window shows only once painted', () => {
    expect(options.show).toBe(false);
  });

  it('is frozen, web preferences included, so nothing can loosen it later', () => {
    expect(Object.isFrozen(options)).toBe(true);
    expect(Object.isFrozen(prefs)).toBe(true);
    expect(() => {
      (prefs as { sandbox: boolean }).sandbox = false;
    }).toThrow(TypeError);
    expect(secureWindowOptions('/x').webPreferences?.sandbox).toBe(true);
  });
});
