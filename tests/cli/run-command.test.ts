import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runLightdockCli } from '../../electron/hosts/cli/cli-main';
import { ContainerDetail, ContainerRow } from '../../shared/model/container';
import { RunPlan, RunResult } from '../../shared/model/run-container';
import { makeTempDir } from '../helpers/temp-dir';

let temp: ReturnType<typeof makeTempDir>;

/** Runs the CLI in this process on the simulated host and engine in the temp folder, and collects what it printed. */
async function lightdock(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runLightdockCli(
    argv,
    { env: { LIGHTDOCK_DATA_DIR: path.join(temp.dir, 'data'), LIGHTDOCK_WSL_BACKEND: 'simulated', LIGHTDOCK_ENGINE: 'simulated' }, platform: 'linux', homeDir: temp.dir },
    { out: (text) => out.push(text), err: (text) => err.push(text) },
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function names(): Promise<string[]> {
  const listed = await lightdock('containers', 'list', '--json');
  return (JSON.parse(listed.out) as unknown[]).map((c) => ContainerRow.parse(c).name).sort();
}

beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => {
  temp.cleanup();
});

describe('lightdock containers run on the simulated engine', () => {
  it('runs with limits, a port, env, a volume and a command, printing the id; inspect shows exactly those limits', async () => {
    const ran = await lightdock('containers', 'run', 'busybox:1.36', '--name', 'cli-web', '-p', '8181:80', '--memory', '64m', '--cpus', '0.5', '--pids-limit', '50', '-e', 'A=b c', '-v', 'cli-data:/data', '--restart', 'on-failure:3', '--', 'sh', '-c', 'echo "$A"');
    expect(ran).toMatchObject({ code: 0, err: '' });
    expect(ran.out).toMatch(/^[0-9a-f]{64}$/);
    const detail = ContainerDetail.parse(JSON.parse((await lightdock('containers', 'inspect', 'cli-web', '--json')).out));
    expect(detail).toMatchObject({ id: ran.out, state: 'running', command: 'sh -c echo "$A"' });
    expect(detail.cgroup).toMatchObject({ memoryLimitBytes: 67_108_864, nanoCpus: 500_000_000, pidsLimit: 50 });
    expect(detail.ports).toEqual([{ privatePort: 80, publicPort: 8181, ip: '127.0.0.1', type: 'tcp' }]);
    expect(detail.mounts).toEqual([{ type: 'volume', source: 'cli-data', destination: '/data', mode: '', rw: true }]);
  });

  it('prints the plan with --dry-run (the docker run line, namespaces, limits) and creates nothing', async () => {
    const before = await names();
    const dry = await lightdock('containers', 'run', 'busybox:1.36', '--name', 'cli-dry', '-p', '[::1]:8282:80/udp', '-m', '64m', '--memory-swap', '-1', '--pid', 'host', '-t', '--dry-run', '--', 'echo', "it's");
    expect(dry.code).toBe(0);
    expect(dry.out).toBe(
      [
        `docker run -d --name cli-dry -t --pid host --memory 64m --memory-swap -1 -p '[::1]:8282:80/udp' busybox:1.36 echo 'it'\\''s'`,
        'namespaces:',
        '  pid    host',
        '  net    private',
        '  ipc    private',
        '  uts    private',
        '  mnt    private',
        '  user   host',
        '  cgroup private',
        'cgroup v2',
        '  memory 64m · memory+swap unlimited · cpus unlimited · pids unlimited',
      ].join('\n'),
    );
    const json = await lightdock('containers', 'run', 'busybox:1.36', '--create-only', '--dry-run', '--json');
    expect(RunPlan.parse(JSON.parse(json.out)).command).toBe('docker create busybox:1.36');
    expect(await names()).toEqual(before);
  });

  it('creates without starting with --create-only, and answers the result as JSON', async () => {
    const created = await lightdock('containers', 'run', 'busybox:1.36', '--name', 'cli-created', '--create-only', '--json');
    expect(created.code).toBe(0);
    expect(RunResult.parse(JSON.parse(created.out))).toMatchObject({ name: 'cli-created', started: false, warnings: [] });
    const detail = ContainerDetail.parse(JSON.parse((await lightdock('containers', 'inspect', 'cli-created', '--json')).out));
    expect(detail.state).toBe('created');
  });

  it('prints warnings on stderr and still runs', async () => {
    const ran = await lightdock('containers', 'run', 'busybox:1.36', '-e', 'A=1', '-e', 'A=2');
    expect(ran.code).toBe(0);
    expect(ran.err).toBe('warning: env.1: A is set twice; the last value wins.');
  });

  it('refuses a bad flag with the parser\'s sentence and exit 2, creating nothing', async () => {
    const before = await names();
    expect(await lightdock('containers', 'run', 'busybox:1.36', '-p', '8000-8010:80')).toEqual({
      code: 2,
      out: '',
      err: 'lightdock: "8000-8010:80" publishes a port range; publish each port on its own.',
    });
    expect((await lightdock('containers', 'run', 'busybox:1.36', '--memory', '1m')).err).toBe('lightdock: A memory limit of "1m" is below the engine\'s floor of 6m.');
    expect((await lightdock('containers', 'run', 'busybox:1.36', '--cpus', 'lots')).err).toBe('lightdock: "lots" is not a number of CPUs: write a decimal number like 0.5 or 2.');
    expect((await lightdock('containers', 'run', 'busybox:1.36', '--restart', 'always:3')).err).toBe('lightdock: "always:3": only on-failure takes a retry count, like on-failure:3.');
    const badName = await lightdock('containers', 'run', 'busybox:1.36', '--name', '-x-');
    expect(badName.code).toBe(2);
    expect(badName.err).toBe('name: A name starts with a letter or digit, then letters, digits, "_", "." or "-".');
    expect(await names()).toEqual(before);
  });

  it('prints each problem as <field>: <message> on stderr with exit 1, creating nothing', async () => {
    const before = await names();
    const taken = await lightdock('containers', 'run', 'busybox:1.36', '--name', 'shop-web-1', '-p', '8080:80');
    expect(taken.code).toBe(1);
    expect(taken.err.split('\n')).toEqual([
      expect.stringMatching(/^name: The name "shop-web-1" is already used by container [0-9a-f]{12}; remove it or pick another name\.$/),
      'ports.0: Host port 8080 is already published by container shop-web-1.',
    ]);
    const missing = await lightdock('containers', 'run', 'lightdock/absent:1', '--json');
    expect(missing.code).toBe(1);
    expect(missing.err).toBe('image: The image lightdock/absent:1 is not on this engine; pull it first.');
    expect(JSON.parse(missing.out)).toMatchObject({ error: { code: 'VALIDATION', details: { problems: [{ field: 'image' }] } } });
    const dry = await lightdock('containers', 'run', 'busybox:1.36', '--network', 'container:nobody', '--dry-run');
    expect(dry.code).toBe(1);
    expect(dry.out).toContain('  namespaces.network: There is no container "nobody" to share a network namespace with.');
    expect(await names()).toEqual(before);
  });
});
