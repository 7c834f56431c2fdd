import { useCallback, useEffect, useSyncExternalStore } from 'react';
import type { EventChannel, EventPayload, InvokeChannel, InvokeRequest, InvokeResponse } from '../../../shared/ipc/contract';
import type { LightdockApi } from '../../../shared/ipc/lightdock-api';
import { connectionStore } from './connection-store';
import { invokeOn } from './ipc-client';
import { toIpcError, type IpcError } from './ipc-error';

/** What a live query holds: the last value (fetched or pushed), the last fetch error, and whether a fetch runs. */
export interface LiveSnapshot<T> {
  readonly data: T | undefined;
  readonly error: IpcError | undefined;
  readonly loading: boolean;
}

/** A live query as components use it: the snapshot plus a way to fetch again and to apply an action's result. */
export interface LiveQueryResult<T> extends LiveSnapshot<T> {
  refetch: () => void;
  /** Transforms the held value, if there is one, for every user of the query. */
  patch: (update: (current: T) => T) => void;
}

/** A value shared app-wide: fetched once, replaced by every push, fetched again after a lost link comes back. */
export interface LiveQuery<T> {
  /**
   * Starts the query for the current bridge (subscribe, then fetch) unless it already holds a value or a fetch runs.
   * A prefetch that fails leaves no error behind (the host may not be ready yet): the next use fetches again.
   */
  prefetch(): void;
  /**
   * The snapshot for the current bridge, starting the query on first use; the value stays cached across unmounts.
   * With `revalidate`, a held value is also fetched again when the component mounts (it stays on screen meanwhile).
   */
  use(revalidate?: boolean): LiveQueryResult<T>;
}

interface Instance<T> {
  api: LightdockApi;
  snapshot: LiveSnapshot<T>;
  listeners: Set<() => void>;
  /** Grows with every push, so a fetch answer older than a push is dropped. */
  pushes: number;
  epoch: number;
  started: boolean;
}

/** How a live query follows its push: the value the payload carries, or (`'refetch'`) a fresh fetch. */
export type PushUse<P, T> = ((payload: P) => T) | 'refetch';

/**
 * Defines a live query over `channel` kept current by `push` (whose payload `fromPush` turns into the channel's value,
 * or, with `'refetch'`, which sets off a new fetch); with no push (null), only `refetch()` and a link that comes back
 * fetch it again.
 * State lives per bridge (`window.lightdock`), so a new bridge, as in each renderer test, starts empty. The push
 * subscription is made before the first fetch and kept for the bridge's lifetime: pushes are broadcast to every
 * client anyway, and a cached value that stays current lets a page open with its data at once. A bridge that is no
 * longer `window.lightdock` stops refetching.
 */
export function defineLiveQuery<C extends InvokeChannel, E extends EventChannel>(
  channel: C,
  request: InvokeRequest<C>,
  push: E | null,
  fromPush: PushUse<EventPayload<E>, InvokeResponse<C>>,
): LiveQuery<InvokeResponse<C>> {
  type T = InvokeResponse<C>;
  const instances = new WeakMap<LightdockApi, Instance<T>>();
  const empty: LiveSnapshot<T> = { data: undefined, error: undefined, loading: false };
  // A bridge's query holds nothing until its first fetch, which starts on first use: it reads as loading from the
  // start, so the fetch that a component's mount starts renders nothing again.
  const pending: LiveSnapshot<T> = { data: undefined, error: undefined, loading: true };

  const set = (instance: Instance<T>, snapshot: LiveSnapshot<T>): void => {
    instance.snapshot = snapshot;
    for (const listener of [...instance.listeners]) listener();
  };

  const fetchInto = (instance: Instance<T>, quiet = false): void => {
    const pushesAtSend = instance.pushes;
    if (!instance.snapshot.loading) set(instance, { ...instance.snapshot, loading: true });
    invokeOn(instance.api, channel, request).then(
      (data) => set(instance, instance.pushes === pushesAtSend ? { data, error: undefined, loading: false } : { ...instance.snapshot, loading: false }),
      (failure: unknown) => {
        // A prefetch may go out before the host can answer: its failure is kept only by a fetch someone waits for.
        if (quiet && instance.listeners.size > 0) return fetchInto(instance);
        set(instance, { data: instance.snapshot.data, error: quiet ? instance.snapshot.error : toIpcError(failure), loading: false });
      },
    );
  };

  const instanceFor = (): Instance<T> | undefined => {
    const api = window.lightdock;
    if (api === undefined) return undefined;
    let instance = instances.get(api);
    if (instance === undefined) {
      instance = { api, snapshot: pending, listeners: new Set(), pushes: 0, epoch: connectionStore.get().epoch, started: false };
      instances.set(api, instance);
    }
    return instance;
  };

  const start = (instance: Instance<T>, quiet: boolean): void => {
    if (instance.started) return;
    instance.started = true;
    const subscribed = instance;
    if (push !== null) {
      subscribed.api.on(push, (payload) => {
        // A push that only says "fetch again" is acted on while someone shows the value; a later use revalidates.
        if (fromPush === 'refetch') return void (subscribed.listeners.size > 0 && fetchInto(subscribed));
        subscribed.pushes += 1;
        set(subscribed, { data: fromPush(payload), error: undefined, loading: false });
      });
    }
    const stopWatchingLink = connectionStore.subscribe(() => {
      if (window.lightdock !== subscribed.api) {
        stopWatchingLink();
        return;
      }
      const { epoch } = connectionStore.get();
      if (epoch === subscribed.epoch) return;
      subscribed.epoch = epoch;
      fetchInto(subscribed);
    });
    fetchInto(instance, quiet);
  };

  const ensure = (instance: Instance<T>, quiet = false): void => {
    if (!instance.started) start(instance, quiet);
    else if (instance.snapshot.data === undefined && !instance.snapshot.loading) fetchInto(instance, quiet);
  };

  return {
    prefetch() {
      const instance = instanceFor();
      if (instance !== undefined) ensure(instance, true);
    },
    use(revalidate = false) {
      const instance = instanceFor();
      const snapshot = useSyncExternalStore(
        useCallback(
          (listener: () => void) => {
            if (instance === undefined) return () => undefined;
            instance.listeners.add(listener);
            return () => instance.listeners.delete(listener);
          },
          [instance],
        ),
        () => instance?.snapshot ?? empty,
      );
      useEffect(() => {
        if (instance === undefined) return;
        if (revalidate && instance.started && instance.snapshot.data !== undefined && !instance.snapshot.loading) fetchInto(instance);
        else ensure(instance);
      }, [instance, revalidate]);
      const refetch = useCallback(() => {
        if (instance !== undefined) fetchInto(instance);
      }, [instance]);
      const patch = useCallback(
        (update: (current: T) => T) => {
          if (instance === undefined || instance.snapshot.data === undefined) return;
          instance.pushes += 1;
          set(instance, { ...instance.snapshot, data: update(instance.snapshot.data) });
        },
        [instance],
      );
      return { ...snapshot, refetch, patch };
    },
  };
}

/** A value shared app-wide that no push announces: fetched once (a prefetch or the first use), then on `refetch()` and after a lost link comes back. */
export function defineSharedQuery<C extends InvokeChannel>(channel: C, request: InvokeRequest<C>): LiveQuery<InvokeResponse<C>> {
  return defineLiveQuery<C, EventChannel>(channel, request, null, 'refetch');
}
