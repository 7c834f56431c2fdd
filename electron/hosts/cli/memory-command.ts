import { InvalidArgumentError, type Command } from 'commander';
import type { EventPayload } from '../../../shared/ipc/contract';
import { formatMemoryReport, formatMemorySample } from './format-memory';
import { reportFailure, request, type CliContext } from './cli-run';

/** Pushes kept while `memory:watch` has not answered with its subscription id yet. */
const EARLY_PUSH_LIMIT = 16;

/** `--samples <n>`: a whole number from 1 to 1,000,000. */
function sampleCount(text: string): number {
  if (!/^\d{1,7}$/.test(text) || Number(text) < 1) throw new InvalidArgumentError('give a whole number of samples from 1 to 1000000.');
  return Number(text);
}

type Sampled = EventPayload<'memory:sampled'>;

/**
 * Prints each `memory:sampled` push of one `memory:watch` subscription (one line each, or one JSON object a line
 * with --json) until SIGINT or `samples` pushes, then calls `memory:unwatch` and closes the services.
 */
async function watchMemory(context: CliContext, json: boolean, samples: number | undefined): Promise<void> {
  const { open, io, setExitCode } = context;
  const { dispatch, close, events } = open();
  let subscriptionId: string | null = null;
  let printed = 0;
  const early: Sampled[] = [];
  let finish: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => {
    finish = resolve;
  });
  const print = (pushed: Sampled): void => {
    if (samples !== undefined && printed >= samples) return;
    io.out(json ? JSON.stringify(pushed) : formatMemorySample(pushed.sample));
    printed += 1;
    if (samples !== undefined && printed >= samples) finish();
  };
  const stopListening = events?.subscribe((channel, payload) => {
    if (channel !== 'memory:sampled') return;
    const pushed = payload as Sampled;
    if (subscriptionId === null) {
      if (early.length < EARLY_PUSH_LIMIT) early.push(pushed);
    } else if (pushed.subscriptionId === subscriptionId) {
      print(pushed);
    }
  });
  const onInterrupt = (): void => finish();
  process.once('SIGINT', onInterrupt);
  try {
    if (stopListening === undefined) {
      io.err('lightdock: this host cannot push samples, so memory --watch cannot run.');
      setExitCode(1);
      return;
    }
    const result = await request(dispatch, 'memory:watch', {});
    if (!result.ok) return reportFailure(context, json, result.error);
    subscriptionId = result.value.subscriptionId;
    for (const pushed of early.splice(0)) if (pushed.subscriptionId === subscriptionId) print(pushed);
    await finished;
  } finally {
    process.off('SIGINT', onInterrupt);
    stopListening?.();
    if (subscriptionId !== null) await request(dispatch, 'memory:unwatch', { subscriptionId });
    close();
  }
}

/**
 * Registers `lightdock memory [--json] [--watch [--samples <n>]]`: the breakdown as an indented tree with limits,
 * "(estimated)" marks and warnings (`--json`: the MemoryReport), or with --watch one line per second until Ctrl+C.
 */
export function registerMemoryCommand(program: Command, context: CliContext): void {
  program
    .command('memory')
    .description('where the RAM goes: the host, the WSL2 VM, its distros and the containers, with warnings')
    .option('--json', 'machine-readable output (the MemoryReport; with --watch, one memory:sampled push a line)')
    .option('--watch', 'print a sample every second until Ctrl+C')
    .option('--samples <n>', 'stop watching after n samples (implies --watch)', sampleCount)
    .action(async (opts: { json?: boolean; watch?: boolean; samples?: number }) => {
      if (opts.watch === true || opts.samples !== undefined) return watchMemory(context, opts.json === true, opts.samples);
      return context.run('memory:report', {}, opts.json, formatMemoryReport);
    });
}
