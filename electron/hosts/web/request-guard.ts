import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { WEB_TOKEN_PARAM } from '../../../shared/ipc/web-protocol';

/** What the browser host trusts: its own loopback origin and the per-run token. */
export interface GuardPolicy {
  token: string;
  port: number;
}

/** What a request must show besides a loopback Host with our port: our own Origin, and the per-run token. */
export interface GuardNeeds {
  origin: boolean;
  token: boolean;
}

/** Why a request was refused; `null` means it may pass. */
export type Refusal = { status: 403 | 421; reason: string } | null;

/** True only for exactly the expected token: same length and same bytes, compared in constant time. */
export function sameToken(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Reads the token from the URL's query only. There is no cookie: cookies are not scoped by port, so one would
 * reach every other server on 127.0.0.1 (the containers' published ports the UI links to).
 */
export function presentedToken(url: URL): string | undefined {
  return url.searchParams.get(WEB_TOKEN_PARAM) ?? undefined;
}

/** The loopback names the host answers to; anything else is a DNS-rebinding attempt. */
export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

/** Whether serving a file of this type needs the token: HTML documents (they start the app) do, other static files do not. */
export function fileNeedsToken(contentType: string): boolean {
  return contentType.startsWith('text/html');
}

/**
 * Decides whether an HTTP request or WebSocket upgrade may pass: the Host header must be loopback with our port,
 * an Origin (present, or required by `needs.origin`) must be exactly our own, and with `needs.token` the query's
 * token must match exactly.
 */
export function checkRequest(url: URL, headers: IncomingHttpHeaders, policy: GuardPolicy, needs: GuardNeeds): Refusal {
  const hosts = allowedHosts(policy.port);
  if (!headers.host || !hosts.includes(headers.host)) return { status: 421, reason: 'Unexpected Host header' };
  const origin = headers.origin;
  if (origin !== undefined || needs.origin) {
    if (!origin || !hosts.some((h) => origin === `http://${h}`)) return { status: 403, reason: 'Cross-origin request refused' };
  }
  if (needs.token && !sameToken(presentedToken(url), policy.token)) return { status: 403, reason: 'Missing or wrong token' };
  return null;
}
