import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDockerContext, MAX_PEM_BYTES, removeDockerContext } from '../../../../../electron/services/docker/endpoint/context-store';
import { contextDirName, listStoredContexts, readStoredContext, writeCurrentContext } from '../../../../../electron/services/docker/endpoint/docker-config';
import { resolveEndpoint, type EndpointEnvironment } from '../../../../../electron/services/docker/endpoint/resolve-endpoint';
import { ServiceError } from '../../../../../electron/services/errors';
import type { CreateContextRequest } from '../../../../../shared/model/engine';
import { makeTempDir } from '../../../../helpers/temp-dir';
import { makeTlsFiles } from '../../../../helpers/pem-files';

let certs: ReturnType<typeof makeTempDir>;
let temp: ReturnType<typeof makeTempDir> | undefined;
let configDir: string;
let pem: { ca: string; cert: string; key: string };

/** Runs `act`, which must throw a ServiceError with that code and a message matching `message`. */
function expectServiceError(act: () => unknown, code: string, message: RegExp): void {
  let thrown: unknown;
  try {
    act();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(ServiceError);
  expect(thrown).toMatchObject({ code, message: expect.stringMatching(message) });
}

function where(env: NodeJS.ProcessEnv = {}): EndpointEnvironment {
  return { env: { DOCKER_CONFIG: configDir, ...env }, platform: 'linux', homeDir: path.dirname(configDir) };
}

/** Every folder and file under the config directory, to prove a refusal wrote nothing. */
function tree(): string[] {
  if (!fs.existsSync(configDir)) return [];
  return fs.readdirSync(configDir, { recursive: true }).map(String).sort();
}

const tlsRequest = (): CreateContextRequest => ({ name: 'build-tls', host: 'tcp://127.0.0.1:2376', description: 'TLS box', tls: { ...pem, skipVerify: false } });

beforeAll(() => {
  certs = makeTempDir();
  pem = makeTlsFiles(certs.dir);
});
afterAll(() => {
  certs.cleanup();
  temp?.cleanup();
});
beforeEach(() => {
  temp?.cleanup();
  const fresh = makeTempDir();
  temp = fresh;
  configDir = path.join(fresh.dir, 'docker-config');
});

describe('createDockerContext', () => {
  it('writes meta.json as the docker CLI does, and the resolver reads the context back', () => {
    expect(createDockerContext(where(), { name: 'build-box', host: 'ssh://me@build:2222', description: 'The build server' })).toEqual({
      name: 'build-box',
      endpoint: 'ssh://me@build:2222',
      description: 'The build server',
      current: false,
    });
    const metaDir = path.join(configDir, 'contexts', 'meta', contextDirName('build-box'));
    expect(fs.readFileSync(path.join(metaDir, 'meta.json'), 'utf8')).toBe(
      '{"Name":"build-box","Metadata":{"Description":"The build server"},"Endpoints":{"docker":{"Host":"ssh://me@build:2222","SkipTLSVerify":false}}}',
    );
    expect(fs.statSync(path.join(metaDir, 'meta.json')).mode & 0o777).toBe(0o644);
    expect(fs.existsSync(path.join(configDir, 'contexts', 'tls'))).toBe(false);
    expect(resolveEndpoint(where(), 'build-box')).toEqual({ host: 'ssh://me@build:2222', context: 'build-box', source: 'context', tls: null });
    expect(fs.readdirSync(path.join(configDir, 'contexts')).sort()).toEqual(['meta']);
  });

  it('writes an empty Metadata without a description', () => {
    createDockerContext(where(), { name: 'plain', host: 'tcp://10.0.0.5:2375' });
    const meta = fs.readFileSync(path.join(configDir, 'contexts', 'meta', contextDirName('plain'), 'meta.json'), 'utf8');
    expect(meta).toBe('{"Name":"plain","Metadata":{},"Endpoints":{"docker":{"Host":"tcp://10.0.0.5:2375","SkipTLSVerify":false}}}');
  });

  it('copies the TLS files (0600 in 0700 folders) and the resolver uses them', () => {
    createDockerContext(where(), { ...tlsRequest(), tls: { ...pem, skipVerify: true } });
    const id = contextDirName('build-tls');
    const tlsDir = path.join(configDir, 'contexts', 'tls', id, 'docker');
    for (const kind of ['ca', 'cert', 'key'] as const) {
      expect(fs.readFileSync(path.join(tlsDir, `${kind}.pem`))).toEqual(fs.readFileSync(pem[kind]));
      expect(fs.statSync(path.join(tlsDir, `${kind}.pem`)).mode & 0o777).toBe(0o600);
    }
    expect(fs.statSync(path.join(configDir, 'contexts', 'tls', id)).mode & 0o777).toBe(0o700);
    expect(resolveEndpoint(where(), 'build-tls')).toEqual({
      host: 'tcp://127.0.0.1:2376',
      context: 'build-tls',
      source: 'context',
      tls: { verify: false, caFile: path.join(tlsDir, 'ca.pem'), certFile: path.join(tlsDir, 'cert.pem'), keyFile: path.join(tlsDir, 'key.pem') },
    });
  });

  it('keeps skip-verify without TLS files, and the resolver then uses TLS without verifying', () => {
    createDockerContext(where(), { name: 'skip-only', host: 'tcp://127.0.0.1:2376', tls: { ca: null, cert: null, key: null, skipVerify: true } });
    expect(fs.existsSync(path.join(configDir, 'contexts', 'tls'))).toBe(false);
    expect(resolveEndpoint(where(), 'skip-only').tls).toEqual({ verify: false, caFile: null, certFile: null, keyFile: null });
  });

  it('takes a CA alone', () => {
    createDockerContext(where(), { name: 'ca-only', host: 'tcp://127.0.0.1:2376', tls: { ca: pem.ca, cert: null, key: null, skipVerify: false } });
    expect(fs.readdirSync(path.join(configDir, 'contexts', 'tls', contextDirName('ca-only'), 'docker'))).toEqual(['ca.pem']);
  });

  it('refuses default, an existing name and a name the docker CLI would refuse, writing nothing', () => {
    createDockerContext(where(), { name: 'taken', host: 'tcp://127.0.0.1:2375', description: 'first' });
    const before = tree();
    const meta = fs.readFileSync(path.join(configDir, 'contexts', 'meta', contextDirName('taken'), 'meta.json'), 'utf8');
    expectServiceError(() => createDockerContext(where(), { name: 'default', host: 'tcp://127.0.0.1:2375' }), 'CONFLICT', /default/);
    expectServiceError(() => createDockerContext(where(), { name: 'taken', host: 'ssh://other' }), 'CONFLICT', /already exists/);
    expectServiceError(() => createDockerContext(where(), { name: 'x', host: 'ssh://other' }), 'VALIDATION', /at least two characters/);
    expect(tree()).toEqual(before);
    expect(fs.readFileSync(path.join(configDir, 'contexts', 'meta', contextDirName('taken'), 'meta.json'), 'utf8')).toBe(meta);
  });

  it('refuses TLS for ssh://, a certificate without its key, and files that are not bounded readable PEM, naming the file', () => {
    const notPem = path.join(certs.dir, 'not.pem');
    fs.writeFileSync(notPem, 'hello, not a certificate');
    const fakePem = path.join(certs.dir, 'fake.pem');
    fs.writeFileSync(fakePem, '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n');
    const huge = path.join(certs.dir, 'huge.pem');
    fs.writeFileSync(huge, `-----BEGIN CERTIFICATE-----\n${'A'.repeat(MAX_PEM_BYTES)}\n`);
    const missing = path.join(certs.dir, 'missing.pem');
    const none = { ca: null, cert: null, key: null };
    const cases: [CreateContextRequest, RegExp][] = [
      [{ name: 'over-ssh', host: 'ssh://me@box', tls: { ...none, ca: pem.ca, skipVerify: false } }, /only to tcp:\/\//],
      [{ name: 'over-ssh', host: 'ssh://me@box', tls: { ...none, skipVerify: true } }, /only to tcp:\/\//],
      [{ ...tlsRequest(), tls: { ...pem, key: null, skipVerify: false } }, /give both or neither/],
      [{ ...tlsRequest(), tls: { ...pem, ca: notPem, skipVerify: false } }, new RegExp(`CA certificate file ${notPem} is not a PEM certificate`)],
      [{ ...tlsRequest(), tls: { ...pem, cert: fakePem, skipVerify: false } }, new RegExp(`client certificate file ${fakePem} is not a PEM`)],
      [{ ...tlsRequest(), tls: { ...pem, key: pem.cert, skipVerify: false } }, new RegExp(`client key file ${pem.cert} is not a PEM private key`)],
      [{ ...tlsRequest(), tls: { ...pem, ca: huge, skipVerify: false } }, /larger than 64 KB/],
      [{ ...tlsRequest(), tls: { ...pem, ca: missing, skipVerify: false } }, new RegExp(`${missing} could not be read \\(ENOENT\\)`)],
      [{ ...tlsRequest(), tls: { ...pem, ca: certs.dir, skipVerify: false } }, /is not a regular file|could not be read/],
    ];
    for (const [request, message] of cases) expectServiceError(() => createDockerContext(where(), request), 'VALIDATION', message);
    expect(tree()).toEqual([]);
  });

  it('leaves nothing behind when a write fails part-way', () => {
    createDockerContext(where(), { name: 'first', host: 'tcp://127.0.0.1:2375' });
    // A file where the new context's meta folder goes: the TLS files are staged and moved, then the meta rename fails.
    fs.writeFileSync(path.join(configDir, 'contexts', 'meta', contextDirName('build-tls')), 'in the way');
    const before = tree();
    expectServiceError(() => createDockerContext(where(), tlsRequest()), 'INTERNAL', /nothing was created/);
    expect(tree()).toEqual(before);
    expect(fs.existsSync(path.join(configDir, 'contexts', 'tls'))).toBe(false);
  });
});

describe('removeDockerContext', () => {
  it('deletes the meta and TLS folders', () => {
    createDockerContext(where(), tlsRequest());
    createDockerContext(where(), { name: 'keep', host: 'ssh://me@keep' });
    expect(removeDockerContext(where(), 'build-tls')).toEqual({ removed: 'build-tls' });
    expect(fs.existsSync(path.join(configDir, 'contexts', 'meta', contextDirName('build-tls')))).toBe(false);
    expect(fs.existsSync(path.join(configDir, 'contexts', 'tls', contextDirName('build-tls')))).toBe(false);
    expect(listStoredContexts(configDir).map((c) => c.name)).toEqual(['keep']);
  });

  it('refuses default, the context in use (config.json or DOCKER_CONTEXT) and an unknown name, changing nothing', () => {
    createDockerContext(where(), { name: 'in-use', host: 'ssh://me@box' });
    createDockerContext(where(), { name: 'other', host: 'ssh://me@other' });
    writeCurrentContext(configDir, 'in-use');
    const before = tree();
    expectServiceError(() => removeDockerContext(where(), 'default'), 'CONFLICT', /cannot be removed/);
    expectServiceError(() => removeDockerContext(where(), 'in-use'), 'CONFLICT', /is in use; switch to another context first/);
    expectServiceError(() => removeDockerContext(where({ DOCKER_CONTEXT: 'other' }), 'other'), 'CONFLICT', /is in use/);
    expectServiceError(() => removeDockerContext(where(), 'nope'), 'NOT_FOUND', /"nope" was not found/);
    expect(tree()).toEqual(before);
    expect(readStoredContext(configDir, 'in-use')?.host).toBe('ssh://me@box');
  });
});
