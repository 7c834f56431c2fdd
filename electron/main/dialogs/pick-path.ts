import type { BrowserWindow, Dialog } from 'electron';
import type { PickPathRequest } from '../../hosts/common/compose-services';

/**
 * The desktop app's native picker behind `dialog:pick-path`: a folder, a file to open or a file to save as, modal to
 * the main window when there is one; answers the chosen absolute path, or null when the user dismissed it.
 */
export function createPathPicker(dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>, window: () => BrowserWindow | null) {
  return async function pickPath(request: PickPathRequest): Promise<string | null> {
    const parent = window();
    const base = { title: request.title, ...(request.defaultPath === undefined ? {} : { defaultPath: request.defaultPath }) };
    if (request.purpose === 'save-file') {
      const answer = parent === null ? await dialog.showSaveDialog(base) : await dialog.showSaveDialog(parent, base);
      return answer.canceled || answer.filePath === undefined || answer.filePath === '' ? null : answer.filePath;
    }
    const options = { ...base, properties: [request.purpose === 'folder' ? ('openDirectory' as const) : ('openFile' as const)] };
    const answer = parent === null ? await dialog.showOpenDialog(options) : await dialog.showOpenDialog(parent, options);
    return answer.canceled ? null : (answer.filePaths[0] ?? null);
  };
}
