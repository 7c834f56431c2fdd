import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MemoryReport } from '../../../../shared/model/memory';
import { eventContract } from '../../../../shared/ipc/contract';
import { runLightdockCli } from '../../../../electron/hosts/cli/cli-main';
import { makeTempDir } from '../../../helpers/temp-dir';

let temp: ReturnType<typeof makeTempDir>;

beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => {
  temp.cleanup();
});

/** Runs `lightdock <argv>` in this process over the simulated host and engine in the temp folder. */
async function lightdock(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runLightdockCli(
    argv,
    { env: { LIGHTDOCK_DATA_DIR: temp.dir, LIGHTDOCK_WSL_BACKEND: 'simulated', LIGHTDOCK_ENGINE: 'simulated' }, platform: 'linux', homeDir: temp.dir },
    { out: (text) => out.push(text), err: (text) => err.push(text) },
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('lightdock memory', () => {
  it('prints the tree with bytes, limits and estimate marks, how estimates are reached, then the warnings', async () => {
    expect((await lightdock('distros', 'start', 'docker-desktop')).code).toBe(0);
    const { code, out, err } = await lightdock('memory');
    expect(err).toBe('');
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines[0]).toMatch(/Simulated/);
    expect(out).toMatch(/^Windows host \(simulated\): 32 GiB$/m);
    expect(out).toMatch(/^ {2}WSL2 VM \(vmmem\): .+ of .+ limit$/m);
    expect(out).toMatch(/^ {4}docker-desktop: .+ {2}\(estimated\)$/m);
    expect(out).toMatch(/^ {6}\S.*: .+ of \d+(\.\d+)? MiB limit$/m);
    expect(out).toMatch(/^ {6}Other processes in docker-desktop: .+\(estimated\)$/m);
    expect(out).toMatch(/^ {4}Page cache \(reclaimable\): /m);
    expect(out).toContain('How the estimates are reached:');
    expect(lines.at(-1)).toMatch(/^(No warnings\.| {2}(warn |ERROR) .+)$/);
  });

  it('--json prints a MemoryReport whose parts add up', async () => {
    const { code, out } = await lightdock('memory', '--json');
    expect(code).toBe(0);
    const report = MemoryReport.parse(JSON.parse(out));
    expect(report.simulated).toBe(true);
    const host = report.roots[0];
    expect(host?.children.reduce((acc, c) => acc + c.bytes, 0)).toBe(host?.bytes);
  });

  it('refuses a --samples that is not a positive whole number', async () => {
    for (const bad of ['0', '-1', 'x', '1.5']) {
      const { code } = await lightdock('memory', '--watch', '--samples', bad);
      expect(code).toBe(2);
    }
  });

  it('--watch --samples 2 prints two samples, then unwatches and exits', async () => {
    const { code, out, err } = await lightdock('memory', '--watch', '--samples', '2');
    expect(err).toBe('');
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line).toMatch(/^\d\d:\d\d:\d\d {2}host .+ used · VM .+ held \(.+ used, .+ cache\) · containers .+$/);
  });

  it('--watch --json prints one memory:sampled push a line', async () => {
    const { code, out } = await lightdock('memory', '--watch', '--json', '--samples', '1');
    expect(code).toBe(0);
    const pushed = eventContract['memory:sampled'].parse(JSON.parse(out));
    expect(pushed.subscriptionId).not.toBe('');
    expect(pushed.sample.hostUsedBytes).toBeGreaterThan(0);
  });
});
