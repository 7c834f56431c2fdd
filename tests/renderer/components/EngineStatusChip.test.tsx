import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { App } from '../../../renderer/src/App';
import { EngineStatusChip } from '../../../renderer/src/components/EngineStatusChip';
import { FakeLightdock } from '../fake-lightdock';
import { renderWithHost } from '../render-with-host';

afterEach(() => {
  cleanup();
  delete window.lightdock;
  window.location.hash = '';
});

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
});
