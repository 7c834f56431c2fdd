import type { Command } from 'commander';
import type { WslCommandContext } from './wsl-commands';

/** Registers `lightdock images list|inspect|tag|pull|push|build` (stub until the image work lands). */
export function registerImageCommands(_program: Command, _context: WslCommandContext): void {}
