import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { WEB_TOKEN_PARAM } from '../../../shared/ipc/web-protocol';

/** What the browser host trusts: its own loopback origin and the per-run token. */
export interface GuardPolicy {
  token: string;
  port: number;
}

/** Why a request was refused; `null` means it may pass. */
export type Refusal = { status: 403 | 421; reason: string } | null;

function sameToken(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Reads the token from the URL's query or from the host's HttpOnly cookie. */
export function presentedToken(url: URL, headers: IncomingHttpHeaders): string | undefined {
  const fromQuery = url.searchParams.get(WEB_TOKEN_PARAM);
  if (fromQuery !== null) return fromQuery;
  for (const part of (headers.cookie ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === `lightdock_${WEB_TOKEN_PARAM}`) return rest.join('=');
  }
  return undefined;
}

/** The loopback names the host answers to; anything else is a DNS-rebinding attempt. */
export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

/**
 * Decides whether an HTTP request or WebSocket upgrade may pass: the Host header must be loopback with
 * our port, a present Origin must be our own, and the per-run token must match.
 */
export function checkRequest(url: URL, headers: IncomingHttpHeaders, policy: GuardPolicy, requireOrigin: boolean): Refusal {
  const hosts = allowedHosts(policy.port);
  if (!headers.host || !hosts.includes(headers.host)) return { status: 421, reason: 'Unexpected Host header' };
  const origin = headers.origin;
  if (origin !== undefined || requireOrigin) {
    if (!origin || !hosts.some((h) => origin === `http://${h}`)) return { status: 403, reason: 'Cross-origin request refused' };
  }
  if (!sameToken(presentedToken(url, headers), policy.token)) return { status: 403, reason: 'Missing or wrong token' };
  return null;
}
