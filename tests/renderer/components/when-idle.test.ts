import { afterEach, describe, expect, it, vi } from 'vitest';
import { waitFor } from '@testing-library/react';
import { whenAnsweredAndIdle } from '../../../renderer/src/components/when-idle';
import { invoke } from '../../../renderer/src/ipc/ipc-client';
import { FakeLightdock } from '../fake-lightdock';

afterEach(() => {
  delete window.lightdock;
});

/** A fake host holding one containers:list request in flight: the request, and the release of its answer. */
function listInFlight(): { list: Promise<unknown>; release: () => void } {
  const host = new FakeLightdock();
  window.lightdock = host;
  const release = host.hold('containers:list');
  return { list: invoke('containers:list', {}), release };
}

describe('whenAnsweredAndIdle', () => {
  it('runs the work only after the request in flight has its answer, then a painted frame and an idle moment', async () => {
    const { list, release } = listInFlight();
    const work = vi.fn();
    whenAnsweredAndIdle(work);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(work).not.toHaveBeenCalled();
    release();
    await list;
    await waitFor(() => expect(work).toHaveBeenCalledTimes(1));
  });

  it('never runs work cancelled while it waits for an answer, nor while it waits for the frames', async () => {
    const { list, release } = listInFlight();
    const beforeAnswer = vi.fn();
    whenAnsweredAndIdle(beforeAnswer)();
    release();
    await list;
    const afterAnswer = vi.fn();
    whenAnsweredAndIdle(afterAnswer)();
    const control = vi.fn();
    whenAnsweredAndIdle(control);
    await waitFor(() => expect(control).toHaveBeenCalledTimes(1));
    expect(beforeAnswer).not.toHaveBeenCalled();
    expect(afterAnswer).not.toHaveBeenCalled();
  });
});
