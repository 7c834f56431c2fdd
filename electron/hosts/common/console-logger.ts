import type { Logger } from '../../services/ports';

/** A logger that writes one timestamped line per message to stderr (stdout stays for the host's own output). */
export function createConsoleLogger(scope: string): Logger {
  const line = (level: string, message: string, extra?: unknown): void => {
    const suffix = extra instanceof Error ? ` ${extra.stack ?? extra.message}` : extra === undefined ? '' : ` ${JSON.stringify(extra)}`;
    process.stderr.write(`${new Date().toISOString()} ${level} [${scope}] ${message}${suffix}\n`);
  };
  return {
    info: (message, meta) => line('info', message, meta),
    warn: (message, meta) => line('warn', message, meta),
    error: (message, error) => line('error', message, error),
  };
}
