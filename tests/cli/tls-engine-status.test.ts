import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dockerAt } from '../helpers/docker-engine';
import { runLightdock, type CliResult } from '../helpers/run-cli';
import { makeTempDir } from '../helpers/temp-dir';
import { startTlsEngine, stopTlsEngine, type TlsEngine } from '../helpers/tls-engine';

let temp: ReturnType<typeof makeTempDir>;
let engine: TlsEngine;

/** `lightdock <args>` from source in its own process against the TLS engine, with DOCKER_TLS_VERIFY=1 and `certPath`. */
function lightdock(args: string[], certPath: string): Promise<CliResult> {
  const env = {
    PATH: process.env['PATH'],
    HOME: temp.dir,
    LIGHTDOCK_DATA_DIR: temp.dir,
    LIGHTDOCK_WSL_BACKEND: 'simulated',
    LIGHTDOCK_ENGINE: 'docker',
    DOCKER_HOST: engine.host,
    DOCKER_TLS_VERIFY: '1',
    DOCKER_CERT_PATH: certPath,
  };
  return runLightdock(args, env, { from: 'source' });
}

beforeAll(async () => {
  temp = makeTempDir('lightdock-cli-tls-');
  engine = await startTlsEngine(path.join(temp.dir, 'tls-dockerd'));
}, 180_000);

afterAll(async () => {
  if (engine !== undefined) await stopTlsEngine(path.join(temp.dir, 'tls-dockerd'));
  temp.cleanup();
}, 120_000);

describe('lightdock engine status against a --tlsverify dockerd', () => {
  it('says connected with the right certificates, with the engine version', async () => {
    const version = (await dockerAt(engine.unixHost, ['version', '--format', '{{.Server.Version}} {{.Server.APIVersion}}'])).trim().split(' ');
    const text = await lightdock(['engine', 'status'], engine.clientCerts);
    expect(text).toMatchObject({ code: 0, stdout: `Engine docker: connected at ${engine.host} · Docker ${version[0]}, API ${version[1]}\n` });
    const json = await lightdock(['engine', 'status', '--json'], engine.clientCerts);
    expect(JSON.parse(json.stdout)).toMatchObject({ kind: 'docker', state: 'connected', endpoint: engine.host, context: null, message: null });
  }, 60_000);

  it('says the engine certificate is not trusted with the wrong CA, and a command fails with that sentence', async () => {
    const sentence = `The Docker engine at ${engine.host} presented a TLS certificate that the CA certificate given (ca.pem) does not trust (UNABLE_TO_VERIFY_LEAF_SIGNATURE); use the CA that signed the engine's certificate.`;
    const status = await lightdock(['engine', 'status'], engine.wrongCaCerts);
    expect(status.stdout.trim()).toBe(`Engine docker: unreachable at ${engine.host} · ${sentence}`);
    expect(status.stdout).not.toContain('not running');
    const listed = await lightdock(['containers', 'list'], engine.wrongCaCerts);
    expect(listed).toMatchObject({ code: 1, stderr: `lightdock: ${sentence}\n` });
  }, 60_000);

  it('says the client certificate was refused when DOCKER_CERT_PATH holds only ca.pem (docker-modem no longer throws on it)', async () => {
    const status = await lightdock(['engine', 'status'], engine.caOnlyCerts);
    expect(status.stderr).toBe('');
    expect(status.stdout).toMatch(/· The Docker engine at tcp:\/\/127\.0\.0\.1:\d+ wants a TLS client certificate signed by its CA and refused the one given, or its absence \(remote error: (bad certificate|certificate required)\)/);
  }, 60_000);
});
