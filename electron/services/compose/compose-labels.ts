import path from 'node:path';
import type { ContainerSummary } from '../../../shared/model/container';
import { ComposeProjectName } from '../../../shared/model/compose';

/** The labels Compose (v1 and v2) puts on every container it makes. */
export const COMPOSE_LABELS = {
  project: 'com.docker.compose.project',
  workingDir: 'com.docker.compose.project.working_dir',
  configFiles: 'com.docker.compose.project.config_files',
  service: 'com.docker.compose.service',
} as const;

/** Config files one project may name; more are refused as hostile. */
export const MAX_CONFIG_FILES = 32;
/** Services listed per project at most. */
export const MAX_SERVICES = 256;
/** Longest path taken from a label. */
const MAX_PATH_CHARS = 4096;
/** Longest service name taken from a label. */
const MAX_SERVICE_CHARS = 128;

/** What the labels of one project's containers say, before anything is checked on disk. */
export interface ProjectFacts {
  name: string;
  /** Whether `name` is a Compose project name Lightdock may pass to the CLI. */
  validName: boolean;
  workingDir: string | null;
  configFiles: string[];
  services: string[];
  containers: number;
  running: number;
  /** Why the labels cannot be acted on (missing, malformed, disagreeing), or null. */
  problem: string | null;
}

function pathModule(platform: NodeJS.Platform): path.PlatformPath {
  return platform === 'win32' ? path.win32 : path.posix;
}

function cleanPath(value: string | undefined): string | null {
  if (value === undefined) return null;
  const trimmed = value.trim();
  if (trimmed === '' || trimmed.length > MAX_PATH_CHARS || /[\r\n]/.test(trimmed) || trimmed.includes('\0')) return null;
  return trimmed;
}

/**
 * The working directory label as an absolute path (null when missing, relative, too long or holding NUL or a
 * line break).
 */
export function parseWorkingDir(value: string | undefined, platform: NodeJS.Platform): string | null {
  const dir = cleanPath(value);
  if (dir === null) return null;
  const paths = pathModule(platform);
  return paths.isAbsolute(dir) ? paths.normalize(dir) : null;
}

/**
 * The config-files label (comma-separated) as absolute paths: relative entries (docker-compose v1 writes them so)
 * resolve against the working directory; entries that are empty, hostile or relative without a working directory
 * are dropped; null when the label holds more than MAX_CONFIG_FILES entries.
 */
export function parseConfigFiles(value: string | undefined, workingDir: string | null, platform: NodeJS.Platform): string[] | null {
  if (value === undefined || value.length > MAX_CONFIG_FILES * (MAX_PATH_CHARS + 1)) return value === undefined ? [] : null;
  const entries = value.split(',').filter((entry) => entry.trim() !== '');
  if (entries.length > MAX_CONFIG_FILES) return null;
  const paths = pathModule(platform);
  const files: string[] = [];
  for (const entry of entries) {
    const file = cleanPath(entry);
    if (file === null) continue;
    if (paths.isAbsolute(file)) files.push(paths.normalize(file));
    else if (workingDir !== null) files.push(paths.resolve(workingDir, file));
  }
  return [...new Set(files)];
}

function cleanService(value: string | undefined): string | null {
  if (value === undefined) return null;
  const trimmed = value.trim();
  if (trimmed === '' || trimmed.length > MAX_SERVICE_CHARS || [...trimmed].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f)) return null;
  return trimmed;
}

function factsOf(name: string, members: readonly ContainerSummary[], platform: NodeJS.Platform): ProjectFacts {
  const dirs = new Set(members.map((c) => c.labels[COMPOSE_LABELS.workingDir]).filter((v): v is string => v !== undefined));
  const fileLabels = new Set(members.map((c) => c.labels[COMPOSE_LABELS.configFiles]).filter((v): v is string => v !== undefined));
  const [dirLabel] = dirs;
  const [filesLabel] = fileLabels;
  const workingDir = parseWorkingDir(dirLabel, platform);
  const configFiles = parseConfigFiles(filesLabel, workingDir, platform);
  const services = [...new Set(members.map((c) => cleanService(c.labels[COMPOSE_LABELS.service])).filter((s): s is string => s !== null))].sort();
  const validName = ComposeProjectName.safeParse(name).success;
  let problem: string | null = null;
  if (!validName) problem = 'Its name is not a Compose project name, so Lightdock will not pass it to Compose.';
  else if (dirs.size > 1 || fileLabels.size > 1) problem = 'Its containers name different working directories or config files.';
  else if (dirLabel === undefined) problem = 'Its containers do not say which folder the project is in (no working_dir label).';
  else if (workingDir === null) problem = 'Its working directory label is not an absolute path.';
  else if (configFiles === null) problem = `Its config files label names more than ${MAX_CONFIG_FILES} files.`;
  else if (configFiles.length === 0) problem = 'Its containers do not say which Compose files made them (no config_files label).';
  return {
    name,
    validName,
    workingDir,
    configFiles: configFiles ?? [],
    services: services.slice(0, MAX_SERVICES),
    containers: members.length,
    running: members.filter((c) => c.state === 'running').length,
    problem,
  };
}

/**
 * The Compose projects among the engine's containers, by `com.docker.compose.project`, sorted by name: each one's
 * working directory and config files as absolute paths (relative config files resolved against the working
 * directory), its services, counts, and the first problem with its labels. Label values are untrusted: hostile
 * ones are dropped or make the project not actionable; nothing here touches the disk.
 */
export function projectFacts(containers: readonly ContainerSummary[], platform: NodeJS.Platform): ProjectFacts[] {
  const projects = new Map<string, ContainerSummary[]>();
  for (const container of containers) {
    const name = container.labels[COMPOSE_LABELS.project];
    if (name === undefined || name === '') continue;
    const members = projects.get(name);
    if (members === undefined) projects.set(name, [container]);
    else members.push(container);
  }
  return [...projects.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, members]) => factsOf(name, members, platform));
}
