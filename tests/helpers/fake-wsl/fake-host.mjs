/**
 * What the fake wsl.exe and the fake reg.exe share: the simulated host's state file
 * (`$LIGHTDOCK_DATA_DIR/simulated-host.json`, see electron/services/wsl/simulated/host-state.ts) and the
 * stand-in VHDX files of its WSL2 distros.
 *
 * Tolerance: only `schema` (a positive integer), `defaultId` and each distro's `id`, `name`, `version` and
 * `state` are required; `basePath`, `defaultUid` and `disk` ({fileSizeBytes, maxSizeBytes, sparse}) are
 * read when present. A distro this fake adds carries only those fields; the simulated backend fills its
 * other fields with their schema defaults on its next read.
 *
 * Disks: a seeded distro's `basePath` is a Windows path nobody can reach on Linux, so its VHDX lives in
 * `$LIGHTDOCK_DATA_DIR/fake-wsl/disks/<guid>/ext4.vhdx`; a distro imported to a real folder keeps it
 * there. Each VHDX is a 1 MiB stand-in: written out for a normal disk, a hole for a sparse one, so
 * `stat().blocks` tells them apart as NTFS's allocation size does on Windows.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Size of every stand-in VHDX. */
export const STAND_IN_BYTES = 1024 * 1024;

/** Thrown to end a run: the text goes to stdout, the code becomes the exit code. */
export class Exit {
  constructor(code, output = '', stderr = '') {
    this.code = code;
    this.output = output;
    this.stderr = stderr;
  }
}

export function dataDir() {
  const dir = process.env.LIGHTDOCK_DATA_DIR;
  if (!dir) throw new Exit(2, '', 'fake: LIGHTDOCK_DATA_DIR is not set\n');
  return dir;
}

function stateFile() {
  return path.join(dataDir(), 'simulated-host.json');
}

/** The state file, checked only for the fields the fakes use. */
export function readState() {
  const file = stateFile();
  let state;
  try {
    state = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Exit(2, '', `fake: cannot read ${file} (${error.message}); seed it with SimulatedWslBackend first\n`);
  }
  const valid =
    Number.isInteger(state?.schema) &&
    state.schema >= 1 &&
    Array.isArray(state.distros) &&
    state.distros.every((d) => typeof d?.id === 'string' && typeof d.name === 'string' && (d.version === 1 || d.version === 2) && typeof d.state === 'string');
  if (!valid) throw new Exit(2, '', `fake: ${file} does not match the simulated host schema\n`);
  return state;
}

/** Writes the state atomically (temp file + rename), as JsonStateFile does. */
export function writeState(state) {
  const file = stateFile();
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, `${JSON.stringify(state, null, 2)}\n`, 'utf8');
  fs.renameSync(temp, file);
}

/** Distros in `wsl -l -v` order: the default first, then registration order. */
export function ordered(state) {
  const isDefault = (d) => d.id === state.defaultId;
  return [...state.distros.filter(isDefault), ...state.distros.filter((d) => !isDefault(d))];
}

/** A new registry GUID in WSL's spelling. */
export function newGuid() {
  return `{${randomUUID()}}`;
}

/** The folder that holds a distro's VHDX on this machine (see the module comment). */
export function diskFolder(distro) {
  const base = typeof distro.basePath === 'string' ? distro.basePath : '';
  if (base.startsWith('/')) return base;
  return path.join(dataDir(), 'fake-wsl', 'disks', distro.id.replace(/[{}]/g, ''));
}

/** The VHDX path of a WSL2 distro, or null for WSL1. */
export function vhdxOf(distro) {
  return distro.version === 2 ? path.join(diskFolder(distro), 'ext4.vhdx') : null;
}

function isSparseFile(file) {
  const stat = fs.statSync(file);
  return stat.blocks * 512 < stat.size;
}

/** Writes the stand-in: allocated bytes for a normal disk, a hole of the same length for a sparse one. */
export function writeStandIn(file, sparse) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (sparse) {
    fs.writeFileSync(file, '');
    fs.truncateSync(file, STAND_IN_BYTES);
  } else {
    fs.writeFileSync(file, Buffer.alloc(STAND_IN_BYTES, 0x5a));
  }
}

/**
 * Makes every WSL2 distro's stand-in exist and match its `disk.sparse`, and removes the stand-ins of
 * distros that are gone from the fake's own disk folder.
 */
export function syncDisks(state) {
  const wanted = new Set();
  for (const distro of state.distros) {
    const file = vhdxOf(distro);
    if (file === null) continue;
    wanted.add(path.dirname(file));
    const sparse = distro.disk?.sparse === true;
    if (!fs.existsSync(file) || isSparseFile(file) !== sparse) writeStandIn(file, sparse);
  }
  const own = path.join(dataDir(), 'fake-wsl', 'disks');
  if (!fs.existsSync(own)) return;
  for (const entry of fs.readdirSync(own)) {
    const folder = path.join(own, entry);
    if (!wanted.has(folder)) fs.rmSync(folder, { recursive: true, force: true });
  }
}
