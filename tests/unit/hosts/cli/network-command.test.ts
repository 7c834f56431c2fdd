import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NetworkMap } from '../../../../shared/model/network-map';
import { runCli } from '../../../../electron/hosts/cli/cli-program';
import { formatNetworkTree } from '../../../../electron/hosts/cli/format-network';
import { composeTestServices } from '../../../helpers/compose-test-services';
import { makeTempDir } from '../../../helpers/temp-dir';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.cleanup());

/** Runs `lightdock <argv>` in this process over the composed simulated host and engine, recording what network:map was asked. */
async function lightdock(...argv: string[]): Promise<{ code: number; out: string; err: string; asked: unknown[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const asked: unknown[] = [];
  const open = () => {
    const { services, dispatch } = composeTestServices(temp.dir, { LIGHTDOCK_ENGINE: 'simulated' });
    return {
      dispatch: (channel: unknown, request: unknown, client: { id: string }) => {
        if (channel === 'network:map') asked.push(request);
        return dispatch(channel, request, client);
      },
      close: () => services.dispose(),
    };
  };
  const code = await runCli(argv, open, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n'), asked };
}

describe('lightdock network', () => {
  it('checks the ports by default and prints the layers, the ports table with URL and reachability, and the problems', async () => {
    const { code, out, asked } = await lightdock('network');
    expect(code).toBe(0);
    expect(asked).toEqual([{ checkPorts: true }]);
    const lines = out.split('\n');
    expect(lines[0]).toBe('Engine: The simulated Docker engine answers, but its docker-desktop distro is stopped, so its containers are not placed in the VM; start docker-desktop to see them there.');
    expect(lines).toContain('WSL networking: NAT (the simulated host)');
    const sections = ['Map', 'Ports', 'Problems'].map((s) => lines.indexOf(s));
    expect(sections.every((i, n) => i > 0 && (n === 0 || i > (sections[n - 1] ?? 0)))).toBe(true);
    expect(lines).toContain('  Windows  vEthernet (WSL)  (modelled)');
    expect(out).toMatch(/└ \[172\.18\.0\.4\] shop-web-1 {2}172\.18\.0\.4 {2}running {2}\(modelled\)/);
    expect(lines[lines.indexOf('Ports') + 1]).toMatch(/^CONTAINER +PORT +TO +URL +REACHABILITY$/);
    expect(lines[lines.indexOf('Ports') + 2]).toMatch(/^shop-web-1 +127\.0\.0\.1:8080\/tcp +80 +http:\/\/localhost:8080 +listening: Something answers on 127\.0\.0\.1:8080\. \(modelled\)$/);
    expect(lines[lines.indexOf('Problems') + 1]).toMatch(/^warning {2}The WSL VM is stopped/);
  });

  it('--json prints the NetworkMap with each port, its URL and reachability; --no-check leaves them unchecked', async () => {
    const checked = await lightdock('network', '--json');
    const map = NetworkMap.parse(JSON.parse(checked.out));
    expect(map.ports[0]).toMatchObject({ url: 'http://localhost:8080', reachability: { state: 'listening', modelled: true } });
    expect(map.nodes.length).toBeGreaterThan(5);

    const unchecked = await lightdock('network', '--json', '--no-check');
    expect(unchecked.asked).toEqual([{ checkPorts: false }]);
    expect(NetworkMap.parse(JSON.parse(unchecked.out)).ports[0]?.reachability.state).toBe('unchecked');

    expect((await lightdock('network', '--check')).asked).toEqual([{ checkPorts: true }]);
  });

  it('prints a node reached twice once, then by name', () => {
    const node = (id: string) => ({ id, kind: 'container' as const, label: id, addresses: [], detail: null, modelled: false });
    const lines = formatNetworkTree({
      nodes: [node('a'), node('b'), node('c')],
      edges: [
        { from: 'a', to: 'b', label: null },
        { from: 'a', to: 'c', label: 'x' },
        { from: 'c', to: 'b', label: null },
      ],
    });
    expect(lines).toEqual(['a', '└ b', '└ [x] c', '  └ b (shown above)']);
  });
});
