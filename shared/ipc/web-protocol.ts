import { z } from 'zod';
import { IpcResultSchema } from './result';

export { WEB_IPC_PATH, WEB_TOKEN_PARAM } from './web-endpoint';

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
