import type { Command } from 'commander';
import type { WslCommandContext } from './wsl-commands';

/** Registers `lightdock containers ls-files|cat|cp` on the `containers` command (stub until the files work lands). */
export function registerContainerFilesCommands(_containers: Command, _context: WslCommandContext): void {}
