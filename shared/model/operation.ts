import { z } from 'zod';
import { IpcErrorPayload } from '../ipc/result';

/** An operation's id as the host gives it (`op-<n>`). */
export const OperationId = z.string().regex(/^op-\d{1,12}$/, 'Not an operation id.');

/** Long work (install, import, export, unregister, compact, convert) as the UI follows it. */
export const Operation = z.object({
  id: z.string(),
  kind: z.enum(['install', 'import', 'export', 'unregister', 'compact', 'set-version', 'setup']),
  target: z.string(),
  /** `cancelled`: stopped on request, with what it had made removed and the state as it was before. */
  state: z.enum(['running', 'succeeded', 'failed', 'cancelled']),
  /** 0 to 1 when known, else null (indeterminate). */
  progress: z.number().min(0).max(1).nullable(),
  message: z.string(),
  error: IpcErrorPayload.optional(),
});
export type Operation = z.infer<typeof Operation>;
