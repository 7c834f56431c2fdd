import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDockerContext, removeDockerContext } from '../../../electron/services/docker/endpoint/context-store';
import { listDockerContexts } from '../../../electron/services/docker/endpoint/docker-contexts';
import { resolveEndpoint, type EndpointEnvironment } from '../../../electron/services/docker/endpoint/resolve-endpoint';
import { dockerWithHome } from '../../helpers/docker-engine';
import { makeTempDir } from '../../helpers/temp-dir';
import { makeTlsFiles } from '../../helpers/pem-files';

// The docker CLI and Lightdock share one context store (HOME/.docker here): each must read what the other writes.

let temp: ReturnType<typeof makeTempDir>;
let home: string;
let pem: { ca: string; cert: string; key: string };

interface InspectedContext {
  Name: string;
  Metadata: { Description?: string };
  Endpoints: { docker: { Host: string; SkipTLSVerify: boolean } };
  TLSMaterial: { docker?: string[] };
}

function where(): EndpointEnvironment {
  return { env: {}, platform: 'linux', homeDir: home };
}

async function dockerContexts(): Promise<{ Name: string; DockerEndpoint: string; Description: string }[]> {
  const out = await dockerWithHome(home, ['context', 'ls', '--format', '{{json .}}'], 30_000);
  return out
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as { Name: string; DockerEndpoint: string; Description: string });
}

async function inspect(name: string): Promise<InspectedContext> {
  const [context] = JSON.parse(await dockerWithHome(home, ['context', 'inspect', name], 30_000)) as InspectedContext[];
  if (context === undefined) throw new Error(`docker context inspect ${name} answered nothing`);
  return context;
}

beforeAll(() => {
  temp = makeTempDir();
  home = path.join(temp.dir, 'home');
  fs.mkdirSync(home);
  pem = makeTlsFiles(temp.dir);
});
afterAll(() => temp.cleanup());

describe('Docker contexts shared with the docker CLI', () => {
  it('the docker CLI lists and inspects the contexts Lightdock creates, TLS material included', async () => {
    createDockerContext(where(), { name: 'ld-ssh', host: 'ssh://builder@127.0.0.1:2222', description: 'Build server' });
    createDockerContext(where(), { name: 'ld-tls', host: 'tcp://127.0.0.1:2376', tls: { ...pem, skipVerify: true } });
    const listed = await dockerContexts();
    expect(listed.map((c) => [c.Name, c.DockerEndpoint, c.Description])).toEqual(
      expect.arrayContaining([
        ['ld-ssh', 'ssh://builder@127.0.0.1:2222', 'Build server'],
        ['ld-tls', 'tcp://127.0.0.1:2376', ''],
      ]),
    );
    expect(await inspect('ld-ssh')).toMatchObject({
      Name: 'ld-ssh',
      Metadata: { Description: 'Build server' },
      Endpoints: { docker: { Host: 'ssh://builder@127.0.0.1:2222', SkipTLSVerify: false } },
    });
    const tls = await inspect('ld-tls');
    expect(tls.Endpoints.docker).toEqual({ Host: 'tcp://127.0.0.1:2376', SkipTLSVerify: true });
    expect([...(tls.TLSMaterial.docker ?? [])].sort()).toEqual(['ca.pem', 'cert.pem', 'key.pem']);
    // The docker CLI can use and remove what Lightdock wrote.
    await dockerWithHome(home, ['context', 'rm', 'ld-tls'], 30_000);
    expect(listDockerContexts(where()).map((c) => c.name)).toEqual(['default', 'ld-ssh']);
  });

  it('Lightdock reads and removes the contexts the docker CLI creates', async () => {
    await dockerWithHome(home, ['context', 'create', 'cli-tls', '--description', 'made by docker', '--docker', `host=tcp://127.0.0.1:2376,ca=${pem.ca},cert=${pem.cert},key=${pem.key}`], 30_000);
    expect(listDockerContexts(where())).toContainEqual({ name: 'cli-tls', endpoint: 'tcp://127.0.0.1:2376', description: 'made by docker', current: false });
    const endpoint = resolveEndpoint(where(), 'cli-tls');
    expect(endpoint.tls?.verify).toBe(true);
    expect(fs.readFileSync(endpoint.tls?.caFile ?? '')).toEqual(fs.readFileSync(pem.ca));
    expect(fs.readFileSync(endpoint.tls?.keyFile ?? '')).toEqual(fs.readFileSync(pem.key));

    await dockerWithHome(home, ['context', 'use', 'cli-tls'], 30_000);
    expect(() => removeDockerContext(where(), 'cli-tls')).toThrow(/is in use/);
    await dockerWithHome(home, ['context', 'use', 'default'], 30_000);
    expect(removeDockerContext(where(), 'cli-tls')).toEqual({ removed: 'cli-tls' });
    expect((await dockerContexts()).map((c) => c.Name)).not.toContain('cli-tls');
    // A name taken by the docker CLI is a conflict for Lightdock too.
    await dockerWithHome(home, ['context', 'create', 'cli-ssh', '--docker', 'host=ssh://me@127.0.0.1'], 30_000);
    expect(() => createDockerContext(where(), { name: 'cli-ssh', host: 'tcp://127.0.0.1:2375' })).toThrow(/already exists/);
  });
});
