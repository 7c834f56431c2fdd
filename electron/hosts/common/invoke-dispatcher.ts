import { invokeContract, type InvokeChannel } from '../../../shared/ipc/contract';
import { fail, ok, type IpcErrorPayload, type IpcResult } from '../../../shared/ipc/result';
import { ServiceError } from '../../services/errors';
import type { ClientContext, Logger } from '../../services/ports';
import type { InvokeHandlers } from './invoke-handlers';

/** Answers one request from any host: a result envelope, never a thrown error. */
export type InvokeDispatcher = (channel: unknown, request: unknown, client: ClientContext) => Promise<IpcResult<unknown>>;

function isInvokeChannel(channel: unknown): channel is InvokeChannel {
  return typeof channel === 'string' && Object.hasOwn(invokeContract, channel);
}

/** Converts anything thrown by a service into an error payload; unknown errors keep their text out of the reply. */
export function toIpcError(channel: string, error: unknown): IpcErrorPayload {
  if (error instanceof ServiceError) {
    return error.details === undefined ? { code: error.code, message: error.message } : { code: error.code, message: error.message, details: error.details };
  }
  return { code: 'INTERNAL', message: `${channel} failed unexpectedly; the log has the details.` };
}

/** How an unknown channel is named in the reply: the string itself, else only its type (a hostile object's `toString` never runs). */
function describeChannel(channel: unknown): string {
  return typeof channel === 'string' ? JSON.stringify(channel) : `of type ${channel === null ? 'null' : typeof channel}`;
}

/**
 * Checks the channel is in the contract (own keys only: `toString` or `__proto__` are not channels) and
 * validates the request with its zod schema before any service code runs, then calls the handler and wraps
 * the outcome in the envelope. Nothing escapes: a synchronous throw, a rejection, a throwing getter on the
 * request or a failing logger all end as an error reply.
 */
export function createInvokeDispatcher(handlers: InvokeHandlers, logger: Logger): InvokeDispatcher {
  return async function dispatchInvoke(channel, request, client) {
    if (!isInvokeChannel(channel)) return fail('UNKNOWN_CHANNEL', `There is no channel named ${describeChannel(channel)}.`);
    try {
      const parsed = invokeContract[channel].request.safeParse(request ?? {});
      if (!parsed.success) {
        const first = parsed.error.issues[0];
        const where = first && first.path.length > 0 ? ` (${first.path.join('.')})` : '';
        return fail('VALIDATION', `Invalid request for ${channel}${where}: ${first?.message ?? 'invalid'}`, parsed.error.issues);
      }
      const handler = handlers[channel] as (request: unknown, client: ClientContext) => Promise<unknown>;
      return ok(await handler(parsed.data, client));
    } catch (error) {
      if (!(error instanceof ServiceError)) logQuietly(logger, channel, error);
      return { ok: false, error: toIpcError(channel, error) };
    }
  };
}

function logQuietly(logger: Logger, channel: string, error: unknown): void {
  try {
    logger.error(`${channel} failed`, error);
  } catch {
    // A logger that fails (full disk, closed stream) must not turn an error reply into a rejection.
  }
}
