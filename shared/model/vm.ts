import { z } from 'zod';

/** Lifecycle of the WSL2 utility VM. */
export const VmState = z.enum(['Stopped', 'Starting', 'Running', 'Stopping']);
export type VmState = z.infer<typeof VmState>;

/** What the foundation knows of the utility VM: its state and how many WSL2 distros run in it. */
export const VmSummary = z.object({
  state: VmState,
  runningDistros: z.number().int().nonnegative(),
});
export type VmSummary = z.infer<typeof VmSummary>;
