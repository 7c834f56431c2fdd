import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InvokeDispatcher } from '../../electron/hosts/common/invoke-dispatcher';
import { registerInvokeHandlers } from '../../electron/main/ipc/register-invoke-handlers';
import { TrustedSenderRegistry, isTrustedSender, type SenderEvent } from '../../electron/main/security/trusted-senders';
import { FakeContents, FakeIpcMain, senderEvent } from '../unit/main/fake-electron';
import {
  CHANNEL_TIMEOUT_MS,
  composeFuzzHost,
  expectCleanRun,
  FUZZED_CHANNELS,
  refusalChecker,
  settle,
  useFuzzEnvironment,
} from './fuzz-harness';

/** Generated requests per channel through the desktop IPC binding. */
const RUNS = 150;
const APP_WINDOW = 1;

/** The app window's main frame, mostly; otherwise a sender the binding must refuse before anything runs. */
const senders = fc.oneof(
  { arbitrary: fc.constant(senderEvent(APP_WINDOW, 'app://bundle/index.html')), weight: 8 },
  {
    arbitrary: fc.constantFrom<SenderEvent>(
      senderEvent(2, 'app://bundle/index.html'),
      senderEvent(APP_WINDOW, 'https://evil.example/'),
      senderEvent(APP_WINDOW, 'app://bundle.evil/index.html'),
      senderEvent(APP_WINDOW, 'app://bundle:81/index.html'),
      senderEvent(APP_WINDOW, 'file:///etc/passwd'),
      senderEvent(APP_WINDOW, 'app://bundle/index.html', { url: 'app://bundle/index.html' }),
      senderEvent(APP_WINDOW, null),
      senderEvent(APP_WINDOW, 'not a url'),
    ),
    weight: 2,
  },
);

const fuzz = useFuzzEnvironment();

describe('every channel through the desktop IPC binding (fake ipcMain, real sender check and dispatcher)', () => {
  it.each(FUZZED_CHANNELS)(`%s: ${RUNS} generated requests from trusted and untrusted frames`, async (channel) => {
    const host = await composeFuzzHost('mixed');
    const registry = new TrustedSenderRegistry();
    registry.add(new FakeContents(APP_WINDOW));
    const ipcMain = new FakeIpcMain();
    let dispatched = 0;
    const dispatch: InvokeDispatcher = (...args) => {
      dispatched += 1;
      return host.dispatch(...args);
    };
    const unregister = registerInvokeHandlers({ ipcMain, dispatch, isTrustedSender: (event) => isTrustedSender(event, registry), onRendererReady: () => undefined, logger: host.logger });
    try {
      const { check, reachedService } = await refusalChecker(host, channel);
      await fc.assert(
        fc.asyncProperty(host.requests(channel, 'clone'), senders, async (request, event) => {
          const trusted = isTrustedSender(event, registry);
          const dispatchedBefore = dispatched;
          // Electron copies every argument with the structured clone algorithm on its way from the renderer.
          await check(request, (sent) => settle(ipcMain.invoke(channel, event, structuredClone(sent))));
          if (!trusted) expect(dispatched, 'an untrusted sender reached the dispatcher').toBe(dispatchedBefore);
        }),
        { numRuns: RUNS },
      );
      expectCleanRun(host, fuzz.guards, reachedService(), RUNS);
    } finally {
      unregister();
      host.cleanup();
    }
  }, CHANNEL_TIMEOUT_MS);

  it('answers an untrusted frame with UNTRUSTED_SENDER whatever the request', async () => {
    const host = await composeFuzzHost('ready');
    const ipcMain = new FakeIpcMain();
    const unregister = registerInvokeHandlers({ ipcMain, dispatch: host.dispatch, isTrustedSender: () => false, onRendererReady: () => undefined, logger: host.logger });
    try {
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...FUZZED_CHANNELS), fc.anything(), async (channel, request) => {
          const result = (await settle(ipcMain.invoke(channel, senderEvent(APP_WINDOW, 'https://evil.example/'), request))) as { ok: boolean; error?: { code: string } };
          expect(result.ok).toBe(false);
          expect(result.error?.code).toBe('UNTRUSTED_SENDER');
        }),
        { numRuns: 200 },
      );
    } finally {
      unregister();
      host.cleanup();
    }
  });
});
