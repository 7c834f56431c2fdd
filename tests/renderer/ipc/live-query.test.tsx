import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { connectionStore } from '../../../renderer/src/ipc/connection-store';
import { defineLiveQuery, type LiveQuery } from '../../../renderer/src/ipc/live-query';
import type { ContainerSummary } from '../../../shared/model/container';
import { FakeLightdock } from '../fake-lightdock';

afterEach(() => {
  cleanup();
  delete window.lightdock;
});

function freshQuery(): LiveQuery<ContainerSummary[]> {
  return defineLiveQuery('containers:list', {}, 'containers:changed', (containers) => containers);
}

function Names({ query, label }: { query: LiveQuery<ContainerSummary[]>; label: string }): React.JSX.Element {
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
});
