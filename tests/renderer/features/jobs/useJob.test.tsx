import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { JOB_UI_LINES, useJob } from '../../../../renderer/src/features/jobs/useJob';
import { FakeLightdock } from '../../fake-lightdock';

afterEach(() => {
  cleanup();
  delete window.lightdock;
});

function follow(host: FakeLightdock, jobId: string | null): ReturnType<typeof renderHook<ReturnType<typeof useJob>, unknown>> {
  window.lightdock = host;
  return renderHook(() => useJob(jobId));
}

describe('useJob', () => {
  it('starts from the output so far and adds each pushed line once, numbered by its place in the output', async () => {
    const host = new FakeLightdock();
    const job = host.jobs.start('build', '/app', 'Build /app');
    host.jobs.progress(job.id, { lines: ['one', 'two'] });
    const { result } = follow(host, job.id);
    await waitFor(() => expect(result.current.lines.map((line) => line.text)).toEqual(['one', 'two']));
    act(() => host.jobs.progress(job.id, { lines: ['three'] }));
    act(() => host.jobs.progress(job.id, { lines: ['four', 'five'] }));
    await waitFor(() => expect(result.current.lines.map((line) => `${line.seq}:${line.text}`)).toEqual(['0:one', '1:two', '2:three', '3:four', '4:five']));
    expect(result.current.job?.lineCount).toBe(5);
    expect(result.current.droppedLines).toBe(0);
  });

  it('merges a push that arrives before the detail without doubling its lines', async () => {
    const host = new FakeLightdock();
    const job = host.jobs.start('build', '/app', 'Build /app');
    host.jobs.progress(job.id, { lines: ['one'] });
    const release = host.hold('jobs:get');
    const { result } = follow(host, job.id);
    act(() => host.jobs.progress(job.id, { lines: ['two'] }));
    await waitFor(() => expect(result.current.lines.map((line) => line.text)).toEqual(['two']));
    await act(async () => release());
    await waitFor(() => expect(result.current.lines.map((line) => `${line.seq}:${line.text}`)).toEqual(['0:one', '1:two']));
  });

  it('keeps the last JOB_UI_LINES lines and counts the rest as dropped', async () => {
    const host = new FakeLightdock();
    const job = host.jobs.start('build', '/app', 'Build /app');
    const { result } = follow(host, job.id);
    await waitFor(() => expect(result.current.job?.id).toBe(job.id));
    act(() => host.jobs.progress(job.id, { lines: Array.from({ length: JOB_UI_LINES + 7 }, (_, index) => `line ${index}`) }));
    await waitFor(() => expect(result.current.lines).toHaveLength(JOB_UI_LINES));
    expect(result.current.lines[0]?.text).toBe('line 7');
    expect(result.current.droppedLines).toBe(7);
  });

  it('does not let a late running push undo the end', async () => {
    const host = new FakeLightdock();
    const job = host.jobs.start('pull', 'busybox', 'Pull busybox');
    const { result } = follow(host, job.id);
    await waitFor(() => expect(result.current.job?.state).toBe('running'));
    act(() => host.jobs.finish(job.id, 'succeeded', 'Done.'));
    await waitFor(() => expect(result.current.job?.state).toBe('succeeded'));
    act(() => host.emit('jobs:progressed', { job: { ...job, message: 'late' }, lines: [], droppedLines: 0 }));
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(result.current.job?.state).toBe('succeeded');
  });

  it('says when the job cannot be read', async () => {
    const host = new FakeLightdock();
    const { result } = follow(host, 'job-99');
    await waitFor(() => expect(result.current.loadError?.code).toBe('NOT_FOUND'));
    expect(result.current.job).toBeUndefined();
  });
});
