import type { Command } from 'commander';
import type { WslCommandContext } from './wsl-commands';

/** Registers `lightdock compose ls|up|down|restart|pull|logs` (stub until the Compose work lands). */
export function registerComposeCommands(_program: Command, _context: WslCommandContext): void {}
