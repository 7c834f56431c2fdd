import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, configure, fireEvent, screen, within } from '@testing-library/react';
import DnsOutlined from '@mui/icons-material/DnsOutlined';
import MemoryOutlined from '@mui/icons-material/MemoryOutlined';
import { AppShell } from '../../../renderer/src/components/AppShell';
import { renderWithHost } from '../render-with-host';
import { pretendWindowWidth } from '../window-width';

configure({ asyncUtilTimeout: 5000 });

let restore: (() => void) | undefined;
afterEach(() => {
  cleanup();
  restore?.();
  restore = undefined;
  delete window.lightdock;
});

const ITEMS = [
  { id: 'distros', label: 'Distros', icon: <DnsOutlined /> },
  { id: 'vm', label: 'WSL VM', icon: <MemoryOutlined /> },
] as const;

function renderShell(width: number): void {
  restore = pretendWindowWidth(width);
  renderWithHost(
    <AppShell items={ITEMS} selected="vm" onSelect={() => undefined}>
      <p>page</p>
    </AppShell>,
  );
}

describe('the app shell navigation', () => {
  it('is a list whose items are list items (axe `list`), each a named button, with the current page marked', () => {
    renderShell(1400);
    const list = within(screen.getByRole('navigation', { name: 'Main' })).getByRole('list');
    const children = [...list.children];
    expect(children.map((child) => child.tagName)).toEqual(['LI', 'LI']);
    expect(within(list).getByRole('button', { name: 'WSL VM' }).getAttribute('aria-current')).toBe('page');
    expect(within(list).getByText('Distros')).toBeTruthy();
  });

  it('below 900 px is an icon rail: no text labels, every button keeps its name and shows it as a tooltip', async () => {
    renderShell(800);
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).queryByText('Distros')).toBeNull();
    expect(within(nav).getAllByRole('listitem')).toHaveLength(2);
    const distros = within(nav).getByRole('button', { name: 'Distros' });
    expect(within(nav).getByRole('button', { name: 'WSL VM' }).getAttribute('aria-current')).toBe('page');
    fireEvent.mouseOver(distros);
    expect((await screen.findByRole('tooltip')).textContent).toBe('Distros');
  });
});
