import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { eventContract, type EventChannel } from '../../../shared/ipc/contract';
import { fail } from '../../../shared/ipc/result';
import { WEB_IPC_PATH, WEB_TOKEN_PARAM, WebClientFrame, type WebServerFrame } from '../../../shared/ipc/web-protocol';
import { CONTENT_SECURITY_POLICY } from '../common/csp';
import type { EventHub } from '../../services/event-hub';
import type { Logger } from '../../services/ports';
import type { InvokeDispatcher } from '../common/invoke-dispatcher';
import { checkRequest, fileNeedsToken, type GuardPolicy } from './request-guard';
import { DEFAULT_FLOW_BOUNDS, SocketFlow, type FlowBounds } from './socket-flow';
import { readStatic, resolveStaticPath } from './static-files';

/** The browser host's fixed default port (override with `--port` or `LIGHTDOCK_PORT`; 0 picks a free one). */
export const DEFAULT_WEB_PORT = 47821;

/** Largest WebSocket frame the host accepts from a browser. */
const MAX_FRAME_BYTES = 1024 * 1024;
/** Pushes held for a socket that has not said `ready` yet; past this the socket is closed. */
const MAX_QUEUED_BEFORE_READY = 1000;

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
  /** Called with `false` when a socket's unsent bytes pass the pause bound (hold its streams), `true` once drained. */
  onClientFlow?(clientId: string, flowing: boolean): void;
  /** Backpressure bounds per socket (default DEFAULT_FLOW_BOUNDS). */
  flowBounds?: FlowBounds;
}

/** A running browser host. */
export interface WebHost {
  /** The URL to open, token included. */
  url: string;
  port: number;
  token: string;
  /** Bytes every open socket holds unsent, summed (each socket is bounded by its flow bounds). */
  bufferedBytes(): number;
  close(): Promise<void>;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Logs one problem with a push; a logger that fails too costs the line, never the socket's subscription. */
function logQuietly(logger: Logger, message: string): void {
  try {
    logger.error(message);
  } catch {
    // The push is already skipped; there is nowhere left to say so.
  }
}

/**
 * One push as the text of an event frame, or null when it is skipped (logged): a channel outside the contract, a
 * payload that does not match it, or one that cannot be written as JSON. Never throws, so the hub never drops the listener.
 */
function eventFrame(channel: EventChannel, payload: unknown, logger: Logger): string | null {
  const schema = Object.hasOwn(eventContract, channel) ? eventContract[channel] : undefined;
  if (schema === undefined) {
    logQuietly(logger, `Push on ${String(channel)}, a channel not in the contract; not sent.`);
    return null;
  }
  const checked = schema.safeParse(payload);
  if (!checked.success) {
    logQuietly(logger, `Push on ${channel} does not match the contract; not sent.`);
    return null;
  }
  try {
    return JSON.stringify({ type: 'event', channel, payload: checked.data } satisfies WebServerFrame);
  } catch (error) {
    logQuietly(logger, `Push on ${channel} cannot be written as JSON (${errorText(error)}); not sent.`);
    return null;
  }
}

function attachSocket(socket: WebSocket, clientId: string, options: WebHostOptions, flows: Map<string, SocketFlow>): void {
  let ready = false;
  let queued: string[] = [];
  const flow = new SocketFlow(socket, options.flowBounds ?? DEFAULT_FLOW_BOUNDS, (flowing) => options.onClientFlow?.(clientId, flowing));
  flows.set(clientId, flow);
  const send = (frame: WebServerFrame): void => flow.send(JSON.stringify(frame));
  const sendText = (text: string): void => flow.send(text);
  const unsubscribe = options.events.subscribe((channel: EventChannel, payload, target) => {
    if (target !== undefined && target !== clientId) return;
    try {
      const text = eventFrame(channel, payload, options.logger);
      if (text === null) return;
      if (ready) sendText(text);
      else if (queued.length < MAX_QUEUED_BEFORE_READY) queued.push(text);
      else socket.close(1008, 'Not ready');
    } catch (error) {
      logQuietly(options.logger, `Push on ${String(channel)} could not be sent to ${clientId}: ${errorText(error)}`);
    }
  });
  // A malformed frame (too long, unmasked, reserved bits or opcode, bad UTF-8 or close code) or a reset lands here;
  // ws has already closed this socket, so only this client goes.
  socket.on('error', (error) => options.logger.warn(`Browser socket ${clientId} failed: ${errorText(error)}`));
  socket.on('close', () => {
    unsubscribe();
    queued = [];
    flows.delete(clientId);
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
        send({ type: 'result', id, result: fail('VALIDATION', 'Malformed request frame.', frame.error.issues) });
      } else {
        socket.close(1008, 'Malformed frame');
      }
      return;
    }
    if (frame.data.type === 'ready') {
      ready = true;
      queued.splice(0).forEach(sendText);
      return;
    }
    const { id, channel, request } = frame.data;
    void options
      .dispatch(channel, request, { id: clientId })
      .catch((error: unknown) => {
        options.logger.error(`Dispatching ${channel} threw: ${errorText(error)}`);
        return fail('INTERNAL', 'Lightdock failed to handle the request.');
      })
      .then((result) => send({ type: 'result', id, result }));
  });
}

/** The request's URL, or null for a request target no URL parser accepts. */
function requestUrl(raw: string | undefined): URL | null {
  try {
    return new URL(raw ?? '/', 'http://127.0.0.1');
  } catch {
    return null;
  }
}

function refuse(res: http.ServerResponse, status: number, reason: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS });
  res.end(`${reason}. Open the URL Lightdock printed, token included.\n`);
}

/** Serves one static request: Host and Origin checked first; the token only for HTML documents (no cookie is ever set). */
async function serveStatic(req: http.IncomingMessage, res: http.ServerResponse, policy: GuardPolicy, rendererDir: string): Promise<void> {
  const url = requestUrl(req.url);
  if (!url) return void res.writeHead(400, SECURITY_HEADERS).end();
  const refusal = checkRequest(url, req.headers, policy, { origin: false, token: false });
  if (refusal) return refuse(res, refusal.status, refusal.reason);
  if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405, { Allow: 'GET, HEAD', ...SECURITY_HEADERS }).end();
  const lookup = resolveStaticPath(url.pathname, rendererDir);
  const body = await readStatic(lookup);
  const found = lookup.kind === 'file' && body !== null;
  if (!found || fileNeedsToken(lookup.contentType)) {
    const missingToken = checkRequest(url, req.headers, policy, { origin: false, token: true });
    if (missingToken) return refuse(res, missingToken.status, missingToken.reason);
  }
  if (!found) return void res.writeHead(lookup.kind === 'bad-path' ? 400 : 404, SECURITY_HEADERS).end();
  res.writeHead(200, { 'Content-Type': lookup.contentType, ...SECURITY_HEADERS });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** Answers an HTTP request the parser refused (or a reset) on that connection only. */
function onClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (error.code !== 'ECONNRESET' && socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
  else socket.destroy();
}

/**
 * Serves the built renderer and the IPC contract over a WebSocket on 127.0.0.1 only. Every request needs a
 * loopback Host; HTML documents and the WebSocket need the per-run token in the query (never a cookie, which
 * every other port on 127.0.0.1 would receive); the WebSocket also needs our own Origin; nothing outside the
 * renderer folder is served. Each socket is bounded (frame size, pushes before `ready`, unsent bytes with
 * backpressure) and a bad frame or reset closes that socket only.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const policy = { token, port: options.port };
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  let clients = 0;
  const flows = new Map<string, SocketFlow>();
  wss.on('connection', (socket) => attachSocket(socket, `web-${++clients}`, options, flows));

  const server = http.createServer((req, res) => {
    void serveStatic(req, res, policy, options.rendererDir).catch((error: unknown) => {
      options.logger.warn(`Static request failed: ${errorText(error)}`);
      res.destroy();
    });
  });
  server.on('clientError', onClientError);

  server.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    const onRawError = (error: Error): void => {
      options.logger.warn(`Browser connection failed before the WebSocket opened: ${error.message}`);
      socket.destroy();
    };
    socket.on('error', onRawError);
    const url = requestUrl(req.url);
    const refusal =
      url === null || url.pathname !== WEB_IPC_PATH
        ? { status: 403 as const, reason: 'Unknown path' }
        : checkRequest(url, req.headers, policy, { origin: true, token: true });
    if (refusal) {
      socket.end(`HTTP/1.1 ${refusal.status} Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      socket.off('error', onRawError);
      wss.emit('connection', ws, req);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (error) => options.logger.warn(`Browser host server error: ${errorText(error)}`));
  const port = (server.address() as AddressInfo).port;
  policy.port = port;
  options.logger.info(`Browser host listening on 127.0.0.1:${port}`);
  return {
    url: `http://127.0.0.1:${port}/?${WEB_TOKEN_PARAM}=${token}`,
    port,
    token,
    bufferedBytes: () => [...flows.values()].reduce((sum, flow) => sum + flow.buffered, 0),
    close: async () => {
      for (const client of wss.clients) client.terminate();
      wss.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
