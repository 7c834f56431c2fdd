import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contextDirName } from '../../../../../electron/services/docker/endpoint/docker-config';
import { listDockerContexts, useDockerContext } from '../../../../../electron/services/docker/endpoint/docker-contexts';
import { dockerodeOptions } from '../../../../../electron/services/docker/endpoint/dockerode-options';
import { SshDialAgent } from '../../../../../electron/services/docker/endpoint/ssh-dial-agent';
import { resolveEndpoint, type EndpointEnvironment } from '../../../../../electron/services/docker/endpoint/resolve-endpoint';
import { makeTempDir } from '../../../../helpers/temp-dir';

let temp: ReturnType<typeof makeTempDir>;
let home: string;
let dotDocker: string;

function where(env: NodeJS.ProcessEnv = {}, platform: NodeJS.Platform = 'linux'): EndpointEnvironment {
  return { env, platform, homeDir: home };
}

function writeContext(configDir: string, name: string, host: string, options: { description?: string; tls?: boolean; skipTlsVerify?: boolean } = {}): void {
  const id = contextDirName(name);
  const metaDir = path.join(configDir, 'contexts', 'meta', id);
  fs.mkdirSync(metaDir, { recursive: true });
  fs.writeFileSync(
    path.join(metaDir, 'meta.json'),
    JSON.stringify({
      Name: name,
      Metadata: { Description: options.description ?? '' },
      Endpoints: { docker: { Host: host, SkipTLSVerify: options.skipTlsVerify ?? false } },
    }),
  );
  if (options.tls) {
    const tlsDir = path.join(configDir, 'contexts', 'tls', id, 'docker');
    fs.mkdirSync(tlsDir, { recursive: true });
    for (const file of ['ca.pem', 'cert.pem', 'key.pem']) fs.writeFileSync(path.join(tlsDir, file), `${file} of ${name}`);
  }
}

function writeConfig(configDir: string, config: object): void {
  fs.mkdirSync(configDir, { recursive: true });
  fs.writeFileSync(path.join(configDir, 'config.json'), JSON.stringify(config));
}

beforeEach(() => {
  temp = makeTempDir();
  home = temp.dir;
  dotDocker = path.join(home, '.docker');
});
afterEach(() => temp.cleanup());

describe('resolveEndpoint', () => {
  it('uses the platform default without configuration: the unix socket, or the named pipe on Windows', () => {
    expect(resolveEndpoint(where())).toEqual({ host: 'unix:///var/run/docker.sock', context: 'default', source: 'default', tls: null });
    expect(resolveEndpoint(where({}, 'win32')).host).toBe('npipe:////./pipe/docker_engine');
  });

  it('puts DOCKER_HOST before any context, and reads DOCKER_TLS_VERIFY and DOCKER_CERT_PATH', () => {
    writeConfig(dotDocker, { currentContext: 'remote' });
    writeContext(dotDocker, 'remote', 'tcp://10.0.0.5:2376');
    expect(resolveEndpoint(where({ DOCKER_HOST: 'unix:///tmp/x.sock', DOCKER_CONTEXT: 'remote' }))).toEqual({
      host: 'unix:///tmp/x.sock',
      context: null,
      source: 'DOCKER_HOST',
      tls: null,
    });
    const tls = resolveEndpoint(where({ DOCKER_HOST: 'tcp://h:2376', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: '/certs' })).tls;
    expect(tls).toEqual({ verify: true, caFile: '/certs/ca.pem', certFile: '/certs/cert.pem', keyFile: '/certs/key.pem' });
    expect(resolveEndpoint(where({ DOCKER_HOST: 'tcp://h:2376', DOCKER_TLS_VERIFY: '1' })).tls?.caFile).toBe(path.join(dotDocker, 'ca.pem'));
  });

  it('follows currentContext in config.json to the context meta.json, with its TLS material', () => {
    writeConfig(dotDocker, { currentContext: 'remote', auths: {} });
    writeContext(dotDocker, 'remote', 'tcp://10.0.0.5:2376', { tls: true });
    const endpoint = resolveEndpoint(where());
    const tlsDir = path.join(dotDocker, 'contexts', 'tls', contextDirName('remote'), 'docker');
    expect(endpoint).toEqual({
      host: 'tcp://10.0.0.5:2376',
      context: 'remote',
      source: 'context',
      tls: { verify: true, caFile: path.join(tlsDir, 'ca.pem'), certFile: path.join(tlsDir, 'cert.pem'), keyFile: path.join(tlsDir, 'key.pem') },
    });
  });

  it('lets DOCKER_CONTEXT win over config.json and DOCKER_CONFIG move the directory', () => {
    const elsewhere = path.join(home, 'other-config');
    writeConfig(elsewhere, { currentContext: 'desktop-linux' });
    writeContext(elsewhere, 'desktop-linux', 'npipe:////./pipe/dockerDesktopLinuxEngine');
    writeContext(elsewhere, 'ssh-box', 'ssh://me@box');
    expect(resolveEndpoint(where({ DOCKER_CONFIG: elsewhere }, 'win32'))).toMatchObject({ host: 'npipe:////./pipe/dockerDesktopLinuxEngine', context: 'desktop-linux' });
    expect(resolveEndpoint(where({ DOCKER_CONFIG: elsewhere, DOCKER_CONTEXT: 'ssh-box' }))).toMatchObject({ host: 'ssh://me@box', context: 'ssh-box' });
    expect(resolveEndpoint(where({ DOCKER_CONFIG: elsewhere, DOCKER_CONTEXT: 'default' }))).toMatchObject({ host: 'unix:///var/run/docker.sock', context: 'default' });
  });

  it('answers NOT_FOUND for a context that does not exist rather than falling back', () => {
    writeConfig(dotDocker, { currentContext: 'gone' });
    expect(() => resolveEndpoint(where())).toThrowError(expect.objectContaining({ code: 'NOT_FOUND', message: expect.stringContaining('"gone"') }));
  });
});

describe('Docker contexts', () => {
  it('lists default first, then stored contexts by name, marking the current one', () => {
    writeConfig(dotDocker, { currentContext: 'b-remote' });
    writeContext(dotDocker, 'b-remote', 'tcp://10.0.0.5:2375', { description: 'lab box' });
    writeContext(dotDocker, 'a-local', 'unix:///run/user/1000/docker.sock');
    expect(listDockerContexts(where())).toEqual([
      { name: 'default', endpoint: 'unix:///var/run/docker.sock', description: 'Default engine of this machine', current: false },
      { name: 'a-local', endpoint: 'unix:///run/user/1000/docker.sock', description: null, current: false },
      { name: 'b-remote', endpoint: 'tcp://10.0.0.5:2375', description: 'lab box', current: true },
    ]);
    expect(listDockerContexts(where({ DOCKER_HOST: 'tcp://h:1' })).filter((c) => c.current).map((c) => [c.name, c.endpoint])).toEqual([['default', 'tcp://h:1']]);
  });

  it('switches like `docker context use`: rewrites currentContext and keeps the other keys', () => {
    writeConfig(dotDocker, { auths: { 'registry.example': { auth: 'x' } }, credsStore: 'pass' });
    writeContext(dotDocker, 'remote', 'tcp://10.0.0.5:2375');
    useDockerContext(where(), 'remote');
    const config = JSON.parse(fs.readFileSync(path.join(dotDocker, 'config.json'), 'utf8')) as Record<string, unknown>;
    expect(config).toEqual({ auths: { 'registry.example': { auth: 'x' } }, credsStore: 'pass', currentContext: 'remote' });
    expect(resolveEndpoint(where()).context).toBe('remote');
    useDockerContext(where(), 'default');
    expect(JSON.parse(fs.readFileSync(path.join(dotDocker, 'config.json'), 'utf8'))).not.toHaveProperty('currentContext');
  });

  it('refuses to switch to an unknown context or while DOCKER_HOST or DOCKER_CONTEXT overrides it', () => {
    expect(() => useDockerContext(where(), 'nope')).toThrowError(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(() => useDockerContext(where({ DOCKER_HOST: 'tcp://h:1' }), 'default')).toThrowError(expect.objectContaining({ code: 'CONFLICT' }));
    expect(() => useDockerContext(where({ DOCKER_CONTEXT: 'x' }), 'default')).toThrowError(expect.objectContaining({ code: 'CONFLICT' }));
    expect(fs.existsSync(path.join(dotDocker, 'config.json'))).toBe(false);
  });
});

describe('dockerodeOptions', () => {
  const endpoint = (host: string, tls: ReturnType<typeof resolveEndpoint>['tls'] = null): ReturnType<typeof resolveEndpoint> => ({ host, context: null, source: 'DOCKER_HOST', tls });

  it('maps unix sockets and named pipes to socketPath, stripping exactly the scheme, and never pins a version', () => {
    expect(dockerodeOptions(endpoint('unix:///var/run/docker.sock'), {})).toMatchObject({ socketPath: '/var/run/docker.sock', host: undefined, version: undefined, timeout: undefined });
    expect(dockerodeOptions(endpoint('npipe:////./pipe/dockerDesktopLinuxEngine'), {}).socketPath).toBe('//./pipe/dockerDesktopLinuxEngine');
  });

  it('maps tcp to http, or https with the TLS files', () => {
    expect(dockerodeOptions(endpoint('tcp://10.0.0.5:2375'), {})).toMatchObject({ host: '10.0.0.5', port: '2375', protocol: 'http', socketPath: undefined });
    const certs = path.join(home, 'certs');
    fs.mkdirSync(certs);
    for (const file of ['ca.pem', 'cert.pem', 'key.pem']) fs.writeFileSync(path.join(certs, file), `-----BEGIN ${file}-----\n`);
    const tls = { verify: true, caFile: path.join(certs, 'ca.pem'), certFile: path.join(certs, 'cert.pem'), keyFile: path.join(certs, 'key.pem') };
    const secure = dockerodeOptions(endpoint('tcp://10.0.0.5:2376', tls), {});
    expect(secure).toMatchObject({ protocol: 'https', port: '2376' });
    expect(String(secure.ca)).toBe('-----BEGIN ca.pem-----\n');
    expect(String(secure.key)).toBe('-----BEGIN key.pem-----\n');
  });

  it('maps ssh to plain HTTP through an agent that runs the user\'s own ssh with docker system dial-stdio (no ssh2)', () => {
    const logged: string[] = [];
    const logger = { info: (message: string) => logged.push(message), warn: () => undefined, error: () => undefined };
    const options = dockerodeOptions(endpoint('ssh://me@box:2222'), { SSH_AUTH_SOCK: '/run/agent', LIGHTDOCK_SSH_CONFIG: '/etc/lightdock/ssh_config' }, logger) as ReturnType<
      typeof dockerodeOptions
    > & { agent?: unknown };
    expect(options).toMatchObject({ protocol: 'http', socketPath: undefined, username: undefined });
    expect(options).not.toHaveProperty('sshOptions');
    expect(options.agent).toBeInstanceOf(SshDialAgent);
    const agent = options.agent as SshDialAgent;
    expect(agent.sshArgs).toEqual(['-F', '/etc/lightdock/ssh_config', '-l', 'me', '-p', '2222', '-o', 'BatchMode=yes', '-o', 'ConnectTimeout=10', '-T', '--', 'box', 'docker', 'system', 'dial-stdio']);
    agent.destroy();
    expect(logged).toEqual([]);
    expect(() => dockerodeOptions(endpoint('ssh://-oProxyCommand=touch%20x'), {}, logger)).toThrowError(expect.objectContaining({ code: 'VALIDATION' }));
  });

  it('rejects anything that is not an endpoint', () => {
    expect(() => dockerodeOptions(endpoint('ftp://x'), {})).toThrowError(expect.objectContaining({ code: 'VALIDATION' }));
    expect(() => dockerodeOptions(endpoint('unix://'), {})).toThrowError(expect.objectContaining({ code: 'VALIDATION' }));
  });
});
