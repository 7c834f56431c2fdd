import type { WslConfigSetting } from '../../../../shared/model/wslconfig';

/** WSL's size grammar: digits and an optional binary unit whose case matters (`4GB` is fine, `4gb` is not). */
const SIZE = /^\d+(?:B|K|KB|M|MB|G|GB|T|TB)?$/;
/** `strtol(value, &end, 0)`: decimal, `0x` hex, or a leading `0` for octal. */
const INTEGER = /^[+-]?(?:0[xX][0-9a-fA-F]+|0[0-7]*|[1-9]\d*)$/;
const BOOLEAN = /^(?:true|false|1|0)$/i;

/**
 * Why WSL would reject a value for a setting (one sentence), or null when it accepts it; mirrors WSL's parser so
 * the form refuses what the file would only warn about later.
 */
export function settingProblem(setting: Pick<WslConfigSetting, 'type' | 'choices'>, value: string): string | null {
  const text = value.trim();
  if (text === '') return 'Enter a value, or use the default.';
  if (/[\r\n]/.test(value)) return 'A value must fit on one line.';
  switch (setting.type) {
    case 'size':
      return SIZE.test(text) ? null : 'A size is a whole number with an optional unit B, KB, MB, GB or TB in capitals, for example 8GB.';
    case 'integer':
      return INTEGER.test(text) ? null : 'Enter a whole number (a leading 0 means octal, 0x hexadecimal).';
    case 'boolean':
      return BOOLEAN.test(text) ? null : 'Enter true or false.';
    case 'enum': {
      const choices = setting.choices ?? [];
      return choices.some((choice) => choice.toLowerCase() === text.toLowerCase()) ? null : `Choose one of: ${choices.join(', ')}.`;
    }
    case 'path':
    case 'string':
      return text.length > 4096 ? 'A value can be at most 4096 characters.' : null;
  }
}
