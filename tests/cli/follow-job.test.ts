import { describe, expect, it } from 'vitest';
import type { CliContext } from '../../electron/hosts/cli/cli-run';
import type { EventListener } from '../../electron/services/event-hub';
import { followJob } from '../../electron/hosts/cli/follow-job';
import type { JobLayer, JobSummary } from '../../shared/model/job';

/** A push job's summary in `state` with `layers`. */
function pushJob(state: JobSummary['state'], layers: JobLayer[]): JobSummary {
  return {
    id: 'job-1',
    kind: 'push',
    target: '127.0.0.1:5000/x/app:1',
    title: 'Push 127.0.0.1:5000/x/app:1',
    state,
    startedAt: 1,
    endedAt: state === 'running' ? null : 2,
    progress: null,
    message: state === 'running' ? 'Pushing' : 'Pushed 127.0.0.1:5000/x/app:1.',
    layers,
    lineCount: 0,
    cancellable: state === 'running',
    result: state === 'running' ? null : 'sha256:abc',
  };
}

describe('followJob layer lines', () => {
  it('never shows a layer above 100 %, though the engine counts more bytes pushed than the layer holds', async () => {
    const err: string[] = [];
    let listener: EventListener = () => undefined;
    const context: CliContext = {
      run: async () => undefined,
      io: { out: () => undefined, err: (text: string) => err.push(text) },
      setExitCode: () => undefined,
      open: () => ({
        close: () => undefined,
        events: {
          subscribe: (next: EventListener) => {
            listener = next;
            return () => undefined;
          },
        },
        dispatch: async () => {
          // The engine's push stream: a layer of 300,000 bytes reported with 303,000 compressed bytes sent.
          setTimeout(() => {
            listener('jobs:progressed', { job: pushJob('running', [{ id: '7fc5cd205068aa', status: 'Pushing', current: 303_000, total: 300_000, done: false }]), lines: [], droppedLines: 0 }, undefined);
            listener('jobs:progressed', { job: pushJob('succeeded', [{ id: '7fc5cd205068aa', status: 'Pushed', current: 300_000, total: 300_000, done: true }]), lines: [], droppedLines: 0 }, undefined);
          }, 0);
          return { ok: true, value: pushJob('running', []) };
        },
      }),
    };
    await followJob(context, 'images:push', { reference: '127.0.0.1:5000/x/app:1' }, false);
    expect(err).toEqual(['7fc5cd205068: Pushing 100%', '7fc5cd205068: Pushed', 'Pushed 127.0.0.1:5000/x/app:1. sha256:abc']);
  });
});
