import { Suspense } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import { lazyPage, type PageComponent } from '../../../renderer/src/pages/lazy-page';

afterEach(() => cleanup());

function Greeting({ param }: { param: string | null }): React.JSX.Element {
  return <p>hello {param ?? 'nobody'}</p>;
}

/** A loader the test releases by hand, counting its calls. */
function manualLoader(): { load: () => Promise<PageComponent>; release: () => void; calls: () => number } {
  let release = (): void => undefined;
  let calls = 0;
  const ready = new Promise<PageComponent>((resolve) => {
    release = () => resolve(Greeting);
  });
  return { load: () => ((calls += 1), ready), release, calls: () => calls };
}

describe('lazyPage', () => {
  it('shows the Suspense fallback until the code has loaded, then the page with its parameter', async () => {
    const loader = manualLoader();
    const { component: Page } = lazyPage(loader.load);
    render(
      <Suspense fallback={<p>loading</p>}>
        <Page param="web" />
      </Suspense>,
    );
    expect(screen.getByText('loading')).toBeTruthy();
    await act(async () => loader.release());
    expect(await screen.findByText('hello web')).toBeTruthy();
  });

  it('renders a preloaded page at once, without a fallback frame, and loads its code only once', async () => {
    const loader = manualLoader();
    const page = lazyPage(loader.load);
    const preloaded = page.preload();
    loader.release();
    await preloaded;
    const Page = page.component;
    render(
      <Suspense fallback={<p>loading</p>}>
        <Page param={null} />
      </Suspense>,
    );
    expect(screen.queryByText('loading')).toBeNull();
    expect(screen.getByText('hello nobody')).toBeTruthy();
    await page.preload();
    expect(loader.calls()).toBe(1);
  });
});
