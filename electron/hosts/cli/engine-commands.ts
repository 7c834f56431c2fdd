import path from 'node:path';
import type { Command } from 'commander';
import type { ContextProbe, CreateContextRequest } from '../../../shared/model/engine';
import { reportFailure, request, type CliContext, type JsonOption } from './cli-run';
import { formatContextProbes, formatCreatedContext, formatEngineStatus, type ProbedContext } from './format-engine';
import { formatLifecycle } from './format-lifecycle';

/** The options of `engine context create`. */
interface CreateContextOptions extends JsonOption {
  host: string;
  description?: string;
  tlsCa?: string;
  tlsCert?: string;
  tlsKey?: string;
  tlsSkipVerify?: boolean;
}

/** The create request from the command line: TLS file paths made absolute from the working directory; TLS only when asked for. */
function createRequest(name: string, opts: CreateContextOptions): CreateContextRequest {
  const file = (value: string | undefined): string | null => (value === undefined ? null : path.resolve(value));
  const wantsTls = opts.tlsCa !== undefined || opts.tlsCert !== undefined || opts.tlsKey !== undefined || opts.tlsSkipVerify === true;
  return {
    name,
    host: opts.host,
    ...(opts.description === undefined ? {} : { description: opts.description }),
    ...(wantsTls ? { tls: { ca: file(opts.tlsCa), cert: file(opts.tlsCert), key: file(opts.tlsKey), skipVerify: opts.tlsSkipVerify === true } } : {}),
  };
}

/**
 * Registers `lightdock engine status|contexts|use|start|stop` and `engine context create|rm`: which engine answers and
 * where, every Docker context with its live status, creating and removing contexts, and the managed engine's lifecycle.
 */
export function registerEngineCommands(program: Command, context: CliContext): void {
  const { run, open, io } = context;
  const engine = program.command('engine').description('the container engine: status and Docker contexts');
  engine
    .command('status')
    .description('which engine answers, where, and whether it is connected')
    .option('--json', 'machine-readable output')
    .action((opts: JsonOption) => run('engine:status', {}, opts.json, formatEngineStatus));
  engine
    .command('contexts')
    .description('list the Docker contexts (docker context ls) with each one\'s live status')
    .option('--json', 'machine-readable output (each context with its probe)')
    .action(async (opts: JsonOption) => {
      const { dispatch, close } = open();
      try {
        const listed = await request(dispatch, 'engine:contexts', {});
        if (!listed.ok) return reportFailure(context, opts.json, listed.error);
        // All asked at once: the engine service probes at most four at a time.
        const probed: ProbedContext[] = await Promise.all(
          listed.value.map(async (c) => {
            const answer = await request(dispatch, 'engine:probe-context', { name: c.name });
            const probe: ContextProbe = answer.ok ? answer.value : { name: c.name, endpoint: c.endpoint, state: 'unreachable', serverVersion: null, message: answer.error.message };
            return { ...c, probe };
          }),
        );
        io.out(opts.json ? JSON.stringify(probed, null, 2) : formatContextProbes(probed));
      } finally {
        close();
      }
    });
  const contextGroup = engine.command('context').description('create or remove a Docker context (docker context create|rm)');
  contextGroup
    .command('create')
    .description('create a Docker context for an ssh:// or tcp:// engine, as docker context create does')
    .argument('<name>', 'context name')
    .requiredOption('--host <endpoint>', 'ssh://[user@]host[:port] or tcp://host:port')
    .option('--description <text>', 'a description')
    .option('--tls-ca <file>', 'CA certificate (PEM) for tcp://')
    .option('--tls-cert <file>', 'client certificate (PEM) for tcp://')
    .option('--tls-key <file>', 'client key (PEM) for tcp://')
    .option('--tls-skip-verify', 'do not verify the engine\'s certificate (tcp://)')
    .option('--json', 'machine-readable output (the context)')
    .action((name: string, opts: CreateContextOptions) => run('engine:create-context', createRequest(name, opts), opts.json, formatCreatedContext));
  contextGroup
    .command('rm')
    .description('remove a Docker context (docker context rm); not the one in use')
    .argument('<name>', 'context name')
    .option('--json', 'machine-readable output')
    .action((name: string, opts: JsonOption) => run('engine:remove-context', { name }, opts.json, (r) => `Removed Docker context ${r.removed}.`));
  engine
    .command('use')
    .description('switch the Docker context (docker context use)')
    .argument('<context>', 'context name')
    .option('--json', 'machine-readable output')
    .action((name: string, opts: JsonOption) => run('engine:use-context', { name }, opts.json, formatEngineStatus));
  for (const verb of ['start', 'stop'] as const) {
    engine
      .command(verb)
      .description(`${verb} the Docker engine Lightdock manages (simulated, or in the WSL distro)`)
      .option('--json', 'machine-readable output (the engine lifecycle)')
      .action((opts: JsonOption) => run(verb === 'start' ? 'engine:start' : 'engine:stop', {}, opts.json, formatLifecycle));
  }
}
