import fs from 'node:fs';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { EVENT_CHANNELS, INVOKE_CHANNELS } from '../../../shared/ipc/channels';
import { eventContract, invokeContract, type InvokeRequest, type InvokeResponse } from '../../../shared/ipc/contract';
import { WebClientFrame } from '../../../shared/ipc/web-protocol';
import { containerRow, ContainerRow, ContainerSummary } from '../../../shared/model/container';
import type { Distro } from '../../../shared/model/distro';
import { APP_VERSION } from '../../../shared/version';

describe('IPC contract', () => {
  it('lists exactly the contract channels for the preload', () => {
    expect([...INVOKE_CHANNELS].sort()).toEqual(Object.keys(invokeContract).sort());
    expect([...EVENT_CHANNELS].sort()).toEqual(Object.keys(eventContract).sort());
  });

  it('names calls domain:verb and pushes domain:past-tense', () => {
    for (const channel of INVOKE_CHANNELS) expect(channel).toMatch(/^[a-z]+(?:-[a-z]+)*:[a-z-]+$/);
    for (const channel of EVENT_CHANNELS) expect(channel).toMatch(/^[a-z]+:[a-z-]+ed$/);
  });

  it('derives request and response types from the schemas', () => {
    expectTypeOf<InvokeRequest<'distros:start'>>().toEqualTypeOf<{ name: string }>();
    expectTypeOf<InvokeResponse<'distros:list'>>().toEqualTypeOf<Distro[]>();
  });

  it.each([
    [{ name: 'Ubuntu-24.04' }, true],
    [{ name: 'Ubuntu 24.04' }, false],
    [{ name: 'a;b' }, false],
    [{ name: 42 }, false],
    [{}, false],
    [{ name: 'Debian', extra: true }, false],
  ])('distros:start request %j valid: %s', (request, valid) => {
    expect(invokeContract['distros:start'].request.safeParse(request).success).toBe(valid);
  });

  it('lists containers as rows: labels, networks and mounts stay with the host and containers:inspect', () => {
    const summary = ContainerSummary.parse({
      id: 'c1', name: 'web', image: 'nginx', imageId: 'sha256:1', command: 'nginx', state: 'running', status: 'Up 1 minute', created: 1, composeProject: 'shop', composeService: 'web',
      ports: [{ privatePort: 80, publicPort: 8080, ip: '127.0.0.1', type: 'tcp' }],
      labels: { 'com.docker.compose.project': 'shop' },
      networks: [{ name: 'shop_default', ipAddress: '172.18.0.2', gateway: '172.18.0.1', macAddress: null }],
      mounts: [{ type: 'bind', source: '/home/dev', destination: '/app', mode: 'ro', rw: false }],
    });
    const row = containerRow(summary);
    expect(Object.keys(row).sort()).toEqual(Object.keys(ContainerRow.shape).sort());
    expect(row).toEqual({ ...summary, labels: undefined, networks: undefined, mounts: undefined });
    expect(summary.labels).toEqual({ 'com.docker.compose.project': 'shop' });
    expect(invokeContract['containers:list'].response.parse([row])).toEqual([row]);
    expect(eventContract['containers:changed'].parse([summary])).toEqual([row]);
  });

  it('refuses a distro row with an unknown state or version', () => {
    const row = { name: 'Debian', state: 'Running', version: 2, isDefault: false };
    expect(invokeContract['distros:start'].response.safeParse(row).success).toBe(true);
    expect(invokeContract['distros:start'].response.safeParse({ ...row, version: 3 }).success).toBe(false);
    expect(invokeContract['distros:start'].response.safeParse({ ...row, state: 'Flying' }).success).toBe(false);
  });

  it('accepts only well-formed browser frames', () => {
    expect(WebClientFrame.safeParse({ type: 'invoke', id: 1, channel: 'distros:list', request: {} }).success).toBe(true);
    expect(WebClientFrame.safeParse({ type: 'invoke', id: -1, channel: 'distros:list' }).success).toBe(false);
    expect(WebClientFrame.safeParse({ type: 'eval', code: '1' }).success).toBe(false);
  });

  it('keeps APP_VERSION equal to package.json', () => {
    const pkg = JSON.parse(fs.readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(APP_VERSION).toBe(pkg.version);
  });
});
