import type { Command } from 'commander';
import type { IpcErrorPayload } from '../../../shared/ipc/result';
import { defaultRunSpec, parseCpus, parseEnv, parseMount, parsePublish, parseSize, RunArgError } from '../../../shared/model/run-args';
import { RestartPolicy, RunProblem, RunSpec } from '../../../shared/model/run-container';
import { formatProblem, formatRunPlan, formatRunResult } from './format-run';
import { request, type CliContext } from './cli-run';

/** What commander hands the action of `containers run`. */
interface RunOptions {
  name?: string;
  publish: string[];
  env: string[];
  volume: string[];
  memory?: string;
  memorySwap?: string;
  cpus?: string;
  pidsLimit?: string;
  restart?: string;
  network?: string;
  pid?: string;
  tty?: boolean;
  createOnly?: boolean;
  dryRun?: boolean;
  json?: boolean;
}

/** The exit code of a command line that does not follow the grammar (as commander's own usage errors). */
const USAGE_EXIT = 2;

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** `--pids-limit` text: a whole number, -1 for unlimited. */
function parsePidsLimit(text: string): number {
  const limit = /^-?\d{1,8}$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  if (!(limit >= -1 && limit <= 4_194_304)) throw new RunArgError(`"${text}" is not a pids limit: write a whole number up to 4194304, or -1 for unlimited.`);
  return limit;
}

/** The engine's floor for `--memory` (6 MiB) and RunResources' ceiling. */
const MEMORY_MIN = 6 * 1024 * 1024;
const MEMORY_MAX = 2 ** 50;

/** `--memory` text: a size between the engine's floor and 1 PiB. */
function parseMemory(text: string): number {
  const bytes = parseSize(text);
  if (bytes < MEMORY_MIN) throw new RunArgError(`A memory limit of "${text}" is below the engine's floor of 6m.`);
  if (bytes > MEMORY_MAX) throw new RunArgError(`A memory limit of "${text}" is more than 1 PiB.`);
  return bytes;
}

/** `--memory-swap` text: a size, or -1 for unlimited swap. */
function parseSwap(text: string): number {
  if (text.trim() === '-1') return -1;
  const bytes = parseSize(text);
  if (bytes > MEMORY_MAX) throw new RunArgError(`A memory+swap limit of "${text}" is more than 1 PiB.`);
  return bytes;
}

/** `--restart no|always|unless-stopped|on-failure[:N]`. */
function parseRestart(text: string): { restart: RestartPolicy; maxRetries: number | null } {
  const [policy = '', retries, extra] = text.split(':');
  const parsed = RestartPolicy.safeParse(policy);
  if (!parsed.success || extra !== undefined) throw new RunArgError(`"${text}" is not a restart policy: use no, always, unless-stopped or on-failure[:N].`);
  if (retries === undefined) return { restart: parsed.data, maxRetries: null };
  if (parsed.data !== 'on-failure' || !/^\d{1,4}$/.test(retries)) throw new RunArgError(`"${text}": only on-failure takes a retry count, like on-failure:3.`);
  return { restart: parsed.data, maxRetries: Number(retries) };
}

/** The spec the flags describe, each flag read with its docker grammar; throws RunArgError on the first bad one. */
function specFromFlags(image: string, command: string[], opts: RunOptions): unknown {
  const spec = defaultRunSpec(image);
  const restart = opts.restart === undefined ? { restart: spec.restart, maxRetries: null } : parseRestart(opts.restart);
  if (opts.pid !== undefined && opts.pid !== 'host' && opts.pid !== 'private') throw new RunArgError(`"${opts.pid}" is not a pid mode: use host (or private, the default).`);
  return {
    ...spec,
    ...restart,
    name: opts.name ?? null,
    command,
    env: opts.env.map(parseEnv),
    ports: opts.publish.map(parsePublish),
    mounts: opts.volume.map(parseMount),
    resources: {
      memoryBytes: opts.memory === undefined ? null : parseMemory(opts.memory),
      memorySwapBytes: opts.memorySwap === undefined ? null : parseSwap(opts.memorySwap),
      nanoCpus: opts.cpus === undefined ? null : parseCpus(opts.cpus),
      pidsLimit: opts.pidsLimit === undefined ? null : parsePidsLimit(opts.pidsLimit),
    },
    namespaces: { ...spec.namespaces, network: opts.network ?? spec.namespaces.network, pid: opts.pid ?? spec.namespaces.pid },
    tty: opts.tty === true,
    start: opts.createOnly !== true,
  };
}

/** The problems an error carries in `details.problems` (a run's VALIDATION), or none. */
function problemsOf(error: IpcErrorPayload): RunProblem[] {
  const problems = (error.details as { problems?: unknown } | undefined)?.problems;
  const parsed = RunProblem.array().safeParse(problems);
  return parsed.success ? parsed.data : [];
}

/**
 * Registers `lightdock containers run <image> [flags] [-- cmd…]`: the flags parsed with docker's grammars (a bad one
 * prints its sentence and exits 2, creating nothing), `--dry-run` prints the plan (the docker run line, the isolation
 * preview, problems), otherwise `containers:run` prints the id and warnings. Problems print `<field>: <message>` on
 * stderr, one per line, and exit 1.
 */
export function registerRunCommand(containers: Command, context: CliContext): void {
  const { open, io, setExitCode } = context;
  const fail = (json: boolean | undefined, error: IpcErrorPayload, exitCode: number): void => {
    if (json) io.out(JSON.stringify({ error }, null, 2));
    const problems = problemsOf(error);
    if (problems.length === 0) io.err(`lightdock: ${error.message}`);
    for (const problem of problems) io.err(formatProblem(problem));
    setExitCode(exitCode);
  };
  containers
    .command('run')
    .description('create and start a container from an image through the Engine API (docker run -d)')
    .argument('<image>', 'image reference (name[:tag][@digest]) or id')
    .argument('[command...]', 'the command and its arguments, after -- (default: the image\'s CMD)')
    .option('--name <name>', 'container name')
    .option('-p, --publish <spec>', 'publish a port: [ip:][hostPort:]containerPort[/proto], ip 127.0.0.1 unless given (repeatable)', collect, [])
    .option('-e, --env <NAME=value>', 'set an environment variable (repeatable)', collect, [])
    .option('-v, --volume <src:dst[:ro]>', 'mount a named volume or an absolute host path (repeatable)', collect, [])
    .option('-m, --memory <size>', 'memory limit (64m, 1g)')
    .option('--memory-swap <size>', 'memory plus swap limit (-1: unlimited swap)')
    .option('--cpus <n>', 'CPUs (0.5)')
    .option('--pids-limit <n>', 'most processes (-1: unlimited)')
    .option('--restart <policy>', 'no, always, unless-stopped or on-failure[:N]')
    .option('--network <mode>', 'bridge, host, none, container:<name|id> or a network name')
    .option('--pid <mode>', 'host to share the host\'s pid namespace')
    .option('-t, --tty', 'allocate a terminal')
    .option('--create-only', 'create it without starting it (docker create)')
    .option('--dry-run', 'print what the run would give (docker run line, isolation, problems) and create nothing')
    .option('--json', 'machine-readable output')
    .action(async (image: string, command: string[], opts: RunOptions) => {
      let flags: unknown;
      try {
        flags = specFromFlags(image, command, opts);
      } catch (error) {
        if (!(error instanceof RunArgError)) throw error;
        return fail(opts.json, { code: 'VALIDATION', message: error.message }, USAGE_EXIT);
      }
      const checked = RunSpec.safeParse(flags);
      if (!checked.success) {
        const problems: RunProblem[] = checked.error.issues.map((issue) => ({ field: issue.path.join('.') || 'spec', message: issue.message, blocking: true }));
        return fail(opts.json, { code: 'VALIDATION', message: problems[0]?.message ?? 'The run is not valid.', details: { problems } }, USAGE_EXIT);
      }
      const { dispatch, close } = open();
      try {
        if (opts.dryRun) {
          const planned = await request(dispatch, 'containers:plan', { spec: checked.data });
          if (!planned.ok) return fail(opts.json, planned.error, 1);
          const plan = planned.value;
          io.out(opts.json ? JSON.stringify(plan, null, 2) : formatRunPlan(plan));
          if (plan.problems.some((p) => p.blocking)) setExitCode(1);
          return;
        }
        const ran = await request(dispatch, 'containers:run', { spec: checked.data });
        if (!ran.ok) return fail(opts.json, ran.error, 1);
        const result = ran.value;
        io.out(opts.json ? JSON.stringify(result, null, 2) : formatRunResult(result));
        if (!opts.json) for (const warning of result.warnings) io.err(`warning: ${warning}`);
      } finally {
        close();
      }
    });
}
