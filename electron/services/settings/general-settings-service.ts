import { GeneralSettings, GeneralSettingsPatch } from '../../../shared/model/general-settings';
import { ServiceError } from '../errors';
import type { EventSink } from '../ports';
import type { SettingsService } from './settings-service';

/** Settings → General over the settings document: a validated patch is written whole (atomically) or not at all, then pushed. */
export class GeneralSettingsService {
  constructor(
    private readonly settings: SettingsService,
    private readonly events: EventSink,
  ) {}

  /** The current Settings → General with defaults filled in. */
  get(): GeneralSettings {
    return this.settings.get().general;
  }

  /** Applies the fields given; bad input is refused with VALIDATION and changes nothing; pushes `settings:general-changed`. */
  update(patch: unknown): GeneralSettings {
    const parsed = GeneralSettingsPatch.safeParse(patch);
    if (!parsed.success) throw new ServiceError('VALIDATION', `Not a valid change to Settings → General: ${parsed.error.issues[0]?.message ?? 'invalid'}.`);
    const current = this.settings.get();
    const { notifications, ...rest } = parsed.data;
    const next = GeneralSettings.parse({ ...current.general, ...rest, notifications: { ...current.general.notifications, ...notifications } });
    this.settings.set({ ...current, general: next });
    this.events.emit('settings:general-changed', next);
    return next;
  }
}
