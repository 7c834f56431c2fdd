import type { EventPayload, InvokeChannel, InvokeRequest, InvokeResponse } from '../../../shared/ipc/contract';
import type { IpcErrorPayload, IpcResult } from '../../../shared/ipc/result';
import type { EventListener } from '../../services/event-hub';
import type { InvokeDispatcher } from '../common/invoke-dispatcher';
import { cancelOnInterrupt, INTERRUPTED_EXIT_CODE } from './cancel-on-interrupt';
import { formatProgressLine } from './format-output';

/** Where the CLI writes; injected so tests read the output without a child process. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

/** Opens the services for one command and returns the dispatcher, a close function and (optionally) their pushes. */
export type OpenDispatcher = () => { dispatch: InvokeDispatcher; close(): void; events?: { subscribe(listener: EventListener): () => void } };

/**
 * What `run` does besides printing: `onValue` sees a successful answer; `progress` marks a long operation: its
 * `operations:progressed` lines go to stderr (never with --json) and Ctrl-C cancels it (`cancelOnInterrupt`; a
 * cancelled call exits 130 with the host's sentence).
 */
export interface RunOptions<C extends InvokeChannel> {
  onValue?: (value: InvokeResponse<C>) => void;
  progress?: boolean;
}

/**
 * Runs one channel through the dispatcher and prints its answer: `format(value)` on stdout (the value as JSON with
 * --json); a refusal prints `lightdock: <sentence>` on stderr (and `{"error":…}` on stdout with --json) and sets exit code 1.
 */
export type Run = <C extends InvokeChannel>(
  channel: C,
  request: InvokeRequest<C>,
  json: boolean | undefined,
  format: (value: InvokeResponse<C>) => string,
  options?: RunOptions<C>,
) => Promise<void>;

/** What every command module gets from the program: the shared `run`, raw dispatcher access, the output and the exit code. */
export interface CliContext {
  run: Run;
  open: OpenDispatcher;
  io: CliIo;
  setExitCode: (code: number) => void;
}

/** The `--json` flag every command takes. */
export type JsonOption = { json?: boolean };

/** One request through a dispatcher, typed from the contract as the renderer's `invoke` is; the dispatcher still validates it. */
export async function request<C extends InvokeChannel>(dispatch: InvokeDispatcher, channel: C, body: InvokeRequest<C>): Promise<IpcResult<InvokeResponse<C>>> {
  return (await dispatch(channel, body, { id: 'cli' })) as IpcResult<InvokeResponse<C>>;
}

/**
 * Text from the command line that is not the contract's type (a version "3", a sparse "maybe"), passed on as typed so
 * the dispatcher refuses it with its own VALIDATION sentence, exactly as it refuses the same request from any host.
 */
export function refusedByHost<T>(text: string): T {
  return text as unknown as T;
}

/** Prints a refusal the way every command does: `{"error":…}` on stdout with --json, one sentence on stderr, exit code 1. */
export function reportFailure(context: Pick<CliContext, 'io' | 'setExitCode'>, json: boolean | undefined, error: IpcErrorPayload): void {
  if (json) context.io.out(JSON.stringify({ error }, null, 2));
  context.io.err(`lightdock: ${error.message}`);
  context.setExitCode(1);
}

/** The program's `run` over `open`, writing to `io` and setting the exit code through `setExitCode`. */
export function createRun(open: OpenDispatcher, io: CliIo, setExitCode: (code: number) => void): Run {
  return async function run(channel, body, json, format, options = {}) {
    const { dispatch, close, events } = open();
    let lastLine = '';
    const interrupt = options.progress === true && events !== undefined ? cancelOnInterrupt(dispatch, io) : undefined;
    const stopProgress =
      options.progress === true
        ? events?.subscribe((pushed, payload) => {
            if (pushed !== 'operations:progressed') return;
            const operation = payload as EventPayload<'operations:progressed'>;
            interrupt?.seen(operation);
            if (json) return;
            const line = formatProgressLine(operation);
            if (operation.state !== 'failed' && operation.state !== 'cancelled' && line !== lastLine) io.err(line);
            lastLine = line;
          })
        : undefined;
    try {
      const result = await request(dispatch, channel, body);
      if (result.ok) {
        io.out(json ? JSON.stringify(result.value, null, 2) : format(result.value));
        options.onValue?.(result.value);
        return;
      }
      reportFailure({ io, setExitCode }, json, result.error);
      if (result.error.code === 'CANCELLED' && interrupt?.interrupted() === true) setExitCode(INTERRUPTED_EXIT_CODE);
    } finally {
      interrupt?.stop();
      stopProgress?.();
      close();
    }
  };
}
