import { describe, expect, it } from 'vitest';
import type { PublishedPort } from '../../../../shared/model/network-map';
import { checkPublishedPort, type CheckContext } from '../../../../electron/services/network/port-checks';
import type { ProbeOutcome } from '../../../../electron/services/network/port-reachability';
import { publishedPorts } from '../../../../electron/services/network/port-urls';
import { container, placement, runningVm, tcp } from './network-fixtures';

/** A check context whose 127.0.0.1 probe answers `outcome` and records the ports it was asked about. */
function context(outcome: ProbeOutcome, extra: Partial<CheckContext> = {}): CheckContext & { probed: number[] } {
  const probed: number[] = [];
  return {
    placement: placement('linux-host'),
    vm: null,
    now: () => 1000,
    probe: async (port) => {
      probed.push(port);
      return outcome;
    },
    probed,
    ...extra,
  };
}

const only = (binding: ReturnType<typeof tcp> | { privatePort: number; publicPort: number; ip: string; type: 'udp' }): PublishedPort => {
  const [port] = publishedPorts([container('web', 'running', [binding])], { placement: placement('linux-host'), vm: null, remoteHost: null });
  if (port === undefined) throw new Error('no port');
  return port;
};
const running = { state: 'running' as const, listensOn: null };
const listening: ProbeOutcome = { state: 'listening', message: 'Something answers on 127.0.0.1:8080.' };

describe('checkPublishedPort', () => {
  it('probes 127.0.0.1 for a port bound to every interface or to 127.0.0.1, and names the proxy case', async () => {
    for (const ip of ['0.0.0.0', '::', '127.0.0.1']) {
      const ctx = context(listening);
      expect(await checkPublishedPort(only(tcp(80, 8080, ip)), running, ctx)).toEqual({ state: 'listening', modelled: false, message: listening.message, checkedAt: 1000 });
      expect(ctx.probed).toEqual([8080]);
    }
    const dropped = await checkPublishedPort(only(tcp(80, 8080)), running, context({ state: 'nothing-listening', message: 'dropped' }));
    expect(dropped).toMatchObject({ state: 'nothing-listening', message: "Port 8080 is published, but nothing listens on container port 80: the engine's proxy accepts the connection and drops it at once." });
  });

  it('never probes another address: a port bound to one non-loopback address or to ::1 is not-local', async () => {
    for (const ip of ['10.0.0.5', '::1']) {
      const ctx = context(listening);
      expect(await checkPublishedPort(only(tcp(80, 8080, ip)), running, ctx)).toMatchObject({ state: 'not-local', message: `Port 8080 is bound to ${ip} only; Lightdock checks 127.0.0.1 only.` });
      expect(ctx.probed).toEqual([]);
    }
  });

  it('a remote engine is not-local and UDP is unsupported, without a probe', async () => {
    const remote = context(listening, { placement: placement('remote') });
    expect((await checkPublishedPort(only(tcp(80, 8080)), running, remote)).state).toBe('not-local');
    const udp = context(listening);
    expect((await checkPublishedPort(only({ privatePort: 53, publicPort: 5353, ip: '0.0.0.0', type: 'udp' }), running, udp)).state).toBe('unsupported');
    expect([...remote.probed, ...udp.probed]).toEqual([]);
  });

  it('a closed port in a VM with localhost forwarding off says why 127.0.0.1 does not reach it', async () => {
    const ctx = context({ state: 'closed', message: 'Nothing accepts connections on 127.0.0.1:8080.' }, { placement: placement('wsl-distro'), vm: runningVm({ localhostForwarding: false }).network });
    expect((await checkPublishedPort(only(tcp(80, 8080)), running, ctx)).message).toBe(
      'Nothing accepts connections on 127.0.0.1:8080. localhostForwarding is off, so 127.0.0.1 does not reach the VM.',
    );
  });

  it("on the simulated engine answers the model, labelled, and never probes", async () => {
    const ctx = context(listening, { placement: placement('wsl-distro', { simulated: true }), vm: runningVm().network });
    const port = only(tcp(80, 8080));
    expect(await checkPublishedPort(port, { state: 'running', listensOn: [80] }, ctx)).toEqual({ state: 'listening', modelled: true, message: 'Something answers on 127.0.0.1:8080. (modelled)', checkedAt: 1000 });
    expect((await checkPublishedPort(port, { state: 'running', listensOn: [] }, ctx)).state).toBe('nothing-listening');
    expect((await checkPublishedPort(port, { state: 'exited', listensOn: [80] }, ctx)).state).toBe('closed');
    expect((await checkPublishedPort(port, { state: 'paused', listensOn: [80] }, ctx)).message).toMatch(/paused/);
    const off = context(listening, { placement: placement('wsl-distro', { simulated: true }), vm: runningVm({ localhostForwarding: false }).network });
    expect((await checkPublishedPort(port, { state: 'running', listensOn: [80] }, off)).state).toBe('closed');
    expect([...ctx.probed, ...off.probed]).toEqual([]);
  });
});
