import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { connectionStore } from '../../../renderer/src/ipc/connection-store';
import { defineLiveQuery, type LiveQuery } from '../../../renderer/src/ipc/live-query';
import type { ContainerRow } from '../../../shared/model/container';
import { FakeLightdock } from '../fake-lightdock';

afterEach(() => {
  cleanup();
  delete window.lightdock;
});

function freshQuery(): LiveQuery<ContainerRow[]> {
  return defineLiveQuery('containers:list', {}, 'containers:changed', (containers) => containers);
}

function Names({ query, label }: { query: LiveQuery<ContainerRow[]>; label: string }): React.JSX.Element {
  const { data, error } = query.use();
  if (error !== undefined) return <p aria-label={label}>error: {error.message}</p>;
  return <p aria-label={label}>{data === undefined ? 'loading' : data.map((container) => container.name).join(',')}</p>;
}

function install(host = new FakeLightdock()): FakeLightdock {
  window.lightdock = host;
  return host;
}

const ALL = 'shop-web-1,shop-api-1,shop-db-1,redis,monitor,sidecar';

describe('defineLiveQuery', () => {
  it('fetches once for every reader, and a reader mounted later gets the cached value without a fetch', async () => {
    const host = install();
    const query = freshQuery();
    const view = render(
      <>
        <Names query={query} label="first" />
        <Names query={query} label="second" />
      </>,
    );
    await waitFor(() => expect(screen.getByLabelText('first').textContent).toBe(ALL));
    expect(screen.getByLabelText('second').textContent).toBe(ALL);
    view.unmount();
    render(<Names query={query} label="again" />);
    expect(screen.getByLabelText('again').textContent).toBe(ALL);
    expect(host.callsTo('containers:list')).toHaveLength(1);
  });

  it('replaces the value with every push, and drops a fetch answer sent before a push', async () => {
    const host = install();
    const release = host.hold('containers:list');
    const query = freshQuery();
    render(<Names query={query} label="list" />);
    await waitFor(() => expect(host.callsTo('containers:list')).toHaveLength(1));
    act(() => host.emit('containers:changed', host.engine.containers.filter((container) => container.name === 'redis')));
    expect(screen.getByLabelText('list').textContent).toBe('redis');
    await act(async () => release());
    expect(screen.getByLabelText('list').textContent).toBe('redis');
  });

  it('renders a reader once while its first fetch runs, and once more with the answer', async () => {
    const host = install();
    const release = host.hold('containers:list');
    const query = freshQuery();
    const renders: string[] = [];
    function Counted(): React.JSX.Element {
      const { data, loading } = query.use();
      renders.push(data === undefined ? `loading ${String(loading)}` : 'data');
      return <p aria-label="list">{data === undefined ? 'loading' : String(data.length)}</p>;
    }
    render(<Counted />);
    await waitFor(() => expect(host.callsTo('containers:list')).toHaveLength(1));
    await act(async () => Promise.resolve());
    expect(renders).toEqual(['loading true']);
    await act(async () => release());
    await waitFor(() => expect(screen.getByLabelText('list').textContent).toBe('6'));
    expect(renders).toEqual(['loading true', 'data']);
  });

  it('prefetches before any reader mounts', async () => {
    const host = install();
    const query = freshQuery();
    query.prefetch();
    await waitFor(() => expect(host.callsTo('containers:list')).toHaveLength(1));
    render(<Names query={query} label="list" />);
    await waitFor(() => expect(screen.getByLabelText('list').textContent).toBe(ALL));
    expect(host.callsTo('containers:list')).toHaveLength(1);
  });

  it('keeps state per bridge: a new bridge starts empty and fetches its own value', async () => {
    const query = freshQuery();
    install();
    const first = render(<Names query={query} label="list" />);
    await waitFor(() => expect(screen.getByLabelText('list').textContent).toBe(ALL));
    first.unmount();
    const other = new FakeLightdock();
    other.engine.containers = other.engine.containers.filter((container) => container.name === 'monitor');
    install(other);
    render(<Names query={query} label="list" />);
    await waitFor(() => expect(screen.getByLabelText('list').textContent).toBe('monitor'));
    expect(other.callsTo('containers:list')).toHaveLength(1);
  });

  it('shows a failed fetch, fetches again on the next mount, and again after a lost link comes back', async () => {
    const host = install();
    host.failWith('containers:list', { code: 'UNAVAILABLE', message: 'The engine stopped answering.' });
    const query = freshQuery();
    const view = render(<Names query={query} label="list" />);
    await waitFor(() => expect(screen.getByLabelText('list').textContent).toBe('error: The engine stopped answering.'));
    view.unmount();
    host.recover('containers:list');
    render(<Names query={query} label="list" />);
    await waitFor(() => expect(screen.getByLabelText('list').textContent).toBe(ALL));
    expect(host.callsTo('containers:list')).toHaveLength(2);

    host.engine.containers = host.engine.containers.filter((container) => container.name === 'sidecar');
    act(() => {
      connectionStore.set('reconnecting');
      connectionStore.set('open');
    });
    await waitFor(() => expect(screen.getByLabelText('list').textContent).toBe('sidecar'));
    expect(host.callsTo('containers:list')).toHaveLength(3);
  });

  it('forgets a failed prefetch: the first reader shows no error and fetches again', async () => {
    const host = install();
    host.failWith('containers:list', { code: 'UNAVAILABLE', message: 'The engine is not connected yet.' });
    const query = freshQuery();
    query.prefetch();
    await waitFor(() => expect(host.callsTo('containers:list')).toHaveLength(1));
    await act(async () => Promise.resolve());
    host.recover('containers:list');
    render(<Names query={query} label="list" />);
    expect(screen.getByLabelText('list').textContent).not.toContain('error');
    await waitFor(() => expect(screen.getByLabelText('list').textContent).toBe(ALL));
    expect(host.callsTo('containers:list')).toHaveLength(2);
  });

  it('fetches again when a prefetch fails while a reader waits for it, and shows that fetch', async () => {
    const host = install();
    host.failWith('containers:list', { code: 'UNAVAILABLE', message: 'The engine is not connected yet.' });
    const release = host.hold('containers:list');
    const query = freshQuery();
    query.prefetch();
    render(<Names query={query} label="list" />);
    await waitFor(() => expect(host.callsTo('containers:list')).toHaveLength(1));
    // The held prefetch fails once released; the fetch it sets off waits on a second hold.
    release();
    const releaseSecond = host.hold('containers:list');
    await waitFor(() => expect(host.callsTo('containers:list')).toHaveLength(2));
    expect(screen.getByLabelText('list').textContent).toBe('loading');
    host.recover('containers:list');
    await act(async () => releaseSecond());
    await waitFor(() => expect(screen.getByLabelText('list').textContent).toBe(ALL));
    expect(host.callsTo('containers:list')).toHaveLength(2);
  });

  it('with revalidate, shows the held value at once and fetches it again on each mount', async () => {
    const host = install();
    const query = freshQuery();
    function Revalidated(): React.JSX.Element {
      const { data } = query.use(true);
      return <p aria-label="list">{data === undefined ? 'loading' : data.map((container) => container.name).join(',')}</p>;
    }
    const first = render(<Revalidated />);
    await waitFor(() => expect(screen.getByLabelText('list').textContent).toBe(ALL));
    first.unmount();
    host.engine.containers = host.engine.containers.filter((container) => container.name === 'redis');
    render(<Revalidated />);
    expect(screen.getByLabelText('list').textContent).toBe(ALL);
    await waitFor(() => expect(screen.getByLabelText('list').textContent).toBe('redis'));
    expect(host.callsTo('containers:list')).toHaveLength(2);
  });

  it("patches the held value for every reader, and a fetch answer sent before the patch does not undo it", async () => {
    const host = install();
    const query = freshQuery();
    function Patcher(): React.JSX.Element {
      const { data, patch } = query.use();
      return (
        <button type="button" aria-label="keep redis" onClick={() => patch((list) => list.filter((container) => container.name === 'redis'))}>
          {data?.length ?? 0}
        </button>
      );
    }
    render(
      <>
        <Names query={query} label="list" />
        <Patcher />
      </>,
    );
    await waitFor(() => expect(screen.getByLabelText('list').textContent).toBe(ALL));
    const release = host.hold('containers:list');
    act(() => connectionStore.set('reconnecting'));
    act(() => connectionStore.set('open'));
    await waitFor(() => expect(host.callsTo('containers:list')).toHaveLength(2));
    act(() => screen.getByRole('button', { name: 'keep redis' }).click());
    expect(screen.getByLabelText('list').textContent).toBe('redis');
    await act(async () => release());
    expect(screen.getByLabelText('list').textContent).toBe('redis');
  });

  it("with a 'refetch' push, fetches again on the push while shown, and not while nobody shows it", async () => {
    const host = install();
    const query = defineLiveQuery('images:list', {}, 'containers:changed', 'refetch');
    function Images(): React.JSX.Element {
      const { data } = query.use();
      return <p aria-label="images">{data === undefined ? 'loading' : String(data.length)}</p>;
    }
    const view = render(<Images />);
    await waitFor(() => expect(screen.getByLabelText('images').textContent).not.toBe('loading'));
    expect(host.callsTo('images:list')).toHaveLength(1);
    act(() => host.emit('containers:changed', host.engine.containers));
    await waitFor(() => expect(host.callsTo('images:list')).toHaveLength(2));
    view.unmount();
    act(() => host.emit('containers:changed', host.engine.containers));
    await act(async () => Promise.resolve());
    expect(host.callsTo('images:list')).toHaveLength(2);
  });
});
