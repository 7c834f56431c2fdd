import type { BrowserWindow, OpenDialogOptions, SaveDialogOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { createPathPicker } from '../../../../electron/main/dialogs/pick-path';

/** A stand-in for Electron's dialog module that records what it was asked and answers as told. */
function fakeDialog(answer: { canceled: boolean; filePaths?: string[]; filePath?: string }) {
  const calls: { kind: 'open' | 'save'; parent: unknown; options: OpenDialogOptions | SaveDialogOptions }[] = [];
  const dialog = {
    showOpenDialog: (async (first: unknown, second?: OpenDialogOptions) => {
      const [parent, options] = second === undefined ? [null, first as OpenDialogOptions] : [first, second];
      calls.push({ kind: 'open', parent, options });
      return { canceled: answer.canceled, filePaths: answer.filePaths ?? [] };
    }) as never,
    showSaveDialog: (async (first: unknown, second?: SaveDialogOptions) => {
      const [parent, options] = second === undefined ? [null, first as SaveDialogOptions] : [first, second];
      calls.push({ kind: 'save', parent, options });
      return { canceled: answer.canceled, filePath: answer.filePath ?? '' };
    }) as never,
  };
  return { dialog, calls };
}

const window = { id: 1 } as unknown as BrowserWindow;

describe('the desktop path picker', () => {
  it('opens a folder picker modal to the main window and answers the chosen folder', async () => {
    const { dialog, calls } = fakeDialog({ canceled: false, filePaths: ['/home/alex/app'] });
    const pick = createPathPicker(dialog, () => window);
    await expect(pick({ purpose: 'folder', title: 'Context folder', defaultPath: '/home/alex' })).resolves.toBe('/home/alex/app');
    expect(calls).toEqual([{ kind: 'open', parent: window, options: { title: 'Context folder', defaultPath: '/home/alex', properties: ['openDirectory'] } }]);
  });

  it('opens a file picker without a parent when no window is open', async () => {
    const { dialog, calls } = fakeDialog({ canceled: false, filePaths: ['/srv/compose.yml'] });
    const pick = createPathPicker(dialog, () => null);
    await expect(pick({ purpose: 'open-file', title: 'Compose file' })).resolves.toBe('/srv/compose.yml');
    expect(calls[0]).toEqual({ kind: 'open', parent: null, options: { title: 'Compose file', properties: ['openFile'] } });
  });

  it('asks where to save for a save-file purpose', async () => {
    const { dialog, calls } = fakeDialog({ canceled: false, filePath: '/tmp/etc.tar' });
    const pick = createPathPicker(dialog, () => window);
    await expect(pick({ purpose: 'save-file', title: 'Save as' })).resolves.toBe('/tmp/etc.tar');
    expect(calls[0]?.kind).toBe('save');
  });

  it('answers null when the user dismisses the picker', async () => {
    for (const purpose of ['folder', 'open-file', 'save-file'] as const) {
      const { dialog } = fakeDialog({ canceled: true, filePaths: ['/ignored'], filePath: '/ignored' });
      await expect(createPathPicker(dialog, () => window)({ purpose, title: 'Pick' })).resolves.toBeNull();
    }
  });
});
