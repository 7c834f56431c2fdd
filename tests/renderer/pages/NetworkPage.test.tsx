import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { NetworkProblem } from '../../../shared/model/network-map';
import { NetworkPage } from '../../../renderer/src/pages/NetworkPage';
import { FakeLightdock } from '../fake-lightdock';
import { fakeContainerId, linuxHostNetworkMap } from '../fake-network';
import { renderWithHost } from '../render-with-host';

afterEach(() => {
  cleanup();
  delete window.lightdock;
});

async function renderPage(host = new FakeLightdock()): Promise<FakeLightdock> {
  renderWithHost(<NetworkPage />, host);
  await screen.findByRole('heading', { name: 'Map' });
  return host;
}

/** The table row of one container's port. */
function portRow(container: string): HTMLElement {
  const table = screen.getByRole('table', { name: 'Published ports' });
  const row = within(table).getByRole('rowheader', { name: container }).closest('tr');
  if (row === null) throw new Error(`No row for ${container}`);
  return row;
}

/** The value shown next to a label in the page's facts. */
function fact(label: string): string {
  const list = screen.getByLabelText('Network facts', { selector: 'dl' });
  return within(list).getByText(label, { selector: 'dt' }).nextElementSibling?.textContent ?? '';
}

describe('NetworkPage', { timeout: 20_000 }, () => {
  it('shows a loading state until the map arrives', async () => {
    const host = new FakeLightdock();
    const release = host.hold('network:map');
    renderWithHost(<NetworkPage />, host);
    expect(screen.getByRole('status', { name: 'Loading the network map' })).toBeTruthy();
    await act(async () => release());
    expect(await screen.findByRole('heading', { name: 'Map' })).toBeTruthy();
    expect(screen.queryByRole('status', { name: 'Loading the network map' })).toBeNull();
  });

  it('shows a load error with Retry, and the map after a retry that succeeds', async () => {
    const host = new FakeLightdock();
    host.failWith('network:map', { code: 'UNAVAILABLE', message: 'The engine does not answer.' });
    renderWithHost(<NetworkPage />, host);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not read the network map: The engine does not answer. (UNAVAILABLE)');
    host.recover('network:map');
    fireEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('heading', { name: 'Map' })).toBeTruthy();
    expect(host.callsTo('network:map')).toEqual([{}, {}]);
  });

  it('draws the map as one named image and lists every layer with its nodes', async () => {
    await renderPage();
    const image = screen.getByRole('img', { name: /^Network map, left to right: / });
    expect(image.getAttribute('aria-label')).toBe(
      'Network map, left to right: Windows: Windows (172.22.32.1) → NAT: WSL virtual switch (172.22.32.0/20) → WSL VM: WSL VM (172.22.46.118/20) → ' +
        '2 docker networks → 5 containers → 3 published ports → DNS: DNS (10.255.255.254).',
    );
    expect(image.querySelectorAll('g[data-kind="container"]')).toHaveLength(5);
    expect(image.querySelectorAll('path')).toHaveLength(12);
    expect(image.textContent).toContain('modelled');
    const containers = within(screen.getByRole('list', { name: 'Map layer: Containers' })).getAllByRole('listitem');
    expect(containers.map((item) => item.textContent)).toContain('sidecar; --network none; modelled');
    expect(containers.map((item) => item.textContent)).toContain(`shop-web-1; 172.18.0.2; running; modelled; leads to 8080/tcp`);
    const networks = within(screen.getByRole('list', { name: 'Map layer: Docker networks' })).getAllByRole('listitem');
    expect(networks[1]?.textContent).toBe('shop_default; 172.18.0.0/16, gateway 172.18.0.1; bridge driver; modelled; leads to shop-web-1, shop-api-1, shop-db-1');
    expect(screen.getByRole('list', { name: 'Map layer: DNS' }).textContent).toContain('10.255.255.254');
  });

  it('shows where the engine runs, the networking mode, the DNS and the Simulated chip', async () => {
    await renderPage();
    expect(screen.getByText('The engine runs inside the WSL distro Ubuntu-24.04, in the WSL utility VM (simulated).')).toBeTruthy();
    expect(fact('Engine runs')).toBe('In a WSL distro: Ubuntu-24.04');
    expect(fact('Networking mode')).toMatch(/^NAT/);
    expect(fact('DNS')).toBe('10.255.255.254');
    expect(fact('Published ports')).toBe('3');
    expect(screen.getByText('Simulated')).toBeTruthy();
  });

  it('lists every published port with its mapping, its URL as a link that opens outside, and Not checked', async () => {
    await renderPage();
    const rows = within(screen.getByRole('table', { name: 'Published ports' })).getAllByRole('row');
    expect(rows).toHaveLength(4);
    const web = portRow('shop-web-1');
    expect(web.textContent).toContain('80 → 8080/tcp');
    expect(web.textContent).toContain('on 0.0.0.0');
    const link = within(web).getByRole('link', { name: 'Open http://localhost:8080, shop-web-1 port 8080/tcp' });
    expect(link.getAttribute('href')).toBe('http://localhost:8080');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(within(web).getByText('Not checked')).toBeTruthy();
    expect(portRow('monitor').textContent).toContain('No URL (UDP)');
    expect(within(portRow('monitor')).queryByRole('link')).toBeNull();
  });

  it('shows a URL the app cannot open (the VM’s IP) as text, saying how to use it', async () => {
    const host = new FakeLightdock();
    const [first] = host.network.map.ports;
    if (first === undefined) throw new Error('The fixture has no port.');
    first.url = 'http://172.22.46.118:8080';
    first.via = 'vm-ip';
    await renderPage(host);
    const web = portRow('shop-web-1');
    expect(within(web).queryByRole('link')).toBeNull();
    expect(web.textContent).toContain('http://172.22.46.118:8080');
    expect(web.textContent).toContain('From Windows through the VM’s IP; Lightdock opens only localhost links, so paste it into a browser.');
  });

  it('checks one port with network:check-port and shows "nothing listens" on its row only', async () => {
    const host = await renderPage();
    const release = host.hold('network:check-port');
    fireEvent.click(within(portRow('shop-api-1')).getByRole('button', { name: 'Check shop-api-1 port 3000/tcp' }));
    const busy = await within(portRow('shop-api-1')).findByRole('button', { name: 'Check shop-api-1 port 3000/tcp' });
    expect((busy as HTMLButtonElement).disabled).toBe(true);
    expect(busy.textContent).toBe('Checking…');
    await act(async () => release());
    const row = portRow('shop-api-1');
    expect(await within(row).findByText('Nothing listening')).toBeTruthy();
    expect(within(row).getByText('Port 3000 is published, but nothing listens on container port 3000 in shop-api-1.')).toBeTruthy();
    expect(within(row).getByText('Modelled')).toBeTruthy();
    expect(within(portRow('shop-web-1')).getByText('Not checked')).toBeTruthy();
    expect(host.callsTo('network:check-port')).toEqual([{ containerId: fakeContainerId('shop-api-1'), publicPort: 3000, protocol: 'tcp' }]);
  });

  it('keeps a check through a later plain fetch (Refresh), which answers unchecked', async () => {
    const host = await renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Check shop-web-1 port 8080/tcp' }));
    expect(await within(portRow('shop-web-1')).findByText('Listening')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    await waitFor(() => expect(host.callsTo('network:map')).toHaveLength(2));
    await waitFor(() => expect((screen.getByRole('button', { name: 'Refresh' }) as HTMLButtonElement).disabled).toBe(false));
    expect(within(portRow('shop-web-1')).getByText('Listening')).toBeTruthy();
  });

  it('says when a single check fails, on that row', async () => {
    const host = await renderPage();
    host.failWith('network:check-port', { code: 'NOT_FOUND', message: 'No such container.' });
    fireEvent.click(screen.getByRole('button', { name: 'Check shop-web-1 port 8080/tcp' }));
    const alert = await within(portRow('shop-web-1')).findByRole('alert');
    expect(alert.textContent).toBe('Check failed: No such container. (NOT_FOUND)');
  });

  it('checks every port with Check all, showing progress, then each finding', async () => {
    const host = await renderPage();
    const release = host.hold('network:map');
    fireEvent.click(screen.getByRole('button', { name: 'Check all' }));
    const progress = await screen.findByRole('status', { name: 'Checking every port' });
    expect(progress.textContent).toContain('Checking 3 ports on 127.0.0.1…');
    expect((screen.getByRole('button', { name: 'Check all' }) as HTMLButtonElement).disabled).toBe(true);
    await act(async () => release());
    expect(await within(portRow('shop-web-1')).findByText('Listening')).toBeTruthy();
    expect(within(portRow('shop-api-1')).getByText('Nothing listening')).toBeTruthy();
    expect(within(portRow('monitor')).getByText('Not checkable')).toBeTruthy();
    expect(screen.queryByRole('status', { name: 'Checking every port' })).toBeNull();
    expect(host.callsTo('network:map')).toEqual([{}, { checkPorts: true }]);
  });

  it('stops waiting for Check all on Cancel and ignores its late answer', async () => {
    const host = await renderPage();
    const release = host.hold('network:map');
    fireEvent.click(screen.getByRole('button', { name: 'Check all' }));
    const progress = await screen.findByRole('status', { name: 'Checking every port' });
    fireEvent.click(within(progress).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('status', { name: 'Checking every port' })).toBeNull();
    expect((screen.getByRole('button', { name: 'Check all' }) as HTMLButtonElement).disabled).toBe(false);
    await act(async () => release());
    await waitFor(() => expect(host.callsTo('network:map')).toHaveLength(2));
    expect(within(portRow('shop-web-1')).getByText('Not checked')).toBeTruthy();
  });

  it('names each problem plainly as an alert of its severity', async () => {
    const host = new FakeLightdock();
    const problems: NetworkProblem[] = [
      { id: 'p1', kind: 'port-conflict', severity: 'error', message: 'shop-web-1 and old-web both ask for host port 8080.', subjects: ['shop-web-1', 'old-web'] },
      { id: 'p2', kind: 'port-taken', severity: 'error', message: 'Host port 8080 is already taken by another program.', subjects: [fakeContainerId('shop-web-1')] },
      { id: 'p3', kind: 'localhost-forwarding-off', severity: 'warning', message: 'localhostForwarding=false: use the VM’s IP from Windows.', subjects: [] },
      { id: 'p4', kind: 'mirrored-limits', severity: 'info', message: 'Mirrored mode: Docker’s published ports may not reach Windows.', subjects: [] },
      { id: 'p5', kind: 'vm-stopped', severity: 'warning', message: 'The VM is stopped.', subjects: [] },
      { id: 'p6', kind: 'engine-unreachable', severity: 'error', message: 'The engine does not answer.', subjects: [] },
      { id: 'p7', kind: 'network-none', severity: 'info', message: 'sidecar runs with --network none.', subjects: ['sidecar'] },
    ];
    host.network.map.problems = problems;
    await renderPage(host);
    const section = screen.getByRole('region', { name: 'Network problems' });
    const alerts = within(section).getAllByRole('alert');
    expect(alerts.map((alert) => alert.querySelector('.MuiAlertTitle-root')?.textContent)).toEqual([
      'Two containers ask for the same host port',
      'A host port is taken by another program',
      'The Docker engine does not answer',
      'Localhost forwarding is off',
      'The WSL VM is stopped',
      'Mirrored mode has known limits',
      'A container has no network',
    ]);
    expect(alerts[0]?.textContent).toBe('Two containers ask for the same host portshop-web-1 and old-web both ask for host port 8080.');
    expect(alerts[1]?.textContent).toBe('A host port is taken by another programHost port 8080 is already taken by another program. (shop-web-1)');
    expect(alerts[0]?.className).toContain('colorError');
    expect(alerts[3]?.className).toContain('colorWarning');
    expect(alerts[6]?.className).toContain('colorInfo');
  });

  it('leaves the title out when the sentence already starts with it', async () => {
    const host = new FakeLightdock();
    host.network.map.problems = [
      { id: 'vm', kind: 'vm-stopped', severity: 'warning', message: 'The WSL VM is stopped: it has no address now.', subjects: [] },
    ];
    await renderPage(host);
    const [alert] = within(screen.getByRole('region', { name: 'Network problems' })).getAllByRole('alert');
    expect(alert?.querySelector('.MuiAlertTitle-root')).toBeNull();
    expect(alert?.textContent).toBe('The WSL VM is stopped: it has no address now.');
  });

  it('draws this Linux machine → bridge → containers when the engine runs here with no VM', async () => {
    const host = new FakeLightdock();
    host.network.map = linuxHostNetworkMap();
    await renderPage(host);
    expect(screen.getByRole('img', { name: /^Network map, left to right: / }).getAttribute('aria-label')).toBe(
      'Network map, left to right: This Linux machine: This Linux machine (192.168.1.20) → Docker networks: bridge (172.17.0.0/16) → 2 containers → ' +
        'Published ports: 8080/tcp (0.0.0.0:8080) → DNS: DNS (192.168.1.1).',
    );
    expect(screen.getByText('The engine runs directly on this Linux machine, with no VM: containers sit behind its bridge.')).toBeTruthy();
    expect(fact('Engine runs')).toBe('This Linux machine (no VM)');
    expect(fact('Networking mode')).toBe('No WSL here');
    expect(screen.queryByText('Simulated')).toBeNull();
    expect(screen.queryByRole('list', { name: 'Map layer: NAT' })).toBeNull();
    expect(portRow('web').textContent).toContain('On this machine');
  });

  it('says so when there are no containers and no published ports', async () => {
    const host = new FakeLightdock();
    const map = host.network.map;
    host.network.map = {
      ...map,
      nodes: map.nodes.filter((node) => node.kind !== 'container' && node.kind !== 'port'),
      edges: map.edges.filter((edge) => !edge.to.startsWith('container:') && !edge.to.startsWith('port:')),
      ports: [],
      problems: [],
    };
    await renderPage(host);
    expect(screen.getByText(/^No containers yet, so the map stops at the networks/)).toBeTruthy();
    expect(screen.getByText('No published ports')).toBeTruthy();
    expect(screen.queryByRole('table', { name: 'Published ports' })).toBeNull();
    expect((screen.getByRole('button', { name: 'Check all' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.queryByRole('region', { name: 'Network problems' })).toBeNull();
  });

  it('fetches the map again after containers:changed', async () => {
    const host = await renderPage();
    host.network.map = linuxHostNetworkMap();
    act(() => host.network.pushContainersChanged());
    expect(await screen.findByRole('rowheader', { name: 'web' })).toBeTruthy();
    expect(host.callsTo('network:map')).toEqual([{}, {}]);
  });
});
