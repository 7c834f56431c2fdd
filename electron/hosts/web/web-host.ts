import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { eventContract, type EventChannel } from '../../../shared/ipc/contract';
import { fail } from '../../../shared/ipc/result';
import { WEB_IPC_PATH, WEB_TOKEN_PARAM, WebClientFrame, type WebServerFrame } from '../../../shared/ipc/web-protocol';
import { CONTENT_SECURITY_POLICY } from '../../main/security/csp';
import type { EventHub } from '../../services/event-hub';
import type { Logger } from '../../services/ports';
import type { InvokeDispatcher } from '../common/invoke-dispatcher';
import { checkRequest } from './request-guard';
import { readStatic, resolveStaticPath } from './static-files';

/** The browser host's fixed default port (override with `--port` or `LIGHTDOCK_PORT`; 0 picks a free one). */
export const DEFAULT_WEB_PORT = 47821;

/** Largest WebSocket frame the host accepts from a browser. */
const MAX_FRAME_BYTES = 1024 * 1024;

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

/** What the browser host needs: the dispatcher every host shares, the event hub, and the built renderer. */
export interface WebHostOptions {
  dispatch: InvokeDispatcher;
  events: EventHub;
  rendererDir: string;
  logger: Logger;
  port: number;
  token?: string;
  /** Called when a browser socket closes, so its subscriptions end. */
  onClientGone?(clientId: string): void;
}

/** A running browser host. */
export interface WebHost {
  /** The URL to open, token included. */
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

function send(socket: WebSocket, frame: WebServerFrame): void {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(frame));
}

function attachSocket(socket: WebSocket, clientId: string, options: WebHostOptions): void {
  let ready = false;
  const queued: WebServerFrame[] = [];
  const unsubscribe = options.events.subscribe((channel: EventChannel, payload, target) => {
    if (target !== undefined && target !== clientId) return;
    const frame: WebServerFrame = { type: 'event', channel, payload: eventContract[channel].parse(payload) };
    if (ready) send(socket, frame);
    else queued.push(frame);
  });
  socket.on('close', () => {
    unsubscribe();
    options.onClientGone?.(clientId);
  });
  socket.on('message', (data, isBinary) => {
    let json: unknown;
    try {
      json = isBinary ? undefined : JSON.parse(String(data));
    } catch {
      json = undefined;
    }
    const frame = WebClientFrame.safeParse(json);
    if (!frame.success) {
      const id = (json as { id?: unknown } | undefined)?.id;
      if (typeof id === 'number' && Number.isInteger(id) && id >= 0) {
        send(socket, { type: 'result', id, result: fail('VALIDATION', 'Malformed request frame.', frame.error.issues) });
      } else {
        socket.close(1008, 'Malformed frame');
      }
      return;
    }
    if (frame.data.type === 'ready') {
      ready = true;
      queued.splice(0).forEach((f) => send(socket, f));
      return;
    }
    const { id, channel, request } = frame.data;
    void options.dispatch(channel, request, { id: clientId }).then((result) => send(socket, { type: 'result', id, result }));
  });
}

/**
 * Serves the built renderer and the IPC contract over a WebSocket on 127.0.0.1 only. Every HTTP request
 * and upgrade must carry the per-run token (query or the cookie set on first load), a loopback Host and,
 * for the WebSocket, our own Origin; nothing outside the renderer folder is served.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const policy = { token, port: options.port };
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  let clients = 0;
  wss.on('connection', (socket) => attachSocket(socket, `web-${++clients}`, options));

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const refusal = checkRequest(url, req.headers, policy, false);
    if (refusal) {
      res.writeHead(refusal.status, { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS });
      res.end(`${refusal.reason}. Open the URL Lightdock printed, token included.\n`);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', ...SECURITY_HEADERS }).end();
      return;
    }
    const lookup = resolveStaticPath(url.pathname, options.rendererDir);
    void readStatic(lookup).then((body) => {
      if (lookup.kind !== 'file' || body === null) {
        res.writeHead(lookup.kind === 'bad-path' ? 400 : 404, SECURITY_HEADERS).end();
        return;
      }
      res.writeHead(200, {
        'Content-Type': lookup.contentType,
        'Set-Cookie': `lightdock_${WEB_TOKEN_PARAM}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        ...SECURITY_HEADERS,
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    });
  });

  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const refusal = url.pathname === WEB_IPC_PATH ? checkRequest(url, req.headers, policy, true) : { status: 403 as const, reason: 'Unknown path' };
    if (refusal) {
      socket.end(`HTTP/1.1 ${refusal.status} Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  policy.port = port;
  options.logger.info(`Browser host listening on 127.0.0.1:${port}`);
  return {
    url: `http://127.0.0.1:${port}/?${WEB_TOKEN_PARAM}=${token}`,
    port,
    token,
    close: async () => {
      for (const client of wss.clients) client.terminate();
      wss.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
