import { ServiceError } from '../../services/errors';

/** Environment variable that sets the browser host's port. */
export const PORT_ENV = 'LIGHTDOCK_PORT';

/** `--port <n>` or `--port=<n>` wins over `LIGHTDOCK_PORT`, which wins over the default; 0 means any free port. */
export function parsePort(argv: string[], env: NodeJS.ProcessEnv, fallback: number): number {
  let raw: string | undefined = env[PORT_ENV];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--port') raw = argv[i + 1];
    else if (arg.startsWith('--port=')) raw = arg.slice('--port='.length);
  }
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port > 65535) throw new ServiceError('VALIDATION', `The port must be a whole number from 0 to 65535, not "${raw}".`);
  return port;
}
