import { z } from 'zod';
import { IpcResultSchema } from './result';

/** Path of the browser host's WebSocket endpoint. */
export const WEB_IPC_PATH = '/ipc';
/** Query parameter that carries the browser host's per-run token (page URL and WebSocket URL; never a cookie). */
export const WEB_TOKEN_PARAM = 'token';

/** A frame the browser sends to the browser host. */
export const WebClientFrame = z.discriminatedUnion('type', [
  z.object({ type: z.literal('invoke'), id: z.number().int().nonnegative(), channel: z.string(), request: z.unknown() }),
  z.object({ type: z.literal('ready') }),
]);
export type WebClientFrame = z.infer<typeof WebClientFrame>;

/** A frame the browser host sends to the browser. */
export const WebServerFrame = z.discriminatedUnion('type', [
  z.object({ type: z.literal('result'), id: z.number().int().nonnegative(), result: IpcResultSchema }),
  z.object({ type: z.literal('event'), channel: z.string(), payload: z.unknown() }),
]);
export type WebServerFrame = z.infer<typeof WebServerFrame>;
