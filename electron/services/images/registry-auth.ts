import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { RegistryAuth } from '../docker/container-engine';
import { dockerConfigDir } from '../docker/endpoint/docker-config';
import type { Logger } from '../ports';
import { DOCKER_HUB_SERVER, registryOf } from './image-reference';

/** Largest config.json read. */
const CONFIG_MAX_BYTES = 1024 * 1024;
/** How long a credential helper may take. */
const HELPER_TIMEOUT_MS = 10_000;
/** Largest answer read from a credential helper. */
const HELPER_MAX_BYTES = 64 * 1024;
/** A credential helper's name, as `docker-credential-<name>` is looked up on PATH. */
const HELPER_NAME = /^[a-zA-Z0-9_.-]{1,64}$/;
const HUB_HOSTS = new Set(['index.docker.io', 'docker.io', 'registry-1.docker.io']);

/** Where the credentials are read from: the environment (DOCKER_CONFIG, PATH), the home folder and a logger for the helper runs. */
export interface RegistryAuthSource {
  env: NodeJS.ProcessEnv;
  homeDir: string;
  logger: Logger;
}

type Json = Record<string, unknown>;

function object(value: unknown): Json | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : null;
}

/** config.json as an object, or null when missing, too large or not a JSON object. */
function readConfig(source: RegistryAuthSource): Json | null {
  const file = path.join(dockerConfigDir(source.env, source.homeDir), 'config.json');
  try {
    if (fs.statSync(file).size > CONFIG_MAX_BYTES) {
      source.logger.warn(`${file} is larger than ${CONFIG_MAX_BYTES} bytes; registry credentials are not read from it`);
      return null;
    }
    return object(JSON.parse(fs.readFileSync(file, 'utf8')));
  } catch {
    return null;
  }
}

/** A config key's host (`https://host:5000/v2/` → `host:5000`), as the docker CLI compares `auths` keys. */
function hostOf(key: string): string {
  return key.replace(/^https?:\/\//i, '').split('/')[0] ?? '';
}

function sameRegistry(key: string, registry: string): boolean {
  if (key === registry) return true;
  if (registry === DOCKER_HUB_SERVER) return HUB_HOSTS.has(hostOf(key));
  return hostOf(key) === registry;
}

/** An `auths` entry: base64 `user:password` in `auth` (or username/password), an identity token. */
function fromAuthEntry(serveraddress: string, raw: Json): RegistryAuth | null {
  const auth: RegistryAuth = { serveraddress };
  if (typeof raw['auth'] === 'string' && raw['auth'] !== '') {
    const decoded = Buffer.from(raw['auth'], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon > 0) {
      auth.username = decoded.slice(0, colon);
      auth.password = decoded.slice(colon + 1);
    }
  } else if (typeof raw['username'] === 'string' && typeof raw['password'] === 'string') {
    auth.username = raw['username'];
    auth.password = raw['password'];
  }
  if (typeof raw['identitytoken'] === 'string' && raw['identitytoken'] !== '') auth.identitytoken = raw['identitytoken'];
  return auth.username !== undefined || auth.identitytoken !== undefined ? auth : null;
}

/** Runs `docker-credential-<helper> get` with the server address on stdin; null when it has nothing, fails or answers nonsense. */
function runHelper(source: RegistryAuthSource, helper: string, registry: string): Promise<RegistryAuth | null> {
  if (!HELPER_NAME.test(helper)) {
    source.logger.warn(`credential helper name ${JSON.stringify(helper.slice(0, 80))} refused (letters, digits, "_", "." and "-" only)`);
    return Promise.resolve(null);
  }
  const command = `docker-credential-${helper}`;
  source.logger.info(`running ${JSON.stringify([command, 'get'])} for ${registry}`);
  return new Promise((resolve) => {
    const child = execFile(
      command,
      ['get'],
      { env: source.env, timeout: HELPER_TIMEOUT_MS, killSignal: 'SIGKILL', maxBuffer: HELPER_MAX_BYTES, windowsHide: true, shell: false, encoding: 'utf8' },
      (error, stdout) => {
        if (error) {
          source.logger.info(`${command} get found no credentials for ${registry}: ${String(error.message).split('\n')[0] ?? ''}`);
          resolve(null);
          return;
        }
        let answer: Json | null = null;
        try {
          answer = object(JSON.parse(stdout));
        } catch {
          answer = null;
        }
        const username = answer?.['Username'];
        const secret = answer?.['Secret'];
        if (typeof username !== 'string' || typeof secret !== 'string' || secret === '') {
          source.logger.warn(`${command} get answered without credentials for ${registry}`);
          resolve(null);
          return;
        }
        resolve(username === '<token>' ? { serveraddress: registry, identitytoken: secret } : { serveraddress: registry, username, password: secret });
      },
    );
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(registry);
  });
}

/**
 * The docker CLI's credentials for a registry (a host, or `https://index.docker.io/v1/` for Docker Hub), read
 * fresh each time and never stored: `credHelpers[registry]`, else `credsStore`, run as `docker-credential-<name>
 * get`; else the `auths` entry (base64 `user:password`, identity token). Null when there are none.
 */
export async function registryAuth(source: RegistryAuthSource, registry: string): Promise<RegistryAuth | null> {
  const config = readConfig(source);
  if (config === null) return null;
  const helpers = object(config['credHelpers']);
  const helperKey = helpers === null ? undefined : Object.keys(helpers).find((key) => sameRegistry(key, registry));
  const helper = helperKey === undefined ? undefined : helpers?.[helperKey];
  if (typeof helper === 'string' && helper !== '') return runHelper(source, helper, registry);
  const auths = object(config['auths']);
  const entryKey = auths === null ? undefined : Object.keys(auths).find((key) => sameRegistry(key, registry));
  const entry = entryKey === undefined ? null : object(auths?.[entryKey]);
  const inline = entry === null ? null : fromAuthEntry(registry, entry);
  if (inline !== null) return inline;
  const store = config['credsStore'];
  if (typeof store === 'string' && store !== '') return runHelper(source, store, registry);
  return null;
}

/** The credentials for an image reference's registry (see registryAuth). */
export function authForReference(source: RegistryAuthSource, reference: string): Promise<RegistryAuth | null> {
  return registryAuth(source, registryOf(reference));
}
