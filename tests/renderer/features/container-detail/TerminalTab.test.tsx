import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { act, cleanup, configure, fireEvent, screen, waitFor } from '@testing-library/react';
import { TerminalTab } from '../../../../renderer/src/features/container-detail/TerminalTab';
import { FakeLightdock } from '../../fake-lightdock';
import { renderWithHost } from '../../render-with-host';

// DataGrid renders slowly in jsdom on a busy machine: give async queries more time than the 1 s default.
configure({ asyncUtilTimeout: 5000 });

beforeAll(() => {
  // jsdom has no matchMedia; xterm asks it for the device pixel ratio. A media query that never matches is faithful here.
  window.matchMedia ??= (query: string) =>
    ({ matches: false, media: query, onchange: null, addEventListener() {}, removeEventListener() {}, addListener() {}, removeListener() {}, dispatchEvent: () => false }) as MediaQueryList;
});

afterEach(() => {
  cleanup();
  delete window.lightdock;
});

describe('TerminalTab', { timeout: 20_000 }, () => {
  it('opens an exec at the terminal size, sends keystrokes, shows the exit, and closes on unmount', async () => {
    const { host, unmount } = renderWithHost(<TerminalTab id="shop-web-1" name="shop-web-1" running />);
    expect(screen.getByRole('region', { name: 'Terminal of shop-web-1' })).toBeTruthy();
    await waitFor(() => expect(host.callsTo('exec:open')).toHaveLength(1));
    const [open] = host.callsTo('exec:open') as { id: string; cols: number; rows: number }[];
    expect(open?.id).toBe('shop-web-1');
    expect(open?.cols).toBeGreaterThan(0);
    expect(open?.rows).toBeGreaterThan(0);
    expect(await screen.findByText(/Connected: a shell inside shop-web-1/)).toBeTruthy();
    act(() => host.emit('exec:printed', { sessionId: 'exec-1', data: '/ # ' }));

    const input = document.querySelector<HTMLTextAreaElement>('.xterm-helper-textarea');
    expect(input).not.toBeNull();
    fireEvent.keyDown(input!, { key: 'Enter', keyCode: 13 });
    await waitFor(() => expect(host.callsTo('exec:input')).toEqual([{ sessionId: 'exec-1', data: '\r' }]));

    act(() => host.emit('exec:exited', { sessionId: 'exec-1', exitCode: 0 }));
    expect(await screen.findByText('The shell exited with code 0.')).toBeTruthy();
    unmount();
    expect(host.callsTo('exec:close')).toEqual([{ sessionId: 'exec-1' }]);
  });

  it('opens a new shell after the first one exited', async () => {
    const { host } = renderWithHost(<TerminalTab id="shop-web-1" name="shop-web-1" running />);
    await screen.findByText(/Connected/);
    act(() => host.emit('exec:exited', { sessionId: 'exec-1', exitCode: 130 }));
    fireEvent.click(await screen.findByRole('button', { name: 'Open a new shell' }));
    await waitFor(() => expect(host.callsTo('exec:open')).toHaveLength(2));
    expect(host.callsTo('exec:close')).toEqual([{ sessionId: 'exec-1' }]);
  });

  it('reports a failed open with Retry', async () => {
    const host = new FakeLightdock();
    host.failWith('exec:open', { code: 'CONFLICT', message: 'Container shop-web-1 is paused.' });
    renderWithHost(<TerminalTab id="shop-web-1" name="shop-web-1" running />, host);
    expect((await screen.findByRole('alert')).textContent).toContain('Container shop-web-1 is paused. (CONFLICT)');
  });
});
