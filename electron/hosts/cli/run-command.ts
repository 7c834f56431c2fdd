import type { Command } from 'commander';
import type { WslCommandContext } from './wsl-commands';

/** Registers `lightdock containers run <image> …` on the `containers` command (stub until the run work lands). */
export function registerRunCommand(_containers: Command, _context: WslCommandContext): void {}
