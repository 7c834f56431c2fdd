import { z } from 'zod';
import { DistroName } from './distro';

/** The checks of the setup wizard, in the order they run (each later one needs the earlier ones). */
export const SETUP_CHECK_IDS = ['windows', 'memory', 'virtualization', 'vm-platform', 'wsl', 'kernel', 'distro', 'engine'] as const;
/** One check's id. */
export const SetupCheckId = z.enum(SETUP_CHECK_IDS);
export type SetupCheckId = z.infer<typeof SetupCheckId>;

/** How a check came out: `unknown` when it could not be read or waits for an earlier check. */
export const SetupStatus = z.enum(['ok', 'warn', 'fail', 'unknown']);
export type SetupStatus = z.infer<typeof SetupStatus>;

/** Every fix the wizard offers; `firmware` and `restart` are instructions, the rest are steps Lightdock runs. */
export const SetupFixId = z.enum(['install-wsl', 'update-wsl', 'enable-features', 'install-distro', 'start-engine', 'firmware', 'restart']);
export type SetupFixId = z.infer<typeof SetupFixId>;

/** What a failing check offers: a step to run (with progress), or instructions where software cannot help. */
export const SetupFix = z
  .object({
    id: SetupFixId,
    /** The button's words, saying what it will do ("Install WSL"). */
    label: z.string(),
    kind: z.enum(['run', 'instructions']),
    /** Why the step cannot run here, in one sentence; null when it can. */
    unavailableReason: z.string().nullable(),
    /** True when Windows will ask for administrator rights (one UAC prompt). */
    elevated: z.boolean(),
    /** True when the step can be cancelled while it runs. */
    cancellable: z.boolean(),
    /** Steps for people to follow (firmware keys, restarting Windows); empty for plain steps. */
    instructions: z.array(z.string()),
  })
  .strict();
export type SetupFix = z.infer<typeof SetupFix>;

/** One check as data: the wizard, the tray and `lightdock doctor` all show these. */
export const SetupCheck = z
  .object({
    id: SetupCheckId,
    title: z.string(),
    status: SetupStatus,
    /** One or two sentences: what was found. */
    detail: z.string(),
    fix: SetupFix.optional(),
    docsUrl: z.string().url().optional(),
  })
  .strict();
export type SetupCheck = z.infer<typeof SetupCheck>;

/** Where the wizard stopped for a Windows restart, persisted in the data directory so it resumes there. */
export const SetupResume = z
  .object({
    /** The check the wizard was on. */
    checkId: SetupCheckId,
    /** The fix that needed the restart. */
    fixId: SetupFixId,
    /** When the fix finished (epoch ms). */
    at: z.number().int(),
    /** True once Windows has restarted since (the wizard carries on); false while the restart is still pending. */
    rebooted: z.boolean(),
  })
  .strict();
export type SetupResume = z.infer<typeof SetupResume>;

/** Why the app should open the wizard by itself, or null. */
export const SetupAttention = z.enum(['first-run', 'regressed', 'resume']).nullable();
export type SetupAttention = z.infer<typeof SetupAttention>;

/** The answer of `setup:checks` and `setup:fix`: the checks in order and the wizard's own state. */
export const SetupReport = z
  .object({
    checks: z.array(SetupCheck),
    /** True while a change (enabled features, installed WSL) waits for Windows to restart. */
    rebootPending: z.boolean(),
    resume: SetupResume.nullable(),
    attention: SetupAttention,
    /** Ids of checks that passed when the wizard was last seen and fail now. */
    regressed: z.array(SetupCheckId),
    /** True when this host can restart its (simulated) machine through `setup:reboot`. */
    canReboot: z.boolean(),
  })
  .strict();
export type SetupReport = z.infer<typeof SetupReport>;

/** A request to run one fix; `install-distro` names the distro from the online list. */
export const SetupFixRequest = z.discriminatedUnion('fix', [
  z.object({ fix: z.literal('install-wsl') }).strict(),
  z.object({ fix: z.literal('update-wsl') }).strict(),
  z.object({ fix: z.literal('enable-features') }).strict(),
  z.object({ fix: z.literal('install-distro'), distro: DistroName }).strict(),
  z.object({ fix: z.literal('start-engine') }).strict(),
]);
export type SetupFixRequest = z.infer<typeof SetupFixRequest>;

/** The fixes a `setup:fix` request can run (the others are instructions). */
export type RunnableFixId = SetupFixRequest['fix'];
