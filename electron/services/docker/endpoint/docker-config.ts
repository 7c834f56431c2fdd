import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** The name the docker CLI gives the context built from DOCKER_HOST or the platform default. */
export const DEFAULT_CONTEXT = 'default';

/** A context as stored under `contexts/meta/<sha256(name)>/meta.json`, with its TLS material if any. */
export interface StoredContext {
  name: string;
  host: string;
  description: string | null;
  skipTlsVerify: boolean;
  /** `contexts/tls/<sha256(name)>/docker/` when it holds ca.pem, cert.pem or key.pem. */
  tlsDir: string | null;
}

/** The docker CLI's configuration directory: DOCKER_CONFIG, else `<home>/.docker`. */
export function dockerConfigDir(env: NodeJS.ProcessEnv, homeDir: string): string {
  const override = env['DOCKER_CONFIG'];
  return override !== undefined && override !== '' ? override : path.join(homeDir, '.docker');
}

/** The directory id of a context, as the docker CLI computes it (sha256 of the name, hex). */
export function contextDirName(name: string): string {
  return createHash('sha256').update(name).digest('hex');
}

function readJsonObject(file: string): Record<string, unknown> | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** `currentContext` from config.json; null when the file, the key or its value is missing or empty. */
export function readCurrentContext(configDir: string): string | null {
  const config = readJsonObject(path.join(configDir, 'config.json'));
  const current = config?.['currentContext'];
  return typeof current === 'string' && current !== '' ? current : null;
}

/**
 * Sets `currentContext` in config.json as `docker context use` does, keeping every other key
 * (auths, credsStore, …); `default` removes the key. Written to a temporary file, then renamed.
 */
export function writeCurrentContext(configDir: string, name: string): void {
  const file = path.join(configDir, 'config.json');
  const config = readJsonObject(file) ?? {};
  if (name === DEFAULT_CONTEXT) delete config['currentContext'];
  else config['currentContext'] = name;
  fs.mkdirSync(configDir, { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, `${JSON.stringify(config, null, '\t')}\n`, { mode: 0o600 });
  fs.renameSync(temp, file);
}

function parseMeta(configDir: string, dirName: string): StoredContext | null {
  const meta = readJsonObject(path.join(configDir, 'contexts', 'meta', dirName, 'meta.json'));
  if (meta === null || typeof meta['Name'] !== 'string') return null;
  const endpoints = meta['Endpoints'] as Record<string, unknown> | undefined;
  const dockerEndpoint = endpoints?.['docker'] as Record<string, unknown> | undefined;
  const host = dockerEndpoint?.['Host'];
  if (typeof host !== 'string' || host === '') return null;
  const metadata = meta['Metadata'] as Record<string, unknown> | undefined;
  const description = metadata?.['Description'];
  const tlsDir = path.join(configDir, 'contexts', 'tls', dirName, 'docker');
  const hasTls = ['ca.pem', 'cert.pem', 'key.pem'].some((f) => fs.existsSync(path.join(tlsDir, f)));
  return {
    name: meta['Name'],
    host,
    description: typeof description === 'string' && description !== '' ? description : null,
    skipTlsVerify: dockerEndpoint?.['SkipTLSVerify'] === true,
    tlsDir: hasTls ? tlsDir : null,
  };
}

/** One stored context by name, or null when it does not exist (or has no docker endpoint). */
export function readStoredContext(configDir: string, name: string): StoredContext | null {
  const found = parseMeta(configDir, contextDirName(name));
  return found !== null && found.name === name ? found : null;
}

/** Every stored context with a docker endpoint, sorted by name; unreadable entries are skipped. */
export function listStoredContexts(configDir: string): StoredContext[] {
  let dirs: string[];
  try {
    dirs = fs.readdirSync(path.join(configDir, 'contexts', 'meta'));
  } catch {
    return [];
  }
  return dirs
    .map((dir) => parseMeta(configDir, dir))
    .filter((c): c is StoredContext => c !== null)
    .sort((a, b) => a.name.localeCompare(b.name));
}
