import path from 'node:path';
import type { Command } from 'commander';
import { followJob } from './follow-job';
import { formatImageDetail, formatImagePrune, formatImageTable } from './format-images';
import type { CliContext, JsonOption } from './cli-run';

/** Collects a repeatable option's values. */
const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** `--build-arg NAME=value` (or `NAME`, taken from the environment as docker does; left out when unset). */
function buildArgs(values: string[], env: NodeJS.ProcessEnv): { name: string; value: string }[] {
  return values.flatMap((arg) => {
    const equals = arg.indexOf('=');
    if (equals >= 0) return [{ name: arg.slice(0, equals), value: arg.slice(equals + 1) }];
    const fromEnv = env[arg];
    return fromEnv === undefined ? [] : [{ name: arg, value: fromEnv }];
  });
}

/**
 * Registers `lightdock images list|ls|inspect|tag|pull|push|build|rm|prune`: pull, push and build start jobs and
 * follow them (layer progress and log as they come, Ctrl+C cancels), the rest answer at once; `--json` prints the
 * model's field names (the final JobDetail for the jobs).
 */
export function registerImageCommands(program: Command, context: CliContext): void {
  const { run } = context;
  const images = program.command('images').description('list, inspect, tag, pull, push, build and remove images');
  images
    .command('list')
    .alias('ls')
    .description('list images with their tags, size and the containers using them')
    .option('--json', 'machine-readable output')
    .action((opts: JsonOption) => run('images:list', {}, opts.json, formatImageTable));
  images
    .command('inspect')
    .description("an image's config, layers (history) and the containers using it")
    .argument('<image>', 'image id or reference')
    .option('--json', 'machine-readable output')
    .action((id: string, opts: JsonOption) => run('images:inspect', { id }, opts.json, formatImageDetail));
  images
    .command('tag')
    .description('give an image another reference (docker tag)')
    .argument('<source>', 'image id or reference')
    .argument('<target>', 'new reference, [registry/]name[:tag]')
    .option('--json', 'machine-readable output')
    .action((source: string, target: string, opts: JsonOption) => run('images:tag', { source, target }, opts.json, (value) => value.target));
  images
    .command('pull')
    .description("pull an image with per-layer progress (credentials from the docker CLI's config)")
    .argument('<image>', 'reference, [registry/]name[:tag|@digest]')
    .option('--json', 'machine-readable output: the finished job')
    .action((reference: string, opts: JsonOption) => followJob(context, 'images:pull', { reference }, opts.json === true));
  images
    .command('push')
    .description("push an image to its registry with per-layer progress (credentials from the docker CLI's config)")
    .argument('<image>', 'reference, registry/name[:tag]')
    .option('--json', 'machine-readable output: the finished job')
    .action((reference: string, opts: JsonOption) => followJob(context, 'images:push', { reference }, opts.json === true));
  images
    .command('build')
    .description('build an image from a folder with a Dockerfile, the log streamed')
    .argument('<folder>', 'the build context')
    .option('-t, --tag <reference>', 'tag the built image')
    .option('-f, --file <dockerfile>', 'the Dockerfile, relative to the folder', 'Dockerfile')
    .option('--build-arg <name=value>', 'a build argument (repeatable)', collect, [])
    .option('--no-cache', 'do not use the build cache')
    .option('--pull', 'always pull the FROM images')
    .option('--json', 'machine-readable output: the finished job')
    .action((folder: string, opts: { tag?: string; file: string; buildArg: string[]; cache: boolean; pull?: boolean; json?: boolean }) =>
      followJob(
        context,
        'images:build',
        {
          contextPath: path.resolve(folder),
          dockerfile: opts.file,
          tag: opts.tag ?? null,
          buildArgs: buildArgs(opts.buildArg, process.env),
          noCache: !opts.cache,
          pull: opts.pull === true,
        },
        opts.json === true,
      ),
    );
  images
    .command('rm')
    .description('remove an image (untag it when it has other tags)')
    .argument('<image>', 'image id or reference')
    .option('-f, --force', 'remove it even when stopped containers use it')
    .option('--json', 'machine-readable output')
    .action((id: string, opts: { force?: boolean; json?: boolean }) => run('images:remove', { id, force: opts.force === true }, opts.json, (value) => value.id));
  images
    .command('prune')
    .description('remove dangling images')
    .option('--json', 'machine-readable output')
    .action((opts: JsonOption) => run('images:prune', {}, opts.json, formatImagePrune));
}
