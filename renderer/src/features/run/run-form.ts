import {
  ContainerName,
  RunProblem,
  RunSpec,
  type EnvVar,
  type MountSpec,
  type PublishSpec,
  type RestartPolicy,
  type RunNamespaces,
} from '../../../../shared/model/run-container';
import { quoteWord } from '../../../../shared/model/docker-run-line';
import { ImageRef } from '../../../../shared/model/engine-reference';
import { RunArgError, formatSize, parseCommandLine, parseCpus, parseEnv, parseMount, parsePublish, parseSize } from '../../../../shared/model/run-args';

/** One `-e` row as typed: `KEY=value`. */
export interface EnvRow {
  key: number;
  text: string;
}

/** One `-p` row as typed. */
export interface PortRow {
  key: number;
  hostIp: string;
  hostPort: string;
  containerPort: string;
  protocol: PublishSpec['protocol'];
}

/** One `-v` row as typed: a volume name or absolute host path, the path inside, read-only or not. */
export interface MountRow {
  key: number;
  source: string;
  target: string;
  readOnly: boolean;
}

/** The run dialog's fields exactly as typed (text where docker takes text), before parsing. */
export interface RunForm {
  image: string;
  name: string;
  command: string;
  env: EnvRow[];
  ports: PortRow[];
  mounts: MountRow[];
  restart: RestartPolicy;
  maxRetries: string;
  memory: string;
  memorySwap: string;
  cpus: string;
  pidsLimit: string;
  network: string;
  pid: RunNamespaces['pid'];
  ipc: RunNamespaces['ipc'];
  uts: RunNamespaces['uts'];
  tty: boolean;
  start: boolean;
}

/** The host address a new port row publishes on: this machine only, never every interface unless asked. */
export const DEFAULT_HOST_IP = '127.0.0.1';

/** The engine's smallest memory limit (6 MiB). */
const MEMORY_FLOOR = 6 * 1024 * 1024;
const MAX_PIDS = 4_194_304;

/** The key a new row of `rows` gets: one past the largest, so React keeps each row's identity. */
export function nextRowKey(rows: readonly { key: number }[]): number {
  return rows.reduce((max, row) => Math.max(max, row.key), 0) + 1;
}

/** An empty port row published on 127.0.0.1 over TCP. */
export function emptyPortRow(key: number): PortRow {
  return { key, hostIp: DEFAULT_HOST_IP, hostPort: '', containerPort: '', protocol: 'tcp' };
}

function envText(variable: EnvVar): string {
  return `${variable.name}=${variable.value}`;
}

function cpusText(nanoCpus: number | null): string {
  return nanoCpus === null ? '' : String(nanoCpus / 1e9);
}

/** The form showing a spec (a default one, or one a caller starts from); keeps every value `specFromForm` reads back. */
export function formFromSpec(spec: RunSpec): RunForm {
  const { resources, namespaces } = spec;
  return {
    image: spec.image,
    name: spec.name ?? '',
    command: spec.command.map(quoteWord).join(' '),
    env: spec.env.map((variable, index) => ({ key: index + 1, text: envText(variable) })),
    ports: spec.ports.map((port, index) => ({
      key: index + 1,
      hostIp: port.hostIp,
      hostPort: port.hostPort === null ? '' : String(port.hostPort),
      containerPort: String(port.containerPort),
      protocol: port.protocol,
    })),
    mounts: spec.mounts.map((mount, index) => ({ key: index + 1, source: mount.source, target: mount.target, readOnly: mount.readOnly })),
    restart: spec.restart,
    maxRetries: spec.maxRetries === null ? '' : String(spec.maxRetries),
    memory: resources.memoryBytes === null ? '' : formatSize(resources.memoryBytes),
    memorySwap: resources.memorySwapBytes === null ? '' : resources.memorySwapBytes === -1 ? '-1' : formatSize(resources.memorySwapBytes),
    cpus: cpusText(resources.nanoCpus),
    pidsLimit: resources.pidsLimit === null ? '' : String(resources.pidsLimit),
    network: namespaces.network,
    pid: namespaces.pid,
    ipc: namespaces.ipc,
    uts: namespaces.uts,
    tty: spec.tty,
    start: spec.start,
  };
}

/** What the form parses to: the spec when every field is valid (else null), and the problems of the fields that are not. */
export interface ParsedForm {
  spec: RunSpec | null;
  problems: RunProblem[];
}

class Collector {
  readonly problems: RunProblem[] = [];

  /** Runs a parser; its RunArgError becomes a blocking problem on `field` and the value undefined. */
  attempt<T>(field: string, parse: () => T): T | undefined {
    try {
      return parse();
    } catch (error) {
      if (!(error instanceof RunArgError)) throw error;
      this.add(field, error.message);
      return undefined;
    }
  }

  add(field: string, message: string): void {
    this.problems.push({ field, message, blocking: true });
  }
}

function integerText(text: string): number | null {
  return /^-?\d{1,9}$/.test(text) ? Number(text) : null;
}

function publishText(row: PortRow): string {
  const ip = row.hostIp.trim();
  const hostPort = row.hostPort.trim();
  const target = `${row.containerPort.trim()}/${row.protocol}`;
  if (ip === '') return hostPort === '' ? target : `${hostPort}:${target}`;
  return `${ip.includes(':') ? `[${ip}]` : ip}:${hostPort}:${target}`;
}

function parsePort(collect: Collector, row: PortRow, index: number): PublishSpec | undefined {
  const field = `ports.${index}`;
  if (row.containerPort.trim() === '') {
    collect.add(field, 'Give the port inside the container.');
    return undefined;
  }
  return collect.attempt(field, () => parsePublish(publishText(row)));
}

function parseMountRow(collect: Collector, row: MountRow, index: number): MountSpec | undefined {
  const field = `mounts.${index}`;
  if (row.source.trim() === '' || row.target.trim() === '') {
    collect.add(field, 'Give both a source (a volume name or an absolute host path) and a path inside the container.');
    return undefined;
  }
  return collect.attempt(field, () => parseMount(`${row.source.trim()}:${row.target.trim()}${row.readOnly ? ':ro' : ''}`));
}

function parseMemory(collect: Collector, text: string, field: string): number | null | undefined {
  if (text.trim() === '') return null;
  const bytes = collect.attempt(field, () => parseSize(text.trim()));
  if (bytes === undefined) return undefined;
  if (bytes < MEMORY_FLOOR) {
    collect.add(field, 'At least 6m (6 MiB), the engine’s smallest memory limit.');
    return undefined;
  }
  return bytes;
}

function parseSwap(collect: Collector, form: RunForm, memory: number | null | undefined): number | null | undefined {
  const field = 'resources.memorySwapBytes';
  const text = form.memorySwap.trim();
  if (text === '') return null;
  if (text === '-1') return -1;
  const bytes = collect.attempt(field, () => parseSize(text));
  if (bytes === undefined) return undefined;
  if (memory === null) {
    collect.add(field, 'Set a memory limit too: memory + swap counts from it.');
    return undefined;
  }
  if (memory !== undefined && bytes < memory) {
    collect.add(field, 'Memory + swap must be at least the memory limit.');
    return undefined;
  }
  return bytes;
}

function parseCpuText(collect: Collector, text: string): number | null | undefined {
  if (text.trim() === '') return null;
  return collect.attempt('resources.nanoCpus', () => parseCpus(text.trim()));
}

function parsePids(collect: Collector, text: string): number | null | undefined {
  if (text.trim() === '') return null;
  const value = integerText(text.trim());
  if (value === null || value < -1 || value === 0 || value > MAX_PIDS) {
    collect.add('resources.pidsLimit', `A whole number of processes from 1 to ${MAX_PIDS}, or -1 for no limit.`);
    return undefined;
  }
  return value;
}

function parseRetries(collect: Collector, form: RunForm): number | null | undefined {
  if (form.restart !== 'on-failure' || form.maxRetries.trim() === '') return null;
  const value = integerText(form.maxRetries.trim());
  if (value === null || value < 0 || value > 1000) {
    collect.add('maxRetries', 'A whole number of retries from 0 to 1000 (empty: no limit).');
    return undefined;
  }
  return value;
}

function parseImage(collect: Collector, text: string): string | undefined {
  const image = text.trim();
  if (image === '') return undefined;
  if (!ImageRef.safeParse(image).success) {
    collect.add('image', 'Not an image reference: name[:tag][@digest] (as docker pull takes it) or an image id.');
    return undefined;
  }
  return image;
}

function parseName(collect: Collector, text: string): string | null | undefined {
  const name = text.trim();
  if (name === '') return null;
  const parsed = ContainerName.safeParse(name);
  if (!parsed.success) {
    collect.add('name', parsed.error.issues[0]?.message ?? 'Not a container name.');
    return undefined;
  }
  return name;
}

function parseNetwork(collect: Collector, text: string): string | undefined {
  if (text === 'container:') {
    collect.add('namespaces.network', 'Choose the container whose network it joins.');
    return undefined;
  }
  return text;
}

function defined<T>(values: readonly (T | undefined)[]): values is T[] {
  return values.every((value) => value !== undefined);
}

/** The field a schema issue belongs to, in the host's paths (`ports.0`, `resources.memoryBytes`, `name`). */
export function fieldOfPath(path: readonly PropertyKey[]): string {
  const [head, next] = path;
  if (head === undefined) return '';
  if (next !== undefined && ['env', 'ports', 'mounts', 'resources', 'namespaces'].includes(String(head))) return `${String(head)}.${String(next)}`;
  return String(head);
}

/**
 * Parses every field with docker's own grammars (shared/model/run-args) and the contract's schema: the spec when all
 * are valid, else null with one blocking problem per bad field (empty image gives null and no problem: nothing chosen yet).
 */
export function specFromForm(form: RunForm): ParsedForm {
  const collect = new Collector();
  const image = parseImage(collect, form.image);
  const name = parseName(collect, form.name);
  const command = form.command.trim() === '' ? [] : collect.attempt('command', () => parseCommandLine(form.command));
  const env = form.env.map((row, index) => collect.attempt(`env.${index}`, () => parseEnv(row.text)));
  const ports = form.ports.map((row, index) => parsePort(collect, row, index));
  const mounts = form.mounts.map((row, index) => parseMountRow(collect, row, index));
  const maxRetries = parseRetries(collect, form);
  const memoryBytes = parseMemory(collect, form.memory, 'resources.memoryBytes');
  const memorySwapBytes = parseSwap(collect, form, memoryBytes);
  const nanoCpus = parseCpuText(collect, form.cpus);
  const pidsLimit = parsePids(collect, form.pidsLimit);
  const network = parseNetwork(collect, form.network);
  if (
    image === undefined ||
    name === undefined ||
    command === undefined ||
    !defined(env) ||
    !defined(ports) ||
    !defined(mounts) ||
    maxRetries === undefined ||
    memoryBytes === undefined ||
    memorySwapBytes === undefined ||
    nanoCpus === undefined ||
    pidsLimit === undefined ||
    network === undefined ||
    collect.problems.length > 0
  ) {
    return { spec: null, problems: collect.problems };
  }
  const candidate = {
    image,
    name,
    command,
    env,
    ports,
    mounts,
    restart: form.restart,
    maxRetries,
    resources: { memoryBytes, memorySwapBytes, nanoCpus, pidsLimit },
    namespaces: { network, pid: form.pid, ipc: form.ipc, uts: form.uts },
    tty: form.tty,
    start: form.start,
  };
  const parsed = RunSpec.safeParse(candidate);
  if (parsed.success) return { spec: parsed.data, problems: [] };
  return { spec: null, problems: parsed.error.issues.map((issue) => ({ field: fieldOfPath(issue.path), message: issue.message, blocking: true })) };
}

/** True when `problem` belongs to `field` (the field itself or a part of it: `ports.0.hostPort` belongs to `ports.0`). */
export function belongsTo(problem: RunProblem, field: string): boolean {
  return problem.field === field || problem.field.startsWith(`${field}.`);
}

/** The first problem of `field` among `problems`, or undefined. */
export function problemOn(problems: readonly RunProblem[], field: string): RunProblem | undefined {
  return problems.find((problem) => belongsTo(problem, field));
}


/** The per-field problems in an IpcError's `details` (`{ problems: RunProblem[] }`), or none when it has no such list. */
export function problemsOfDetails(details: unknown): RunProblem[] {
  if (typeof details !== 'object' || details === null || !('problems' in details)) return [];
  const parsed = RunProblem.array().safeParse(details.problems);
  return parsed.success ? parsed.data : [];
}

/** How a field shows its problem: in red when it blocks the run, as a "Note: …" when it does not, else the hint. */
export function problemHelper(problem: RunProblem | undefined, hint?: string): { error: boolean; helperText: string | undefined } {
  if (problem === undefined) return { error: false, helperText: hint };
  return { error: problem.blocking, helperText: problem.blocking ? problem.message : `Note: ${problem.message}` };
}
