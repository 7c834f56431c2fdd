import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DOCKER_HUB_SERVER } from '../../../../electron/services/images/image-reference';
import { authForReference, registryAuth, type RegistryAuthSource } from '../../../../electron/services/images/registry-auth';
import { RecordingLogger } from '../../../helpers/recording';
import { makeTempDir } from '../../../helpers/temp-dir';

let temp: ReturnType<typeof makeTempDir>;
let source: RegistryAuthSource;
let logger: RecordingLogger;

const basic = (user: string, password: string): string => Buffer.from(`${user}:${password}`).toString('base64');

function writeConfig(config: unknown): string {
  const file = path.join(temp.dir, 'docker-config', 'config.json');
  fs.writeFileSync(file, JSON.stringify(config));
  return file;
}

/** A docker-credential-<name> script on PATH that records its stdin and prints `answer` (exit `code`). */
function helper(name: string, answer: string, code = 0): void {
  const script = path.join(temp.dir, 'bin', `docker-credential-${name}`);
  fs.writeFileSync(script, `#!/bin/sh\n[ "$1" = get ] || exit 3\ncat > "${temp.dir}/stdin-${name}"\nprintf '%s' '${answer}'\nexit ${code}\n`, { mode: 0o755 });
}

beforeEach(() => {
  temp = makeTempDir();
  fs.mkdirSync(path.join(temp.dir, 'docker-config'));
  fs.mkdirSync(path.join(temp.dir, 'bin'));
  logger = new RecordingLogger();
  source = { env: { DOCKER_CONFIG: path.join(temp.dir, 'docker-config'), PATH: `${path.join(temp.dir, 'bin')}:${process.env['PATH'] ?? ''}` }, homeDir: temp.dir, logger };
});
afterEach(() => {
  temp.cleanup();
});

describe('registryAuth from the docker CLI config', () => {
  it('decodes an auths entry whatever the key spelling, and leaves the file as it was', async () => {
    const file = writeConfig({ auths: { 'http://127.0.0.1:5000/v2/': { auth: basic('ann', 'p:ss') }, [DOCKER_HUB_SERVER]: { auth: basic('hub', 'h') } } });
    const before = fs.readFileSync(file, 'utf8');
    await expect(authForReference(source, '127.0.0.1:5000/team/app:1')).resolves.toEqual({ serveraddress: '127.0.0.1:5000', username: 'ann', password: 'p:ss' });
    await expect(authForReference(source, 'busybox')).resolves.toEqual({ serveraddress: DOCKER_HUB_SERVER, username: 'hub', password: 'h' });
    await expect(authForReference(source, 'other.example/app')).resolves.toBeNull();
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['config.json']);
  });

  it('passes an identity token on', async () => {
    writeConfig({ auths: { 'reg.example': { identitytoken: 'tok' } } });
    await expect(registryAuth(source, 'reg.example')).resolves.toEqual({ serveraddress: 'reg.example', identitytoken: 'tok' });
  });

  it('asks credHelpers[registry] with the server address on stdin', async () => {
    writeConfig({ credHelpers: { 'reg.example': 'fake' }, auths: { 'reg.example': { auth: basic('not', 'used') } } });
    helper('fake', '{"ServerURL":"reg.example","Username":"bob","Secret":"s3"}');
    await expect(registryAuth(source, 'reg.example')).resolves.toEqual({ serveraddress: 'reg.example', username: 'bob', password: 's3' });
    expect(fs.readFileSync(path.join(temp.dir, 'stdin-fake'), 'utf8')).toBe('reg.example');
    expect(logger.lines.some((l) => l.message.includes('["docker-credential-fake","get"]'))).toBe(true);
    expect(logger.lines.some((l) => l.message.includes('s3'))).toBe(false);
  });

  it('falls back to credsStore, and reads a <token> answer as an identity token', async () => {
    writeConfig({ credsStore: 'store', auths: { 'reg.example': {} } });
    helper('store', '{"Username":"<token>","Secret":"refresh"}');
    await expect(registryAuth(source, 'reg.example')).resolves.toEqual({ serveraddress: 'reg.example', identitytoken: 'refresh' });
  });

  it('answers null when a helper fails, answers nonsense or too much, or is named outside its grammar', async () => {
    writeConfig({ credHelpers: { a: 'failing', b: 'nonsense', c: 'flood', d: '../evil', e: 'missing-helper' } });
    helper('failing', 'credentials not found in native keychain', 1);
    helper('nonsense', '[1,2,3]');
    fs.writeFileSync(path.join(temp.dir, 'bin', 'docker-credential-flood'), '#!/bin/sh\nhead -c 200000 /dev/zero | tr "\\\\0" x\n', { mode: 0o755 });
    for (const registry of ['a', 'b', 'c', 'd', 'e']) await expect(registryAuth(source, registry)).resolves.toBeNull();
    expect(logger.lines.some((l) => l.message.includes('../evil') && l.message.includes('refused'))).toBe(true);
  });

  it('answers null without a config, with a broken one, or one too large to read', async () => {
    await expect(registryAuth(source, 'reg.example')).resolves.toBeNull();
    fs.writeFileSync(path.join(temp.dir, 'docker-config', 'config.json'), '{broken');
    await expect(registryAuth(source, 'reg.example')).resolves.toBeNull();
    writeConfig({ auths: { 'reg.example': { auth: basic('a', 'b') } }, pad: 'x'.repeat(1024 * 1024) });
    await expect(registryAuth(source, 'reg.example')).resolves.toBeNull();
  });

  it('reads ~/.docker/config.json when DOCKER_CONFIG is not set', async () => {
    fs.mkdirSync(path.join(temp.dir, '.docker'));
    fs.writeFileSync(path.join(temp.dir, '.docker', 'config.json'), JSON.stringify({ auths: { 'reg.example': { auth: basic('home', 'pw') } } }));
    await expect(registryAuth({ ...source, env: {} }, 'reg.example')).resolves.toMatchObject({ username: 'home' });
  });
});
