import { describe, expect, it } from 'vitest';
import { NetworkMap } from '../../../../shared/model/network-map';
import type { SimulatedEngine } from '../../../../electron/services/docker/simulated/simulated-engine';
import { composeTestServices, useSimulatedTestServices } from '../../../helpers/compose-test-services';
import { rejection } from '../../../helpers/service-error';

const env = useSimulatedTestServices();

const simulatedEngine = async (): Promise<SimulatedEngine> => (await env.services.engine.current()) as SimulatedEngine;

describe('NetworkService on the simulated host and engine', () => {
  it('maps every container address and published port, with the URL from Windows and nothing checked yet', async () => {
    const map = NetworkMap.parse(await env.services.network.map({ checkPorts: false }));
    expect(map).toMatchObject({ simulated: true, mode: 'nat', placement: { kind: 'wsl-distro', simulated: true } });
    const containers = await env.services.engine.list();
    for (const c of containers.filter((x) => x.state === 'running')) {
      const node = map.nodes.find((n) => n.id === `container:${c.id}`);
      expect(node?.addresses).toEqual(c.networks.map((n) => n.ipAddress).filter((ip) => ip !== null));
    }
    const web = containers.find((c) => c.name === 'shop-web-1');
    expect(map.ports).toEqual([
      {
        id: `${web?.id}:8080/tcp`,
        containerId: web?.id,
        containerName: 'shop-web-1',
        privatePort: 80,
        publicPort: 8080,
        protocol: 'tcp',
        hostIp: '127.0.0.1',
        url: 'http://localhost:8080',
        via: 'localhost',
        reachability: { state: 'unchecked', modelled: false, message: 'Not checked.', checkedAt: null },
      },
    ]);
    expect(map.nodes.every((n) => n.modelled)).toBe(true);
    const sidecar = containers.find((c) => c.name === 'sidecar');
    expect(map.edges).toContainEqual({ from: `container:${web?.id}`, to: `container:${sidecar?.id}`, label: 'shares its network namespace' });
    expect(map.nodes.find((n) => n.id === 'network:shop_default')).toMatchObject({ addresses: ['172.18.0.0/16', '172.18.0.1'], detail: 'driver bridge, gateway 172.18.0.1' });
  });

  it("checks tell the model's listener from a published port nothing listens on, labelled modelled", async () => {
    const engine = await simulatedEngine();
    const quiet = engine.createForTest({ name: 'quiet', publish: { containerPort: 9000, hostPort: 9000 } });
    const map = await env.services.network.map({ checkPorts: true });
    const web = map.ports.find((p) => p.publicPort === 8080);
    expect(web?.reachability).toMatchObject({ state: 'listening', modelled: true });
    expect(map.ports.find((p) => p.containerId === quiet)?.reachability).toMatchObject({
      state: 'nothing-listening',
      modelled: true,
      message: expect.stringContaining('published, but nothing listens on container port 9000') as unknown,
    });
    expect(await env.services.network.checkPort({ containerId: 'shop-web-1', publicPort: 8080, protocol: 'tcp' })).toMatchObject({ state: 'listening', modelled: true });
    expect(await env.services.network.checkPort({ containerId: quiet.slice(0, 12), publicPort: 9000, protocol: 'tcp' })).toMatchObject({ state: 'nothing-listening' });
  });

  it('names two containers asking for one host port and a container on --network none', async () => {
    const engine = await simulatedEngine();
    const copy = engine.createForTest({ name: 'web-copy', publish: { containerPort: 80, hostPort: 8080 }, start: false });
    const isolated = engine.createForTest({ name: 'isolated', networkNone: true });
    const { problems } = await env.services.network.map({ checkPorts: false });
    const web = (await env.services.engine.list()).find((c) => c.name === 'shop-web-1');
    expect(problems.find((p) => p.kind === 'port-conflict')).toMatchObject({
      message: 'shop-web-1 and web-copy both ask for host port 8080/tcp; only one can have it at a time (shop-web-1 has it now).',
      subjects: expect.arrayContaining([copy, web?.id]) as unknown,
    });
    expect(problems.find((p) => p.kind === 'network-none')?.subjects).toEqual([isolated]);
    expect(await env.services.network.checkPort({ containerId: 'web-copy', publicPort: 8080, protocol: 'tcp' })).toMatchObject({ state: 'closed', modelled: true });
  });

  it('refuses an unknown container or a port it does not publish, and says so for UDP', async () => {
    expect((await rejection(env.services.network.checkPort({ containerId: 'nope', publicPort: 80, protocol: 'tcp' }))).code).toBe('NOT_FOUND');
    const error = await rejection(env.services.network.checkPort({ containerId: 'shop-web-1', publicPort: 8081, protocol: 'tcp' }));
    expect(error).toMatchObject({ code: 'NOT_FOUND', message: 'shop-web-1 publishes no tcp port 8081.' });
  });

  it('goes through the IPC contract: network:map and network:check-port answer what the schema parses', async () => {
    const { dispatch, services: own } = composeTestServices(env.dataDir, { LIGHTDOCK_ENGINE: 'simulated' });
    try {
      const map = await dispatch('network:map', { checkPorts: true }, { id: 'test' });
      expect(map.ok).toBe(true);
      const refused = await dispatch('network:check-port', { containerId: 'shop-web-1', publicPort: 0, protocol: 'tcp' }, { id: 'test' });
      expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    } finally {
      own.dispose();
    }
  });

  it('with no engine answering, draws the WSL part and names the problem', async () => {
    await env.services.engine.stopEngine();
    const map = NetworkMap.parse(await env.services.network.map({ checkPorts: true }));
    expect(map.placement.kind).toBe('none');
    expect(map.ports).toEqual([]);
    expect(map.problems.map((p) => p.kind)).toContain('engine-unreachable');
    expect(map.nodes.map((n) => n.kind)).toEqual(['windows', 'vm', 'nat']);
    expect((await rejection(env.services.network.checkPort({ containerId: 'shop-web-1', publicPort: 8080, protocol: 'tcp' }))).code).toBe('UNAVAILABLE');
  });
});
