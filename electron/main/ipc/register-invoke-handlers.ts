import type { IpcMain } from 'electron';
import { INVOKE_CHANNELS, RENDERER_READY_CHANNEL } from '../../../shared/ipc/channels';
import { fail, type IpcResult } from '../../../shared/ipc/result';
import type { InvokeDispatcher } from '../../hosts/common/invoke-dispatcher';
import type { Logger } from '../../services/ports';
import type { SenderEvent } from '../security/trusted-senders';

/** What the IPC binding needs; `ipcMain` is injected so tests pass a fake. */
export interface InvokeBindingDeps {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler' | 'on' | 'removeListener'>;
  /** The shared dispatcher: contract check, zod validation, service call, result envelope. */
  dispatch: InvokeDispatcher;
  isTrustedSender(event: SenderEvent): boolean;
  /** Called with the web contents id of a trusted renderer that announced it is ready for pushes. */
  onRendererReady(senderId: number): void;
  logger: Logger;
}

/** The client id of a window's subscriptions: one per webContents. */
export function windowClientId(webContentsId: number): string {
  return `window-${webContentsId}`;
}

/**
 * Binds exactly the contract's channels to `ipcMain.handle`. The sender is checked first (an untrusted
 * one gets UNTRUSTED_SENDER and nothing else runs); then the shared dispatcher validates and answers.
 * Also binds the renderer-ready signal behind the same sender check. Returns the function that unbinds all.
 * @see https://www.electronjs.org/docs/latest/tutorial/security#17-validate-the-sender-of-all-ipc-messages
 */
export function registerInvokeHandlers(deps: InvokeBindingDeps): () => void {
  const { ipcMain, dispatch, isTrustedSender, logger } = deps;
  for (const channel of INVOKE_CHANNELS) {
    ipcMain.handle(channel, async function handleInvoke(event, request: unknown): Promise<IpcResult<unknown>> {
      if (!isTrustedSender(event)) {
        logger.warn(`Refused ${channel} from an untrusted sender (web contents ${event.sender.id})`);
        return fail('UNTRUSTED_SENDER', `Refused ${channel}: the sender is not a Lightdock window.`);
      }
      return dispatch(channel, request, { id: windowClientId(event.sender.id) });
    });
  }
  const onReady = function handleRendererReady(event: SenderEvent): void {
    if (!isTrustedSender(event)) {
      logger.warn(`Ignored ${RENDERER_READY_CHANNEL} from an untrusted sender (web contents ${event.sender.id})`);
      return;
    }
    deps.onRendererReady(event.sender.id);
  };
  ipcMain.on(RENDERER_READY_CHANNEL, onReady);
  return function unregisterInvokeHandlers() {
    for (const channel of INVOKE_CHANNELS) ipcMain.removeHandler(channel);
    ipcMain.removeListener(RENDERER_READY_CHANNEL, onReady);
  };
}
