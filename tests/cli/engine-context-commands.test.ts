import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contextDirName } from '../../electron/services/docker/endpoint/docker-config';
import { dockerAt, testDockerHost } from '../helpers/docker-engine';
import { makeTlsFiles } from '../helpers/pem-files';
import { runLightdock, type CliResult } from '../helpers/run-cli';
import { makeTempDir } from '../helpers/temp-dir';
import { freePort } from '../helpers/free-port';

// `lightdock engine contexts` with each context's live status, and `engine context create|rm`, in a throwaway
// DOCKER_CONFIG that the real docker CLI reads too.

/** Where the CLI runs (runLightdock's working directory): relative paths are resolved from there. */
const root = path.resolve(import.meta.dirname, '../..');
let temp: ReturnType<typeof makeTempDir>;
let configDir: string;
let closedPort: number;
let pem: { ca: string; cert: string; key: string };

function env(): NodeJS.ProcessEnv {
  return { PATH: process.env['PATH'], HOME: temp.dir, DOCKER_CONFIG: configDir, LIGHTDOCK_DATA_DIR: path.join(temp.dir, 'data'), LIGHTDOCK_WSL_BACKEND: 'simulated', LIGHTDOCK_ENGINE: 'simulated' };
}

function lightdock(args: string[]): Promise<CliResult> {
  return runLightdock(args, env(), { from: 'source' });
}

/** The docker CLI with the same DOCKER_CONFIG (and no DOCKER_HOST), with a timeout. */
function dockerCli(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('docker', args, { env: { PATH: process.env['PATH'], HOME: temp.dir, DOCKER_CONFIG: configDir }, timeout: 30_000 }, (error, stdout, stderr) =>
      error ? reject(new Error(`docker ${args.join(' ')}: ${stderr || error.message}`)) : resolve(stdout),
    );
  });
}

beforeAll(async () => {
  temp = makeTempDir();
  configDir = path.join(temp.dir, 'docker-config');
  fs.mkdirSync(path.join(temp.dir, 'certs'));
  pem = makeTlsFiles(path.join(temp.dir, 'certs'));
  closedPort = await freePort();
});
afterAll(() => temp.cleanup());

describe('lightdock engine context create|rm and engine contexts', () => {
  it('creates ssh:// and tcp+TLS contexts the docker CLI lists, with relative TLS paths made absolute', async () => {
    const ssh = await lightdock(['engine', 'context', 'create', 'build-ssh', '--host', 'ssh://builder@127.0.0.1:2222', '--description', 'Build server']);
    expect(ssh).toMatchObject({ code: 0, stdout: 'Created Docker context build-ssh for ssh://builder@127.0.0.1:2222; switch to it with: lightdock engine use build-ssh\n' });
    const tls = await lightdock(['engine', 'context', 'create', 'closed-tls', '--host', `tcp://127.0.0.1:${closedPort}`, '--tls-ca', path.relative(root, pem.ca), '--tls-cert', pem.cert, '--tls-key', pem.key, '--json']);
    expect(tls.code).toBe(0);
    expect(JSON.parse(tls.stdout)).toEqual({ name: 'closed-tls', endpoint: `tcp://127.0.0.1:${closedPort}`, description: null, current: false });
    const tlsDir = path.join(configDir, 'contexts', 'tls', contextDirName('closed-tls'), 'docker');
    expect(fs.readFileSync(path.join(tlsDir, 'ca.pem'))).toEqual(fs.readFileSync(pem.ca));

    const listed = await dockerCli(['context', 'ls', '--format', '{{.Name}} {{.DockerEndpoint}}']);
    expect(listed.split('\n')).toEqual(expect.arrayContaining(['build-ssh ssh://builder@127.0.0.1:2222', `closed-tls tcp://127.0.0.1:${closedPort}`]));
  }, 120_000);

  it('refuses a bad endpoint, a taken name, default and a file that is not PEM, with one sentence and exit code 1', async () => {
    const cases: [string[], RegExp][] = [
      [['engine', 'context', 'create', 'web', '--host', 'http://127.0.0.1:80'], /lightdock: .*ssh:\/\/ or tcp:\/\//],
      [['engine', 'context', 'create', 'build-ssh', '--host', 'tcp://127.0.0.1:2375'], /lightdock: A Docker context named "build-ssh" already exists/],
      [['engine', 'context', 'create', 'default', '--host', 'tcp://127.0.0.1:2375'], /lightdock: The "default" context always exists/],
      [['engine', 'context', 'create', 'bad-pem', '--host', 'tcp://127.0.0.1:2376', '--tls-ca', '/etc/hostname'], /lightdock: The CA certificate file \/etc\/hostname is not a PEM certificate\./],
      [['engine', 'context', 'create', 'ssh-tls', '--host', 'ssh://me@box', '--tls-skip-verify'], /apply only to tcp:\/\//],
    ];
    for (const [args, message] of cases) {
      const refused = await lightdock(args);
      expect(refused.code, args.join(' ')).toBe(1);
      expect(refused.stderr).toMatch(message);
    }
    expect(fs.readdirSync(path.join(configDir, 'contexts', 'meta'))).toHaveLength(2);
  }, 120_000);

  it('lists every context with its live status: connected with the version, unreachable with the reason', async () => {
    await dockerCli(['context', 'create', 'real', '--docker', `host=${testDockerHost()}`]);
    const version = (await dockerAt(testDockerHost(), ['version', '--format', '{{.Server.Version}}'])).trim();
    const table = await lightdock(['engine', 'contexts']);
    expect(table.code).toBe(0);
    const lines = table.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^NAME\s+CURRENT\s+ENDPOINT\s+STATUS$/);
    expect(lines.find((l) => l.startsWith('real '))).toMatch(new RegExp(`^real\\s+${testDockerHost()}\\s+connected \\(Docker ${version.replace(/[.+]/g, '\\$&')}\\)$`));
    expect(lines.find((l) => l.startsWith('closed-tls '))).toMatch(new RegExp(`^closed-tls\\s+tcp://127\\.0\\.0\\.1:${closedPort}\\s+unreachable: .*127\\.0\\.0\\.1`));
    expect(lines.find((l) => l.startsWith('default '))).toMatch(/^default\s+\*\s+unix:\/\/\/var\/run\/docker\.sock\s+(connected|unreachable)/);

    const json = JSON.parse((await lightdock(['engine', 'contexts', '--json'])).stdout) as { name: string; current: boolean; probe: { name: string; state: string; serverVersion: string | null } }[];
    expect(json.map((c) => c.name)).toEqual(['default', 'build-ssh', 'closed-tls', 'real']);
    expect(json.find((c) => c.name === 'real')?.probe).toEqual({ name: 'real', endpoint: testDockerHost(), state: 'connected', serverVersion: version, message: null });
    expect(json.find((c) => c.name === 'closed-tls')?.probe).toMatchObject({ state: 'unreachable', serverVersion: null });
  }, 120_000);

  it('removes a context, refusing default, the one in use and an unknown one', async () => {
    expect(await lightdock(['engine', 'context', 'rm', 'closed-tls'])).toMatchObject({ code: 0, stdout: 'Removed Docker context closed-tls.\n' });
    expect(fs.existsSync(path.join(configDir, 'contexts', 'tls', contextDirName('closed-tls')))).toBe(false);
    expect(await dockerCli(['context', 'ls', '--format', '{{.Name}}'])).not.toContain('closed-tls');

    await dockerCli(['context', 'use', 'real']);
    const inUse = await lightdock(['engine', 'context', 'rm', 'real', '--json']);
    expect(inUse.code).toBe(1);
    expect(JSON.parse(inUse.stdout)).toEqual({ error: { code: 'CONFLICT', message: 'Docker context "real" is in use; switch to another context first (lightdock engine use default).' } });
    expect((await lightdock(['engine', 'context', 'rm', 'default'])).stderr).toBe('lightdock: The "default" context cannot be removed.\n');
    const unknown = await lightdock(['engine', 'context', 'rm', 'nope']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^lightdock: Docker context "nope" was not found/);
    expect((await dockerCli(['context', 'ls', '--format', '{{.Name}}'])).split('\n')).toEqual(expect.arrayContaining(['build-ssh', 'real']));
  }, 120_000);
});
