import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { App } from '../../../renderer/src/App';
import { EngineStatusChip } from '../../../renderer/src/components/EngineStatusChip';
import { FakeLightdock } from '../fake-lightdock';
import { renderWithHost } from '../render-with-host';

afterEach(() => {
  cleanup();
  delete window.lightdock;
  window.location.hash = '';
});

/** Renders the chip over `host`, opens its menu, waits for build-box's probe (unreachable) and presses Escape. */
async function openProbeAndClose(host: FakeLightdock): Promise<void> {
  renderWithHost(<EngineStatusChip />, host);
  fireEvent.click(await screen.findByRole('button', { name: 'Engine: simulated' }));
  const menu = await screen.findByRole('menu', { name: 'Container engine' });
  await within(menu).findByText('unreachable');
  fireEvent.keyDown(menu, { key: 'Escape' });
}

/** Waits for the reopened menu to show build-box connected; answers the menu. */
async function expectBuildBoxConnected(): Promise<HTMLElement> {
  const reopened = await screen.findByRole('menu', { name: 'Container engine' });
  const buildBox = await within(reopened).findByRole('menuitem', { name: /build-box/ });
  await waitFor(() => expect(within(buildBox).getByText('connected')).toBeTruthy());
  return reopened;
}

describe('EngineStatusChip', { timeout: 20_000 }, () => {
  it('labels a simulated engine as simulated', async () => {
    renderWithHost(<EngineStatusChip />);
    const chip = await screen.findByText('Engine: simulated');
    fireEvent.mouseOver(chip);
    expect((await screen.findByRole('tooltip')).textContent).toMatch(/simulated: no real Docker engine/);
  });

  it('follows engine:status-changed for a Docker engine: connected, reconnecting, unreachable with the message', async () => {
    const host = new FakeLightdock();
    host.engine.status = { ...host.engine.status, kind: 'docker', endpoint: 'unix:///var/run/docker.sock' };
    renderWithHost(<EngineStatusChip />, host);
    expect(await screen.findByText('Docker: connected')).toBeTruthy();
    act(() => host.emit('engine:status-changed', { ...host.engine.status, state: 'reconnecting', message: 'Retrying.' }));
    expect(screen.getByText('Docker: reconnecting')).toBeTruthy();
    act(() => host.emit('engine:status-changed', { ...host.engine.status, state: 'unreachable', message: 'Is Docker running?' }));
    const chip = screen.getByText('Docker: unreachable');
    fireEvent.mouseOver(chip);
    expect((await screen.findByRole('tooltip')).textContent).toContain('Is Docker running?');
  });

  it('sits in the app bar, and the navigation offers Containers, Images and Volumes but no detail page', async () => {
    renderWithHost(<App />);
    expect(await within(screen.getByRole('banner')).findByText('Engine: simulated')).toBeTruthy();
    const labels = within(screen.getByRole('navigation', { name: 'Main' }))
      .getAllByRole('button')
      .map((item) => item.textContent);
    expect(labels).toEqual(expect.arrayContaining(['Containers', 'Images', 'Volumes']));
    expect(labels).not.toContain('Container');
  });

  it('opens a container detail page from its hash', async () => {
    window.location.hash = '#/container/redis';
    renderWithHost(<App />);
    expect(await screen.findByRole('heading', { name: 'redis', level: 2 })).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Overview' })).toBeTruthy();
  });

  it('opens a menu of Docker contexts, lists them only then, and switches the engine to the one chosen', async () => {
    const host = new FakeLightdock();
    renderWithHost(<EngineStatusChip />, host);
    await screen.findByRole('button', { name: 'Engine: simulated' });
    expect(host.callsTo('engine:contexts')).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'Engine: simulated' }));
    const menu = await screen.findByRole('menu', { name: 'Container engine' });
    expect(host.callsTo('engine:contexts')).toHaveLength(1);
    await within(menu).findByRole('menuitem', { name: /build-box/ });
    expect(within(menu).getByRole('menuitem', { name: /default/ }).className).toContain('Mui-selected');
    fireEvent.click(within(menu).getByRole('menuitem', { name: /build-box/ }));
    await waitFor(() => expect(screen.queryByRole('menu')).toBeNull());
    expect(screen.getByRole('button', { name: 'Docker: connected' })).toBeTruthy();
    expect(host.callsTo('engine:use-context')).toEqual([{ name: 'build-box' }]);
  });

  it('keeps the menu open with the reason when a switch is refused, and goes to the engine settings', async () => {
    const host = new FakeLightdock();
    host.failWith('engine:use-context', { code: 'CONFLICT', message: 'DOCKER_CONTEXT is set (ci) and overrides the Docker context.' });
    renderWithHost(<EngineStatusChip />, host);
    fireEvent.click(await screen.findByRole('button', { name: 'Engine: simulated' }));
    const menu = await screen.findByRole('menu', { name: 'Container engine' });
    fireEvent.click(await within(menu).findByRole('menuitem', { name: /build-box/ }));
    expect(await within(menu).findByText(/DOCKER_CONTEXT is set \(ci\)/)).toBeTruthy();
    expect(screen.getByText('Engine: simulated')).toBeTruthy();
    fireEvent.click(within(menu).getByRole('menuitem', { name: 'Engine settings…' }));
    expect(window.location.hash).toBe('#/settings');
  });

  it('lists every context in its menu with its live status: a dot, connected or unreachable, and the sentence', async () => {
    const host = new FakeLightdock();
    renderWithHost(<EngineStatusChip />, host);
    fireEvent.click(await screen.findByRole('button', { name: 'Engine: simulated' }));
    const menu = await screen.findByRole('menu', { name: 'Container engine' });
    const buildBox = await within(menu).findByRole('menuitem', { name: /build-box/ });
    await waitFor(() => expect(within(buildBox).getByText('unreachable')).toBeTruthy());
    expect(within(buildBox).getByText(/ssh could not reach build-box \(Connection refused\)/)).toBeTruthy();
    const local = within(menu).getByRole('menuitem', { name: /default/ });
    await waitFor(() => expect(within(local).getByText('connected')).toBeTruthy());
    expect(within(local).getByText('Docker 27.5.1 · unix:///var/run/docker.sock')).toBeTruthy();
    expect(host.callsTo('engine:probe-context')).toEqual([{ name: 'default' }, { name: 'build-box' }]);
  });

  it('probes the contexts again each time the menu opens', async () => {
    const host = new FakeLightdock();
    await openProbeAndClose(host);
    await waitFor(() => expect(screen.queryByRole('menu')).toBeNull());
    host.engine.probes = {};
    fireEvent.click(screen.getByRole('button', { name: 'Engine: simulated' }));
    await expectBuildBoxConnected();
    expect(host.callsTo('engine:probe-context')).toHaveLength(4);
  });

  it('probes again when the menu reopens before its closing transition has ended', async () => {
    const host = new FakeLightdock();
    await openProbeAndClose(host);
    host.engine.probes = {};
    fireEvent.click(screen.getByRole('button', { name: 'Engine: simulated', hidden: true }));
    const reopened = await expectBuildBoxConnected();
    expect(within(reopened).queryByText('unreachable')).toBeNull();
    expect(host.callsTo('engine:probe-context')).toHaveLength(4);
  });
});
