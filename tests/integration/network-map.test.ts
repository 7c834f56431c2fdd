import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NetworkMap, type PublishedPort } from '../../shared/model/network-map';
import type { Services } from '../../electron/hosts/common/compose-services';
import { probeTcpPort } from '../../electron/services/network/port-reachability';
import { composeTestServices } from '../helpers/compose-test-services';
import { docker, eventually, TEST_IMAGE, testDockerHost } from '../helpers/docker-engine';
import { runLightdock } from '../helpers/run-cli';
import { makeTempDir } from '../helpers/temp-dir';
import { freePort } from '../helpers/free-port';

const run = Math.random().toString(36).slice(2, 8);
const label = `lightdock.test.run=${run}`;
const name = (what: string): string => `ld-net-${run}-${what}`;

let temp: ReturnType<typeof makeTempDir>;
let services: Services;
const servers: net.Server[] = [];
const ids: Record<'listening' | 'quiet', string> = { listening: '', quiet: '' };

/** The host port the engine picked for a container's port 80. */
async function hostPort(id: string): Promise<number> {
  return Number((await docker('port', id, '80/tcp')).trim().split(':').at(-1));
}

const portOf = (map: NetworkMap, id: string): PublishedPort | undefined => map.ports.find((p) => p.containerId === id);

beforeAll(async () => {
  temp = makeTempDir();
  services = composeTestServices(temp.dir, { DOCKER_HOST: testDockerHost(), LIGHTDOCK_ENGINE: 'docker' }).services;
  ids.listening = (await docker('run', '-d', '--label', label, '--name', name('httpd'), '-p', '127.0.0.1::80', TEST_IMAGE, 'httpd', '-f', '-p', '80')).trim();
  ids.quiet = (await docker('run', '-d', '--label', label, '--name', name('sleep'), '-p', '127.0.0.1::80', TEST_IMAGE, 'sleep', '600')).trim();
}, 60_000);

afterAll(async () => {
  services.dispose();
  await Promise.all(servers.splice(0).map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  const leftovers = (await docker('ps', '-aq', '--filter', `label=${label}`)).split('\n').filter((s) => s !== '');
  if (leftovers.length > 0) await docker('rm', '-f', ...leftovers);
  temp.cleanup();
}, 60_000);

describe('the network map against a real dockerd on this Linux machine', () => {
  it("lists every container's address and published port, drawn host → bridge → container → port", async () => {
    const map = NetworkMap.parse(await services.network.map({ checkPorts: false }));
    expect(map.placement.kind).toBe('linux-host');
    expect(map.nodes.find((n) => n.id === 'host')).toMatchObject({ kind: 'host', label: 'This Linux machine', modelled: false });
    const running = (await docker('ps', '-q', '--no-trunc', '--filter', `label=${label}`)).split('\n').filter((s) => s !== '');
    expect(running).toHaveLength(2);
    for (const id of running) {
      const address = (await docker('inspect', '-f', '{{range .NetworkSettings.Networks}}{{.IPAddress}} {{end}}', id)).trim().split(' ').filter((s) => s !== '');
      expect(map.nodes.find((n) => n.id === `container:${id}`)?.addresses).toEqual(address);
    }
    for (const id of [ids.listening, ids.quiet]) {
      const port = await hostPort(id);
      expect(portOf(map, id)).toMatchObject({ privatePort: 80, publicPort: port, protocol: 'tcp', hostIp: '127.0.0.1', url: `http://localhost:${port}`, via: 'host', reachability: { state: 'unchecked' } });
      expect(map.edges).toContainEqual({ from: 'network:bridge', to: `container:${id}`, label: expect.stringMatching(/^172\./) as unknown });
      expect(map.edges).toContainEqual({ from: `container:${id}`, to: `port:${id}:${port}/tcp`, label: 'container port 80' });
    }
    expect(map.edges).toContainEqual({ from: 'host', to: 'network:bridge', label: expect.stringMatching(/^gateway /) as unknown });
  });

  it('tells a listening port from a published port nothing listens on (the proxy accepts, then drops)', async () => {
    const map = await eventually(async () => {
      const checked = await services.network.map({ checkPorts: true });
      expect(portOf(checked, ids.listening)?.reachability.state).toBe('listening');
      return checked;
    }, 15_000, 200);
    expect(portOf(map, ids.listening)?.reachability).toMatchObject({ state: 'listening', modelled: false });
    expect(portOf(map, ids.quiet)?.reachability).toMatchObject({
      state: 'nothing-listening',
      modelled: false,
      message: expect.stringContaining('published, but nothing listens on container port 80') as unknown,
    });
    const listeningPort = await hostPort(ids.listening);
    const quietPort = await hostPort(ids.quiet);
    expect(await services.network.checkPort({ containerId: name('httpd'), publicPort: listeningPort, protocol: 'tcp' })).toMatchObject({ state: 'listening' });
    expect(await services.network.checkPort({ containerId: ids.quiet, publicPort: quietPort, protocol: 'tcp' })).toMatchObject({ state: 'nothing-listening' });
  });

  it('lightdock network --json, in its own process, carries each port with its URL and reachability', async () => {
    const env = { PATH: process.env['PATH'], HOME: temp.dir, LIGHTDOCK_DATA_DIR: temp.dir, LIGHTDOCK_WSL_BACKEND: 'simulated', DOCKER_HOST: testDockerHost(), LIGHTDOCK_ENGINE: 'docker' };
    const { code, stdout } = await runLightdock(['network', '--json'], env, { from: 'source' });
    expect(code).toBe(0);
    const map = NetworkMap.parse(JSON.parse(stdout));
    const quietPort = await hostPort(ids.quiet);
    expect(portOf(map, ids.quiet)).toMatchObject({ url: `http://localhost:${quietPort}`, reachability: { state: 'nothing-listening', modelled: false } });
    expect(portOf(map, ids.listening)?.reachability.state).toBe('listening');
  });

  it('a port nobody publishes and nobody listens on is closed, also as the wanted port of a container not started', async () => {
    const port = await freePort();
    expect((await probeTcpPort(port)).state).toBe('closed');
    await docker('create', '--label', label, '--name', name('idle'), '-p', `127.0.0.1:${port}:80`, TEST_IMAGE, 'sleep', '600');
    expect(await services.network.checkPort({ containerId: name('idle'), publicPort: port, protocol: 'tcp' })).toMatchObject({ state: 'closed', modelled: false });
  });

  it('names a host port two containers ask for, one another process holds, and a container on --network none', async () => {
    const held = await hostPort(ids.listening);
    const clash = (await docker('create', '--label', label, '--name', name('clash'), '-p', `127.0.0.1:${held}:80`, TEST_IMAGE, 'sleep', '600')).trim();
    await expect(docker('start', clash)).rejects.toThrow(/already allocated|already in use/);
    const server = net.createServer((socket) => socket.on('error', () => undefined));
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const otherPort = (server.address() as net.AddressInfo).port;
    const blocked = (await docker('create', '--label', label, '--name', name('blocked'), '-p', `127.0.0.1:${otherPort}:80`, TEST_IMAGE, 'sleep', '600')).trim();
    const isolated = (await docker('run', '-d', '--label', label, '--name', name('isolated'), '--network', 'none', TEST_IMAGE, 'sleep', '600')).trim();

    const { problems } = await services.network.map({ checkPorts: true });
    expect(problems).toContainEqual(expect.objectContaining({ kind: 'port-conflict', id: `port-conflict:${held}/tcp`, subjects: expect.arrayContaining([ids.listening, clash]) as unknown }));
    expect(problems).toContainEqual(expect.objectContaining({ kind: 'port-taken', severity: 'error', subjects: [clash] }));
    expect(problems).toContainEqual(expect.objectContaining({ kind: 'port-taken', severity: 'warning', subjects: [blocked] }));
    expect(problems).toContainEqual(expect.objectContaining({ kind: 'network-none', subjects: [isolated] }));
    expect(await services.network.checkPort({ containerId: blocked, publicPort: otherPort, protocol: 'tcp' })).toMatchObject({
      state: 'listening',
      message: expect.stringContaining('another process holds the port') as unknown,
    });
  });
});
