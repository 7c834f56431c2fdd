import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContainerRow } from '../../shared/model/container';
import { docker, TEST_IMAGE, testDockerHost } from '../helpers/docker-engine';
import { runLightdock, type CliResult } from '../helpers/run-cli';
import { configVariant, startSshd, stopSshd, type TestSshd } from '../helpers/sshd';
import { makeTempDir } from '../helpers/temp-dir';

const ENDPOINT = 'ssh://lightdock-test';
const name = `ld-cli-ssh-${process.pid}`;
let temp: ReturnType<typeof makeTempDir>;
let sshd: TestSshd;

/** Runs the lightdock CLI from source in its own process with DOCKER_HOST=ssh://lightdock-test, no ssh agent, and `config` as LIGHTDOCK_SSH_CONFIG. */
function lightdock(args: string[], config: string): Promise<CliResult> {
  const env = { PATH: process.env['PATH'], HOME: temp.dir, LIGHTDOCK_DATA_DIR: temp.dir, LIGHTDOCK_WSL_BACKEND: 'simulated', DOCKER_HOST: ENDPOINT, LIGHTDOCK_ENGINE: 'docker', LIGHTDOCK_SSH_CONFIG: config };
  return runLightdock(args, env, { from: 'source' });
}

/** Processes still running an ssh with this file's client config (the CLI must have ended its own). */
function sshLeftBehind(): string[] {
  const left: string[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let cmdline: string;
    try {
      cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    const args = cmdline.split('\0');
    if (path.basename(args[0] ?? '') === 'ssh' && cmdline.includes(sshd.dir)) left.push(args.join(' '));
  }
  return left;
}

beforeAll(async () => {
  temp = makeTempDir();
  sshd = await startSshd(path.join(temp.dir, 'sshd'), testDockerHost());
  await docker('rm', '-f', name).catch(() => undefined);
  await docker('run', '-d', '--network', 'none', '--name', name, TEST_IMAGE, 'sleep', '3600');
}, 60_000);

afterAll(async () => {
  await docker('rm', '-f', name).catch(() => undefined);
  await stopSshd(sshd.dir).catch(() => undefined);
  temp.cleanup();
}, 60_000);

describe('lightdock with DOCKER_HOST=ssh://<alias> and no ssh agent', () => {
  it('says connected, lists the remote containers, prints no deprecation warning and leaves no ssh running', async () => {
    const status = await lightdock(['engine', 'status'], sshd.config);
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/^Engine docker: connected at ssh:\/\/lightdock-test/);
    expect(status.stderr).not.toMatch(/DeprecationWarning|is invalid/);
    const listed = await lightdock(['containers', 'list', '--json'], sshd.config);
    expect(listed.code).toBe(0);
    expect(listed.stderr).not.toMatch(/DeprecationWarning|is invalid/);
    const rows = (JSON.parse(listed.stdout) as unknown[]).map((row) => ContainerRow.parse(row));
    expect(rows.find((row) => row.name === name)?.state).toBe('running');
    expect(sshLeftBehind()).toEqual([]);
  });

  it('shows why it cannot connect: an unknown host key', async () => {
    const empty = path.join(temp.dir, 'known_hosts.empty');
    fs.writeFileSync(empty, '');
    const status = await lightdock(['engine', 'status'], configVariant(sshd, 'unknown', 'UserKnownHostsFile', empty));
    expect(status.stdout.trim()).toBe(
      `Engine docker: unreachable at ${ENDPOINT} · The host key of lightdock-test is not known; connect once with "ssh lightdock-test" to accept it, or add it to known_hosts.`,
    );
    expect(status.stderr).not.toMatch(/DeprecationWarning|is invalid/);
  });
});
