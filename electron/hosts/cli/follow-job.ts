import type { EventPayload, InvokeChannel, InvokeRequest, InvokeResponse } from '../../../shared/ipc/contract';
import type { JobProgress, JobSummary } from '../../../shared/model/job';
import { reportFailure, request, type CliContext } from './cli-run';

/** The channels that start a job: their answer is the job's summary. */
export type JobChannel = { [C in InvokeChannel]: InvokeResponse<C> extends JobSummary ? C : never }[InvokeChannel];

/** Pushes kept while the starting channel has not answered with the job's id yet. */
const EARLY_PUSH_LIMIT = 256;

function layerLine(layer: JobSummary['layers'][number]): string {
  const size = layer.total !== null && layer.total > 0 && !layer.done ? ` ${Math.min(100, Math.round(((layer.current ?? 0) / layer.total) * 100))}%` : '';
  return `${layer.id.slice(0, 12)}: ${layer.status}${size}`;
}

/**
 * Starts a job through `channel` (images:pull, images:build, compose:act, …) and follows its `jobs:progressed`
 * pushes until it ends: output lines go to stdout as they come, layer status changes to stderr (one line each
 * time a layer's status words change), Ctrl+C cancels it through `jobs:cancel`. With --json only the final
 * JobDetail is printed. Exit code 1 when the job failed or was cancelled.
 */
export async function followJob<C extends JobChannel>(context: CliContext, channel: C, body: InvokeRequest<C>, json: boolean): Promise<void> {
  const { open, io, setExitCode } = context;
  const { dispatch, close, events } = open();
  let job: JobSummary | null = null;
  const early: JobProgress[] = [];
  const layerStatus = new Map<string, string>();
  let finish: (summary: JobSummary) => void = () => undefined;
  const finished = new Promise<JobSummary>((resolve) => {
    finish = resolve;
  });
  const show = (pushed: JobProgress): void => {
    if (!json) {
      if (pushed.droppedLines > 0) io.err(`(${pushed.droppedLines} lines not shown)`);
      for (const line of pushed.lines) io.out(line);
      for (const layer of pushed.job.layers) {
        if (layerStatus.get(layer.id) === layer.status) continue;
        layerStatus.set(layer.id, layer.status);
        io.err(layerLine(layer));
      }
    }
    if (pushed.job.state !== 'running') finish(pushed.job);
  };
  const stopListening = events?.subscribe((pushedChannel, payload) => {
    if (pushedChannel !== 'jobs:progressed') return;
    const pushed = payload as EventPayload<'jobs:progressed'>;
    if (job === null) {
      if (early.length < EARLY_PUSH_LIMIT) early.push(pushed);
    } else if (pushed.job.id === job.id) {
      show(pushed);
    }
  });
  const onInterrupt = (): void => {
    if (job !== null) void request(dispatch, 'jobs:cancel', { jobId: job.id });
  };
  process.once('SIGINT', onInterrupt);
  try {
    if (stopListening === undefined) {
      io.err('lightdock: this host cannot push progress, so the job cannot be followed.');
      setExitCode(1);
      return;
    }
    const started = await request(dispatch, channel, body);
    if (!started.ok) return reportFailure(context, json, started.error);
    const summary: JobSummary = started.value;
    job = summary;
    for (const pushed of early.splice(0)) if (pushed.job.id === summary.id) show(pushed);
    const ended = await finished;
    if (json) {
      const detail = await request(dispatch, 'jobs:get', { jobId: ended.id });
      io.out(JSON.stringify(detail.ok ? detail.value : { job: ended }, null, 2));
    }
    if (ended.state === 'succeeded') {
      if (!json) io.err(ended.result === null ? ended.message : `${ended.message} ${ended.result}`);
    } else {
      io.err(`lightdock: ${ended.error?.message ?? ended.message}`);
      setExitCode(1);
    }
  } finally {
    process.off('SIGINT', onInterrupt);
    stopListening?.();
    close();
  }
}
