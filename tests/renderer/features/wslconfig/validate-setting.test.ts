import { describe, expect, it } from 'vitest';
import { settingProblem } from '../../../../renderer/src/features/wslconfig/validate-setting';

describe('settingProblem mirrors WSL\'s .wslconfig parser', () => {
  it.each(['8GB', '512MB', '1024', '1TB', '0', '4G', '64K'])('accepts the size %s', (value) => {
    expect(settingProblem({ type: 'size' }, value)).toBeNull();
  });

  it.each(['4gb', '1.5GB', 'GB', '8 GiB', '-1GB'])('refuses the size %s (suffixes are case-sensitive, no decimals)', (value) => {
    expect(settingProblem({ type: 'size' }, value)).toMatch(/whole number/);
  });

  it('accepts integers the way strtol with base 0 reads them', () => {
    for (const value of ['60000', '0x10', '017', '-1', '0']) expect(settingProblem({ type: 'integer' }, value)).toBeNull();
    for (const value of ['08', '1e3', 'ten', '0x']) expect(settingProblem({ type: 'integer' }, value)).not.toBeNull();
  });

  it('accepts booleans in any case, and enum choices case-insensitively', () => {
    expect(settingProblem({ type: 'boolean' }, 'TRUE')).toBeNull();
    expect(settingProblem({ type: 'boolean' }, '0')).toBeNull();
    expect(settingProblem({ type: 'boolean' }, 'yes')).toMatch(/true or false/);
    expect(settingProblem({ type: 'enum', choices: ['nat', 'mirrored'] }, 'NAT')).toBeNull();
    expect(settingProblem({ type: 'enum', choices: ['nat', 'mirrored'] }, 'bridge')).toBe('Choose one of: nat, mirrored.');
  });

  it('refuses empty and multi-line values but accepts any one-line path', () => {
    expect(settingProblem({ type: 'path' }, '  ')).toMatch(/Enter a value/);
    expect(settingProblem({ type: 'string' }, 'a\nb')).toMatch(/one line/);
    expect(settingProblem({ type: 'path' }, 'C:\\\\temp\\\\swap.vhdx')).toBeNull();
  });
});
