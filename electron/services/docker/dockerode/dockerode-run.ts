import type Docker from 'dockerode';
import type { MountSpec, RunSpec } from '../../../../shared/model/run-container';
import { ServiceError } from '../../errors';
import { engineError } from './dockerode-streams';

/** Deadline of `POST /containers/create` (the engine may create missing volumes on the way). */
const CREATE_MS = 60_000;
/** Warnings kept from the engine's answer at most, and their longest length. */
const WARNINGS_MAX = 20;
const WARNING_LENGTH_MAX = 1_000;

/** The Engine API's `POST /containers/create` body for a run spec (the parts Lightdock sets). */
export interface CreateBody {
  Image: string;
  Cmd?: string[];
  Env: string[];
  Tty: boolean;
  Labels: Record<string, string>;
  ExposedPorts: Record<string, Record<string, never>>;
  HostConfig: {
    PortBindings: Record<string, { HostIp: string; HostPort: string }[]>;
    Binds: string[];
    Mounts: { Type: 'bind' | 'volume'; Source: string; Target: string; ReadOnly: boolean }[];
    RestartPolicy: { Name: string; MaximumRetryCount: number };
    Memory: number;
    MemorySwap: number;
    NanoCpus: number;
    PidsLimit?: number;
    NetworkMode: string;
    PidMode: string;
    IpcMode: string;
    UTSMode: string;
  };
}

/** True when `-v source:target[:ro]` text would say exactly this mount (no stray ":" in either path beyond a drive letter). */
function fitsBindsText(mount: MountSpec): boolean {
  const source = /^[A-Za-z]:[\\/]/.test(mount.source) ? mount.source.slice(2) : mount.source;
  return !source.includes(':') && !mount.target.includes(':');
}

/**
 * The create body: the command (none keeps the image's CMD), `NAME=value` env, ports exposed and bound, mounts as
 * `Binds` (as `docker run -v`: a missing named volume is created, a missing bind folder too) unless a path holds
 * ":" (then `Mounts`), restart policy, the cgroup limits (0 = unlimited) and the namespace modes.
 */
export function createBody(spec: RunSpec): CreateBody {
  const exposed: CreateBody['ExposedPorts'] = {};
  const bindings: CreateBody['HostConfig']['PortBindings'] = {};
  for (const port of spec.ports) {
    const key = `${port.containerPort}/${port.protocol}`;
    exposed[key] = {};
    (bindings[key] ??= []).push({ HostIp: port.hostIp, HostPort: port.hostPort === null ? '' : String(port.hostPort) });
  }
  const binds = spec.mounts.filter(fitsBindsText).map((m) => `${m.source}:${m.target}${m.readOnly ? ':ro' : ''}`);
  const mounts = spec.mounts.filter((m) => !fitsBindsText(m)).map((m) => ({ Type: m.kind, Source: m.source, Target: m.target, ReadOnly: m.readOnly }));
  const { memoryBytes, memorySwapBytes, nanoCpus, pidsLimit } = spec.resources;
  return {
    Image: spec.image,
    ...(spec.command.length > 0 ? { Cmd: spec.command } : {}),
    Env: spec.env.map((e) => `${e.name}=${e.value}`),
    Tty: spec.tty,
    Labels: { ...spec.labels },
    ExposedPorts: exposed,
    HostConfig: {
      PortBindings: bindings,
      Binds: binds,
      Mounts: mounts,
      RestartPolicy: { Name: spec.restart, MaximumRetryCount: spec.restart === 'on-failure' ? (spec.maxRetries ?? 0) : 0 },
      Memory: memoryBytes ?? 0,
      MemorySwap: memorySwapBytes ?? 0,
      NanoCpus: nanoCpus ?? 0,
      ...(pidsLimit === null ? {} : { PidsLimit: pidsLimit }),
      NetworkMode: spec.namespaces.network,
      PidMode: spec.namespaces.pid === 'host' ? 'host' : '',
      IpcMode: spec.namespaces.ipc,
      UTSMode: spec.namespaces.uts === 'host' ? 'host' : '',
    },
  };
}

/** The engine's answer to a create, unchecked. */
interface CreateAnswer {
  Id?: unknown;
  Warnings?: unknown;
}

/** docker-modem's request entry point (dockerode's types do not describe it). */
interface ModemDial {
  dial(options: object, callback: (error: unknown, data: unknown) => void): void;
}

/**
 * `docker create` through the Engine API: the name as the `name` query parameter, the body from createBody, within
 * CREATE_MS. The engine's own sentence is kept: CONFLICT for a name in use, NOT_FOUND for a missing image or
 * network, VALIDATION for what it refuses (a bad mode, a limit below its floor). Answers the id and its warnings.
 */
export async function createContainer(docker: Docker, spec: RunSpec): Promise<{ id: string; warnings: string[] }> {
  const modem = docker.modem as unknown as ModemDial;
  const query = spec.name === null ? {} : { name: spec.name };
  let answer: CreateAnswer;
  try {
    answer = await new Promise<CreateAnswer>((resolve, reject) => {
      modem.dial(
        {
          path: '/containers/create?',
          method: 'POST',
          options: { _query: query, _body: createBody(spec) },
          abortSignal: AbortSignal.timeout(CREATE_MS),
          statusCodes: { 200: true, 201: true, 400: 'bad parameter', 404: 'no such image', 409: 'conflict', 500: 'server error' },
        },
        (error, data) => (error ? reject(error) : resolve((typeof data === 'object' && data !== null ? data : {}) as CreateAnswer)),
      );
    });
  } catch (error) {
    throw engineError(error, docker);
  }
  if (typeof answer.Id !== 'string' || !/^[a-f0-9]{64}$/.test(answer.Id)) throw new ServiceError('INTERNAL', 'Docker answered a create without a container id.');
  const warnings = Array.isArray(answer.Warnings)
    ? answer.Warnings.filter((w): w is string => typeof w === 'string' && w !== '').slice(0, WARNINGS_MAX).map((w) => w.slice(0, WARNING_LENGTH_MAX))
    : [];
  return { id: answer.Id, warnings };
}
