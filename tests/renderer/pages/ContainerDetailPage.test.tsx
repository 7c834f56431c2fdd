import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ContainerDetailPage } from '../../../renderer/src/pages/ContainerDetailPage';
import { MAX_LOG_LINES } from '../../../renderer/src/features/container-detail/useLogStream';
import { SEEDED_CONTAINERS } from '../fake-engine';
import { FakeLightdock } from '../fake-lightdock';
import { renderWithHost } from '../render-with-host';

// DataGrid renders slowly in jsdom on a busy machine: give async queries more time than the 1 s default.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  cleanup();
  delete window.lightdock;
  window.location.hash = '';
});

async function renderDetail(name: string, host = new FakeLightdock()): Promise<FakeLightdock> {
  renderWithHost(<ContainerDetailPage param={name} />, host);
  await screen.findByRole('heading', { name, level: 2 });
  return host;
}

function openTab(name: string): void {
  fireEvent.click(screen.getByRole('tab', { name }));
}

function namespaceRow(kind: string): HTMLElement {
  const cell = within(screen.getByRole('table', { name: 'Namespaces' })).getByRole('rowheader', { name: kind });
  const found = cell.closest<HTMLElement>('tr');
  if (found === null) throw new Error(`no row for ${kind}`);
  return found;
}

describe('ContainerDetailPage', { timeout: 20_000 }, () => {
  it('shows the namespaces: the pid namespace of a --pid host container is shared with the host', async () => {
    await renderDetail('monitor');
    expect(within(namespaceRow('pid')).getByText('Shared with the host')).toBeTruthy();
    expect(within(namespaceRow('net')).getByText('Isolated')).toBeTruthy();
    expect(within(namespaceRow('pid')).getByText(/Process IDs/)).toBeTruthy();
  });

  it('names the container whose network namespace a sidecar shares, with a link to it', async () => {
    await renderDetail('sidecar');
    const shared = within(namespaceRow('net')).getByRole('link', { name: 'Shared with shop-web-1' });
    expect(shared.getAttribute('href')).toBe('#/container/shop-web-1');
    expect(screen.getByText(/it uses another container’s network/)).toBeTruthy();
  });

  it('sets each cgroup limit against its use: memory and processes as bars, CPU quota as cores', async () => {
    const host = await renderDetail('shop-db-1');
    expect(screen.getByRole('progressbar', { name: 'Memory: 128 MiB of 512 MiB' }).getAttribute('aria-valuenow')).toBe('25');
    expect(screen.getByRole('progressbar', { name: 'Processes: 7 of 100' })).toBeTruthy();
    expect(screen.getByText('limit 1.5 cores')).toBeTruthy();
    await waitFor(() => expect(host.callsTo('stats:watch')).toEqual([{ ids: [host.engine.idOf('shop-db-1')] }]));
    act(() => host.emit('stats:sampled', { subscriptionId: 'stats-1', samples: [host.engine.sample('shop-db-1', 75, 256)] }));
    expect(screen.getByRole('progressbar', { name: 'Memory: 256 MiB of 512 MiB' })).toBeTruthy();
    expect(screen.getByRole('progressbar', { name: 'CPU: 0.75 cores of 1.5 cores' }).getAttribute('aria-valuenow')).toBe('50');
  });

  it('says when a container has no limits', async () => {
    await renderDetail('shop-web-1');
    expect(screen.getByText(/No limit: it may use all the memory/)).toBeTruthy();
    expect(screen.getByText(/No quota: it may use every CPU/)).toBeTruthy();
    expect(screen.queryByRole('progressbar', { name: /^Memory/ })).toBeNull();
  });

  it('follows the log, filters it by search, keeps at most the cap, and stops following on unmount', async () => {
    const host = await renderDetail('shop-web-1');
    openTab('Logs');
    await waitFor(() => expect(host.callsTo('logs:follow')).toEqual([{ id: host.engine.idOf('shop-web-1'), tail: 1000, timestamps: false }]));
    const subscriptionId = 'logs-1';
    act(() =>
      host.emit('logs:received', {
        subscriptionId,
        lines: [
          { stream: 'stdout', text: 'GET / 200', timestamp: null },
          { stream: 'stderr', text: '\u001b[31mwarn: slow upstream\u001b[0m', timestamp: null },
        ],
        droppedLines: 0,
      }),
    );
    const log = screen.getByRole('log', { name: 'Log of shop-web-1' });
    expect(within(log).getByText('GET / 200')).toBeTruthy();
    expect(within(log).getByText('warn: slow upstream')).toBeTruthy();
    act(() => host.emit('logs:received', { subscriptionId: 'logs-77', lines: [{ stream: 'stdout', text: 'not mine', timestamp: null }], droppedLines: 0 }));
    expect(within(log).queryByText('not mine')).toBeNull();

    fireEvent.change(screen.getByRole('searchbox', { name: 'Search logs' }), { target: { value: 'warn' } });
    await waitFor(() => expect(screen.getByText('1 of 2 lines match')).toBeTruthy());
    expect(within(log).queryByText('GET / 200')).toBeNull();
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search logs' }), { target: { value: '' } });

    const many = Array.from({ length: MAX_LOG_LINES + 10 }, (_, index) => ({ stream: 'stdout' as const, text: `line ${index}`, timestamp: null }));
    act(() => host.emit('logs:received', { subscriptionId, lines: many, droppedLines: 3 }));
    await waitFor(() => expect(screen.getByText(`${MAX_LOG_LINES} lines`)).toBeTruthy());
    expect(screen.getByText(/15 older lines are not shown/)).toBeTruthy();
    expect(log.querySelectorAll('div > div').length).toBeLessThan(200);

    openTab('Inspect');
    expect(host.callsTo('logs:stop')).toEqual([{ subscriptionId }]);
  });

  it('starts the log over with timestamps when the switch is turned on', async () => {
    const host = await renderDetail('shop-web-1');
    openTab('Logs');
    await waitFor(() => expect(host.callsTo('logs:follow')).toHaveLength(1));
    fireEvent.click(screen.getByRole('switch', { name: 'Timestamps' }));
    await waitFor(() => expect(host.callsTo('logs:follow')).toHaveLength(2));
    expect(host.callsTo('logs:follow')[1]).toMatchObject({ timestamps: true });
    expect(host.callsTo('logs:stop')).toEqual([{ subscriptionId: 'logs-1' }]);
  });

  it('charts CPU and memory from the stats stream', async () => {
    const host = await renderDetail('shop-api-1');
    openTab('Stats');
    expect(screen.getByRole('status', { name: 'Waiting for the first sample' })).toBeTruthy();
    await waitFor(() => expect(host.callsTo('stats:watch')).toHaveLength(1));
    act(() => host.emit('stats:sampled', { subscriptionId: 'stats-1', samples: [host.engine.sample('shop-api-1', 12.5, 100)] }));
    act(() => host.emit('stats:sampled', { subscriptionId: 'stats-1', samples: [host.engine.sample('shop-api-1', 20, 110)] }));
    expect(within(screen.getByRole('region', { name: 'CPU' })).getByText('20.0%')).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Memory' })).getByText('110 MiB')).toBeTruthy();
    expect(screen.getByRole('figure', { name: 'CPU %' })).toBeTruthy();
    expect(screen.getByRole('figure', { name: 'Memory (MiB)' })).toBeTruthy();
  });

  it('does not stream stats for a stopped container and says why', async () => {
    const host = await renderDetail('redis');
    openTab('Stats');
    expect(screen.getByText(/redis is not running/)).toBeTruthy();
    openTab('Terminal');
    expect(screen.getByText(/Start it to open a shell/)).toBeTruthy();
    expect(host.callsTo('stats:watch')).toEqual([]);
    expect(host.callsTo('exec:open')).toEqual([]);
  });

  it('shows the raw inspect JSON pretty-printed', async () => {
    await renderDetail('redis');
    openTab('Inspect');
    const json = screen.getByRole('region', { name: 'Inspect JSON' });
    expect(json.textContent).toContain('"Name": "/redis"');
    expect(screen.getByRole('button', { name: 'Copy JSON' })).toBeTruthy();
  });

  it('runs an action from the toolbar and shows the new state', async () => {
    const host = await renderDetail('redis');
    const bar = screen.getByRole('toolbar', { name: 'Container actions' });
    expect((within(bar).getByRole('button', { name: 'Stop' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(within(bar).getByRole('button', { name: 'Start' }));
    await waitFor(() => expect(screen.getByText('running')).toBeTruthy());
    expect(host.callsTo('containers:act')).toEqual([{ ids: [host.engine.idOf('redis')], action: 'start' }]);
  });

  it('asks before removing and goes back to the list afterwards', async () => {
    const host = await renderDetail('redis');
    const id = host.engine.idOf('redis');
    fireEvent.click(within(screen.getByRole('toolbar', { name: 'Container actions' })).getByRole('button', { name: 'Remove' }));
    const dialog = await screen.findByRole('dialog', { name: 'Remove this container?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Remove container' }));
    await waitFor(() => expect(window.location.hash).toBe('#/containers'));
    expect(host.callsTo('containers:act')).toEqual([{ ids: [id], action: 'remove', force: false, removeVolumes: false }]);
  });

  it('shows a load error for an unknown container', async () => {
    renderWithHost(<ContainerDetailPage param="nope" />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('No such container: nope (NOT_FOUND)');
  });

  it('has a Files tab that flags a bind mount from C: and says how to move it', async () => {
    const host = await renderDetail('shop-web-1');
    openTab('Files');
    const table = await screen.findByRole('table', { name: 'Directories of shop-web-1' });
    expect(within(table).getByText('/mnt/c/Users/alex/shop/site')).toBeTruthy();
    expect(within(table).getByText('Windows drive C: — crosses the 9p boundary')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Copy commands to move /usr/share/nginx/html' })).toBeTruthy();
    const id = SEEDED_CONTAINERS.find((container) => container.name === 'shop-web-1')?.id;
    expect(host.callsTo('files:report')).toEqual([{ container: id }]);
  });
});
