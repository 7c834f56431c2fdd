import { z } from 'zod';
import { IpcErrorPayload } from '../ipc/result';

/** Long work (install, import, export, unregister, compact, convert) as the UI follows it. */
export const Operation = z.object({
  id: z.string(),
  kind: z.enum(['install', 'import', 'export', 'unregister', 'compact', 'set-version', 'setup']),
  target: z.string(),
  state: z.enum(['running', 'succeeded', 'failed']),
  /** 0 to 1 when known, else null (indeterminate). */
  progress: z.number().min(0).max(1).nullable(),
  message: z.string(),
  error: IpcErrorPayload.optional(),
});
export type Operation = z.infer<typeof Operation>;
