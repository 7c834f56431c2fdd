import { useEffect } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, waitFor } from '@testing-library/react';
import type { PageEntry } from '../../../renderer/src/pages/page-registry';
import { PageWarmUp } from '../../../renderer/src/pages/PageWarmUp';

afterEach(cleanup);

/** A page that records each render and each mounted effect, and shows its id as text. */
function recordingPage(id: string, renders: string[], effects: string[]): PageEntry {
  function Page(): React.JSX.Element {
    renders.push(id);
    useEffect(() => {
      effects.push(id);
    }, []);
    return <p>page {id}</p>;
  }
  return { id, label: id, icon: null, inNav: true, component: Page, preload: () => Promise.resolve() };
}

describe('PageWarmUp', () => {
  it('renders each page once, hidden and without effects, skipping the page on screen, then leaves nothing behind', async () => {
    const renders: string[] = [];
    const effects: string[] = [];
    const pages = ['distros', 'containers', 'images'].map((id) => recordingPage(id, renders, effects));
    const seenHidden = new Set<string>();
    const view = render(<PageWarmUp pages={pages} shown="containers" start />);
    await waitFor(
      () => {
        const text = view.container.querySelector('p');
        if (text !== null) {
          expect(text.style.display).toBe('none');
          seenHidden.add(text.textContent ?? '');
        }
        expect(new Set(renders)).toEqual(new Set(['distros', 'images']));
        expect(view.container.innerHTML).toBe('');
      },
      { timeout: 5_000, interval: 5 },
    );
    expect(renders).not.toContain('containers');
    expect(effects).toEqual([]);
    expect(seenHidden.size).toBeGreaterThan(0);
  });

  it('renders nothing until started', async () => {
    const renders: string[] = [];
    const view = render(<PageWarmUp pages={[recordingPage('distros', renders, [])]} shown="images" start={false} />);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(renders).toEqual([]);
    expect(view.container.innerHTML).toBe('');
  });
});
