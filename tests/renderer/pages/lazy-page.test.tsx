import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { lazyPage, type PageComponent } from '../../../renderer/src/pages/lazy-page';

afterEach(() => cleanup());

function Greeting({ param }: { param: string | null }): React.JSX.Element {
  return <p>hello {param ?? 'nobody'}</p>;
}

/** A loader the test settles by hand, one load at a time, counting its calls. */
function manualLoader(): { load: () => Promise<PageComponent>; release: () => void; fail: () => void; calls: () => number } {
  let settle = { resolve: (_page: PageComponent): void => undefined, reject: (_error: Error): void => undefined };
  let calls = 0;
  return {
    load: () => {
      calls += 1;
      return new Promise<PageComponent>((resolve, reject) => {
        settle = { resolve, reject };
      });
    },
    release: () => settle.resolve(Greeting),
    fail: () => settle.reject(new Error('chunk failed')),
    calls: () => calls,
  };
}

describe('lazyPage', () => {
  it('shows its loading rows until the code has loaded, then the page with its parameter', async () => {
    const loader = manualLoader();
    const { component: Page } = lazyPage(loader.load);
    render(<Page param="web" />);
    expect(screen.getByRole('status', { name: 'Loading the page' })).toBeTruthy();
    await act(async () => loader.release());
    expect(await screen.findByText('hello web')).toBeTruthy();
    expect(screen.queryByRole('status', { name: 'Loading the page' })).toBeNull();
  });

  it('renders a preloaded page at once, without a loading frame, and loads its code only once', async () => {
    const loader = manualLoader();
    const page = lazyPage(loader.load);
    const preloaded = page.preload();
    loader.release();
    await preloaded;
    const Page = page.component;
    render(<Page param={null} />);
    expect(screen.queryByRole('status', { name: 'Loading the page' })).toBeNull();
    expect(screen.getByText('hello nobody')).toBeTruthy();
    await page.preload();
    expect(loader.calls()).toBe(1);
  });

  it('says when the code could not be loaded, and Retry reloads the app (a failed module import stays failed in Chromium)', async () => {
    const loader = manualLoader();
    const reload = vi.fn();
    const { component: Page } = lazyPage(loader.load, reload);
    render(<Page param="web" />);
    await act(async () => loader.fail());
    expect(await screen.findByText('This page’s code could not be loaded; Retry reloads Lightdock.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(reload).toHaveBeenCalledTimes(1);
    expect(loader.calls()).toBe(1);
  });
});
