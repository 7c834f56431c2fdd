import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SETUP_CHECK_IDS, SetupCheck } from '../../shared/model/setup-check';
import { runLightdock } from '../helpers/run-cli';
import { makeTempDir } from '../helpers/temp-dir';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.cleanup());

/** `lightdock doctor` from source in its own process, on the simulated host seeded from `scenario`. */
function doctor(scenario: string, ...args: string[]) {
  const env = { PATH: process.env['PATH'], HOME: temp.dir, LIGHTDOCK_DATA_DIR: temp.dir, LIGHTDOCK_WSL_BACKEND: 'simulated', LIGHTDOCK_ENGINE: 'simulated', LIGHTDOCK_SCENARIO: scenario };
  return runLightdock(['doctor', ...args], env, { from: 'source' });
}

describe('lightdock doctor', () => {
  it('--json prints the array of checks and exits 1 on virtualization-off', async () => {
    const { code, stdout } = await doctor('virtualization-off', '--json');
    expect(code).toBe(1);
    const checks = z.array(SetupCheck).parse(JSON.parse(stdout));
    expect(checks.map((c) => c.id)).toEqual([...SETUP_CHECK_IDS]);
    expect(checks.find((c) => c.id === 'virtualization')).toMatchObject({ status: 'fail', fix: { id: 'firmware' } });
  });

  it('--json exits 0 on ready, every check ok', async () => {
    const { code, stdout } = await doctor('ready', '--json');
    expect(code).toBe(0);
    expect(z.array(SetupCheck).parse(JSON.parse(stdout)).every((c) => c.status === 'ok')).toBe(true);
  });

  it('prints one line per check, the fix on the failing one', async () => {
    const { code, stdout } = await doctor('no-engine');
    expect(code).toBe(1);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(SETUP_CHECK_IDS.length);
    expect(lines.at(-1)).toMatch(/^FAIL {2}A Docker engine that answers: .* → Start the Docker engine$/);
    expect(lines[0]).toMatch(/^ok {4}64-bit Windows/);
  });
});
