import { ServiceError } from './errors';

/** Where one backend kind is read from: an environment variable, then a setting, then the platform's default. */
export interface BackendChoiceSource<K extends string> {
  /** The environment variable's name (it is named in the refusal). */
  variable: string;
  env: NodeJS.ProcessEnv;
  /** Every value the variable accepts, in the order the refusal names them. */
  accepted: readonly K[];
  /** The persisted setting; `auto` leaves the choice to the platform default. */
  setting: K | 'auto';
  /** What this platform gets when neither the environment nor the setting names a kind. */
  platformDefault: K;
}

/** `"a"`, `"a" or "b"`, `"a", "b" or "c"`. */
function quotedChoice(values: readonly string[]): string {
  const quoted = values.map((value) => `"${value}"`);
  const last = quoted.pop() ?? '';
  return quoted.length === 0 ? last : `${quoted.join(', ')} or ${last}`;
}

/**
 * The kind the environment names, else the setting unless it is `auto`, else the platform default. An unknown
 * value in the environment is a VALIDATION error naming the variable and every accepted value, never a fallback.
 */
export function readBackendChoice<K extends string>(source: BackendChoiceSource<K>): K {
  const raw = source.env[source.variable];
  if (raw !== undefined && raw !== '') {
    const known = source.accepted.find((value) => value === raw);
    if (known === undefined) throw new ServiceError('VALIDATION', `${source.variable} must be ${quotedChoice(source.accepted)}, not "${raw}".`);
    return known;
  }
  return source.setting === 'auto' ? source.platformDefault : source.setting;
}
