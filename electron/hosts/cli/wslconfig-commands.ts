import type { Command } from 'commander';
import { reportFailure, request, type CliContext, type JsonOption } from './cli-run';
import { formatWslConfig, formatWslConfigSet, formatWslConfigSetting } from './format-output';

async function printSetting(context: CliContext, key: string, json: boolean | undefined): Promise<void> {
  const { open, io } = context;
  const { dispatch, close } = open();
  try {
    const result = await request(dispatch, 'wslconfig:get', {});
    if (!result.ok) return reportFailure(context, json, result.error);
    const setting = result.value.settings.find((known) => known.key.toLowerCase() === key.toLowerCase());
    if (setting === undefined) {
      return reportFailure(context, json, {
        code: 'NOT_FOUND',
        message: `${key} is not a .wslconfig setting Lightdock knows; run "lightdock wslconfig get" to list them.`,
      });
    }
    io.out(json ? JSON.stringify(setting, null, 2) : formatWslConfigSetting(setting));
  } finally {
    close();
  }
}

/**
 * Registers `lightdock wslconfig get [key]|set <key> [value]`: every known setting (or one) with the value in the
 * file and the value in effect; `set` without a value removes the key and says whether a restart is needed.
 */
export function registerWslConfigCommands(program: Command, context: CliContext): void {
  const { run } = context;
  const wslconfig = program.command('wslconfig').description('read and edit %UserProfile%\\.wslconfig');
  wslconfig
    .command('get')
    .description('every known setting, or one, with the value in the file and the value in effect')
    .argument('[key]', 'section.name, for example wsl2.memory')
    .option('--json', 'machine-readable output')
    .action((key: string | undefined, opts: JsonOption) =>
      key === undefined ? run('wslconfig:get', {}, opts.json, formatWslConfig) : printSetting(context, key, opts.json),
    );
  wslconfig
    .command('set')
    .description('set a key (no value removes it), keeping comments and order; says whether a restart is needed')
    .argument('<key>', 'section.name, for example wsl2.memory')
    .argument('[value]', 'the new value; leave out to remove the key')
    .option('--json', 'machine-readable output')
    .action((key: string, value: string | undefined, opts: JsonOption) =>
      run('wslconfig:set', { key, value: value ?? null }, opts.json, (result) => formatWslConfigSet(result, key)),
    );
}
