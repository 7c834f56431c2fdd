import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startWebHost } from '../../electron/hosts/web/web-host';
import { eventContract, type EventChannel } from '../../shared/ipc/contract';
import { WEB_IPC_PATH, WEB_TOKEN_PARAM, WebServerFrame } from '../../shared/ipc/web-protocol';
import {
  CHANNEL_TIMEOUT_MS,
  composeFuzzHost,
  expectCleanRun,
  FUZZED_CHANNELS,
  refusalChecker,
  settle,
  useFuzzEnvironment,
} from './fuzz-harness';

/** Generated requests per channel through the browser host's WebSocket. */
const RUNS = 150;

/** A browser tab of our own page: answers by request id, and every push checked against the event contract. */
class FuzzClient {
  private nextId = 1;
  private readonly waiting = new Map<number, (result: unknown) => void>();
  readonly problems: string[] = [];
  closedBy: string | null = null;

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => this.receive(String(data)));
    socket.on('close', (code, reason) => {
      this.closedBy = `${code} ${String(reason)}`;
      for (const resolve of this.waiting.values()) resolve({ closed: this.closedBy });
      this.waiting.clear();
    });
    socket.on('error', (error) => this.problems.push(`socket error: ${error.message}`));
  }

  /** Opens the socket as the page does (our Origin, the token where the host wants it) and says it is ready. */
  static async open(port: number, token: string): Promise<FuzzClient> {
    const socket = new WebSocket(`ws://127.0.0.1:${port}${WEB_IPC_PATH}?${WEB_TOKEN_PARAM}=${encodeURIComponent(token)}`, { origin: `http://127.0.0.1:${port}` });
    await settle(
      new Promise<void>((resolve, reject) => {
        socket.once('open', () => resolve());
        socket.once('error', reject);
      }),
    );
    socket.send(JSON.stringify({ type: 'ready' }));
    return new FuzzClient(socket);
  }

  /** Sends one invoke frame and resolves with the envelope answered for its id. */
  invoke(channel: string, request: unknown): Promise<unknown> {
    if (this.closedBy !== null) return Promise.resolve({ closed: this.closedBy });
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.socket.send(JSON.stringify({ type: 'invoke', id, channel, request }));
    });
  }

  private receive(text: string): void {
    const frame = WebServerFrame.safeParse(JSON.parse(text));
    if (!frame.success) return void this.problems.push(`malformed frame from the host: ${text.slice(0, 200)}`);
    if (frame.data.type === 'event') {
      const schema = (eventContract as Record<string, { safeParse(value: unknown): { success: boolean } } | undefined>)[frame.data.channel];
      if (schema === undefined || !schema.safeParse(frame.data.payload).success) this.problems.push(`off-contract push on ${frame.data.channel as EventChannel}`);
      return;
    }
    const resolve = this.waiting.get(frame.data.id);
    if (resolve === undefined) return void this.problems.push(`an answer for id ${frame.data.id} that nobody asked`);
    this.waiting.delete(frame.data.id);
    resolve(frame.data.result);
  }
}

const fuzz = useFuzzEnvironment();

describe("every channel through the browser host's WebSocket (port 0, simulated host and engine)", () => {
  it.each(FUZZED_CHANNELS)(`%s: ${RUNS} generated requests as JSON frames, each answered for its id, the socket kept open`, async (channel) => {
    const host = await composeFuzzHost('ready');
    const rendererDir = path.join(host.filesDir, 'renderer');
    fs.mkdirSync(rendererDir);
    host.services.watch();
    const web = await startWebHost({
      dispatch: host.dispatch,
      events: host.services.events,
      rendererDir,
      logger: host.logger,
      port: 0,
      onClientGone: (clientId) => host.services.releaseClient(clientId),
      onClientFlow: (clientId, flowing) => host.services.streams.setFlow(clientId, flowing),
    });
    const client = await FuzzClient.open(web.port, web.token);
    try {
      const { check, reachedService } = await refusalChecker(host, channel);
      await fc.assert(
        fc.asyncProperty(host.requests(channel, 'json'), (request) => check(request, (sent) => settle(client.invoke(channel, sent)))),
        { numRuns: RUNS },
      );
      expect(client.closedBy).toBeNull();
      expect(client.problems).toEqual([]);
      expectCleanRun(host, fuzz.guards, reachedService(), RUNS, [`127.0.0.1:${web.port}`]);
    } finally {
      client.socket.terminate();
      await settle(web.close());
      host.cleanup();
    }
  }, CHANNEL_TIMEOUT_MS);
});
