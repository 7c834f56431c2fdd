import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dockerodeOptions } from '../../../../../electron/services/docker/endpoint/dockerode-options';
import type { DockerEndpoint, EndpointTls } from '../../../../../electron/services/docker/endpoint/resolve-endpoint';
import { readTlsMaterial } from '../../../../../electron/services/docker/endpoint/tls-files';
import { makeTempDir } from '../../../../helpers/temp-dir';

let temp: ReturnType<typeof makeTempDir>;

/** A DOCKER_CERT_PATH-like folder with the named files, each a PEM-looking text naming itself. */
function certDir(name: string, files: string[]): { dir: string; verify: boolean; caFile: string; certFile: string; keyFile: string } {
  const dir = path.join(temp.dir, name);
  fs.mkdirSync(dir, { recursive: true });
  for (const file of files) fs.writeFileSync(path.join(dir, file), `-----BEGIN ${file}-----\n`);
  return { dir, verify: true, caFile: path.join(dir, 'ca.pem'), certFile: path.join(dir, 'cert.pem'), keyFile: path.join(dir, 'key.pem') };
}

const fromEnv = (tls: EndpointTls): DockerEndpoint => ({ host: 'tcp://127.0.0.1:2376', context: null, source: 'DOCKER_HOST', tls });
const fromContext = (tls: EndpointTls): DockerEndpoint => ({ host: 'tcp://127.0.0.1:2376', context: 'remote', source: 'context', tls });

beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.cleanup());

describe('TLS files of a tcp:// endpoint (dockerodeOptions)', () => {
  it('reads all three into ca, cert and key', () => {
    const tls = certDir('all', ['ca.pem', 'cert.pem', 'key.pem']);
    const options = dockerodeOptions(fromEnv(tls), {});
    expect(options).toMatchObject({ protocol: 'https', host: '127.0.0.1', port: '2376' });
    expect([String(options.ca), String(options.cert), String(options.key)]).toEqual(['-----BEGIN ca.pem-----\n', '-----BEGIN cert.pem-----\n', '-----BEGIN key.pem-----\n']);
  });

  it('refuses DOCKER_TLS_VERIFY without the CA certificate, naming the file, as the docker CLI does', () => {
    const tls = certDir('no-ca', ['cert.pem', 'key.pem']);
    expect(() => dockerodeOptions(fromEnv(tls), {})).toThrowError(
      expect.objectContaining({
        code: 'VALIDATION',
        message: `Could not read the TLS CA certificate ${tls.caFile}: no such file; DOCKER_TLS_VERIFY needs DOCKER_CERT_PATH to hold ca.pem, cert.pem and key.pem.`,
      }),
    );
    expect(() => dockerodeOptions(fromEnv({ ...certDir('none', []), caFile: path.join(temp.dir, 'missing', 'ca.pem') }), {})).toThrowError(/missing\/ca\.pem: no such file/);
  });

  it("lets a context without ca.pem use the system's roots, and verification off go without it", () => {
    const tls = certDir('context-no-ca', ['cert.pem', 'key.pem']);
    expect(dockerodeOptions(fromContext(tls), {}).ca).toBeUndefined();
    expect(dockerodeOptions(fromEnv({ ...tls, verify: false }), {}).ca).toBeUndefined();
  });

  it('sends no client certificate when neither cert.pem nor key.pem is there (the engine then refuses in the handshake)', () => {
    const options = dockerodeOptions(fromEnv(certDir('ca-only', ['ca.pem'])), {});
    expect(options.cert).toBeUndefined();
    expect(options.key).toBeUndefined();
    expect(String(options.ca)).toBe('-----BEGIN ca.pem-----\n');
  });

  it('refuses a client certificate without its key and a key without its certificate, naming the missing file', () => {
    const noKey = certDir('no-key', ['ca.pem', 'cert.pem']);
    expect(() => dockerodeOptions(fromEnv(noKey), {})).toThrowError(`Could not read the TLS client key ${noKey.keyFile}: no such file, and the client certificate ${noKey.certFile} needs it.`);
    const noCert = certDir('no-cert', ['ca.pem', 'key.pem']);
    expect(() => dockerodeOptions(fromContext(noCert), {})).toThrowError(`Could not read the TLS client certificate ${noCert.certFile}: no such file, and the client key ${noCert.keyFile} needs it.`);
  });

  it('refuses a file that cannot be read or is not PEM rather than dropping it', () => {
    const dirAsCa = certDir('dir-ca', ['cert.pem', 'key.pem']);
    fs.mkdirSync(dirAsCa.caFile);
    expect(() => readTlsMaterial(dirAsCa, false)).toThrowError(`Could not read the TLS CA certificate ${dirAsCa.caFile}: it is a directory.`);
    const garbage = certDir('garbage', ['ca.pem', 'key.pem']);
    fs.writeFileSync(garbage.certFile, 'not a certificate');
    expect(() => dockerodeOptions(fromEnv(garbage), {})).toThrowError(`Could not read the TLS client certificate ${garbage.certFile}: it is not a PEM file (no -----BEGIN line).`);
    const huge = certDir('huge', ['ca.pem', 'cert.pem']);
    fs.writeFileSync(huge.keyFile, Buffer.alloc(1024 * 1024 + 1, 'a'));
    expect(() => readTlsMaterial(huge, true)).toThrowError(/key\.pem: it is larger than 1 MiB/);
  });
});
