import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { ComposeProjectName } from '../../../shared/model/compose';
import { EnvName, RunSpec, type PublishSpec } from '../../../shared/model/run-container';
import { ImageRef } from '../../../shared/model/engine-reference';
import { ServiceError } from '../errors';
import { COMPOSE_LABELS } from './compose-labels';

/** Largest Compose file read. */
export const MAX_COMPOSE_FILE_BYTES = 1024 * 1024;
/** Services one file may define for the simulated Compose. */
const MAX_FILE_SERVICES = 64;
const SERVICE_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,62}$/;
const COMPOSE_FILE_NAME = /\.ya?ml$/i;

/** Whether a file name reads as a Compose file (`compose.yaml`, `docker-compose.yml`, `stack.prod.yml`…). */
export function isComposeFileName(file: string): boolean {
  return COMPOSE_FILE_NAME.test(path.basename(file));
}

/** The project name Compose derives from a folder: lowercased, only letters, digits, "_" and "-", starting with a letter or digit. */
export function projectNameFromFolder(folder: string): string {
  const name = path.basename(folder).toLowerCase().replace(/[^a-z0-9_-]/g, '').replace(/^[_-]+/, '');
  const parsed = ComposeProjectName.safeParse(name);
  if (!parsed.success) throw new ServiceError('VALIDATION', `The folder ${JSON.stringify(path.basename(folder))} gives no Compose project name; rename it.`);
  return parsed.data;
}

const Scalar = z.union([z.string(), z.number(), z.boolean()]).transform(String);
const ServiceDef = z
  .object({
    image: ImageRef,
    command: z.union([z.string().max(8192), z.array(Scalar).max(128)]).optional(),
    ports: z.array(Scalar).max(64).optional(),
    environment: z.union([z.record(z.string(), Scalar.nullable()), z.array(z.string().max(33_000)).max(256)]).optional(),
  })
  .loose();
const ComposeDoc = z.object({ services: z.record(z.string(), ServiceDef) }).loose();

const PORT = /^(?:(?<ip>[0-9.]{7,15}):)?(?:(?<host>\d{1,5}):)?(?<container>\d{1,5})(?:\/(?<proto>tcp|udp|sctp))?$/;

function publishOf(text: string): PublishSpec {
  const match = PORT.exec(text.trim());
  const hostPort = match?.groups?.host === undefined ? null : Number(match.groups.host);
  const containerPort = Number(match?.groups?.container);
  if (match === null || !(containerPort >= 1 && containerPort <= 65_535) || (hostPort !== null && !(hostPort >= 1 && hostPort <= 65_535))) {
    throw new ServiceError('VALIDATION', `Not a port the simulated Compose understands: ${JSON.stringify(text.slice(0, 60))} (use "8080:80" or "127.0.0.1:8080:80").`);
  }
  return { hostIp: match.groups?.ip ?? '0.0.0.0', hostPort, containerPort, protocol: (match.groups?.proto ?? 'tcp') as PublishSpec['protocol'] };
}

function envOf(environment: z.infer<typeof ServiceDef>['environment']): RunSpec['env'] {
  const pairs: [string, string][] =
    environment === undefined
      ? []
      : Array.isArray(environment)
        ? environment.map((entry): [string, string] => {
            const at = entry.indexOf('=');
            return at < 0 ? [entry, ''] : [entry.slice(0, at), entry.slice(at + 1)];
          })
        : Object.entries(environment).map(([name, value]): [string, string] => [name, value ?? '']);
  return pairs.map(([name, value]) => {
    if (!EnvName.safeParse(name).success) throw new ServiceError('VALIDATION', `Not an environment variable name: ${JSON.stringify(name.slice(0, 60))}.`);
    return { name, value };
  });
}

/** Where a Compose file's project lives: its name, folder and the file. */
export interface ComposeFilePlace {
  project: string;
  workingDir: string;
  file: string;
}

/**
 * The containers a Compose file defines, as run specs for the simulated engine: each service's `image`, `command`
 * (a list, or a string split on spaces), `ports` and `environment`, named `<project>-<service>-1` and labelled as
 * Compose labels them. Anything else in the file is ignored; a malformed file is refused (VALIDATION) whole.
 */
export function specsFromComposeText(text: string, place: ComposeFilePlace): RunSpec[] {
  let document: unknown;
  try {
    document = parse(text, { maxAliasCount: 100, prettyErrors: false });
  } catch (error) {
    throw new ServiceError('VALIDATION', `The Compose file is not valid YAML (${error instanceof Error ? error.message.split('\n')[0] : 'parse error'}).`);
  }
  const parsed = ComposeDoc.safeParse(document);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ServiceError('VALIDATION', `The Compose file has no usable services: ${issue === undefined ? 'invalid' : `${issue.path.join('.')}: ${issue.message}`}.`);
  }
  const services = Object.entries(parsed.data.services);
  if (services.length === 0 || services.length > MAX_FILE_SERVICES) throw new ServiceError('VALIDATION', `A Compose file needs 1 to ${MAX_FILE_SERVICES} services.`);
  return services.map(([service, def]) => {
    if (!SERVICE_NAME.test(service)) throw new ServiceError('VALIDATION', `Not a service name: ${JSON.stringify(service.slice(0, 60))}.`);
    const command = def.command === undefined ? [] : typeof def.command === 'string' ? def.command.split(/\s+/).filter((part) => part !== '') : def.command;
    const spec = RunSpec.safeParse({
      image: def.image,
      name: `${place.project}-${service}-1`,
      command,
      env: envOf(def.environment),
      ports: (def.ports ?? []).map(publishOf),
      mounts: [],
      restart: 'no',
      maxRetries: null,
      resources: { memoryBytes: null, memorySwapBytes: null, nanoCpus: null, pidsLimit: null },
      namespaces: { network: 'bridge', pid: 'private', ipc: 'private', uts: 'private' },
      labels: {
        [COMPOSE_LABELS.project]: place.project,
        [COMPOSE_LABELS.service]: service,
        [COMPOSE_LABELS.workingDir]: place.workingDir,
        [COMPOSE_LABELS.configFiles]: place.file,
        'com.docker.compose.container-number': '1',
        'com.docker.compose.oneoff': 'False',
      },
      tty: false,
      start: true,
    });
    if (!spec.success) throw new ServiceError('VALIDATION', `Service ${service} cannot run: ${spec.error.issues[0]?.message ?? 'invalid'}.`);
    return spec.data;
  });
}
