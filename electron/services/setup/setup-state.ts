import { z } from 'zod';
import { SetupCheckId, SetupFixId, SetupStatus } from '../../../shared/model/setup-check';

/** File name of the wizard's own state inside the data directory. */
export const SETUP_STATE_FILE = 'setup-state.json';

/** A fix that waits for a Windows restart, with the boot it ran in (a different boot id means Windows restarted). */
export const StoredResume = z
  .object({
    checkId: SetupCheckId,
    fixId: SetupFixId,
    at: z.number().int(),
    bootId: z.string().max(200),
  })
  .strict();
export type StoredResume = z.infer<typeof StoredResume>;

/** What the wizard keeps between runs: where it stopped for a restart, and the statuses people last saw. */
export const SetupState = z
  .object({
    schema: z.literal(1),
    resume: StoredResume.nullable(),
    /** The status of each check when the wizard was last shown; a check `ok` here and failing now regressed. */
    baseline: z.partialRecord(SetupCheckId, SetupStatus),
  })
  .strict();
export type SetupState = z.infer<typeof SetupState>;

/** The state of a machine the wizard never ran on. */
export function emptySetupState(): SetupState {
  return { schema: 1, resume: null, baseline: {} };
}
