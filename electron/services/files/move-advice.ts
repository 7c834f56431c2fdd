import type { MoveAdvice } from '../../../shared/model/files';
import { windowsBindDrive } from './classify-path';

/** Characters a POSIX shell word may hold unquoted. */
const PLAIN_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/;
/** The folder under the home where moved projects go. */
const PROJECTS = 'src';
/** Shown instead of a home that is not known: the shell expands it to the user's home. */
const UNKNOWN_HOME = '~';

/** One word for a POSIX shell: as it is when it holds only plain characters, else single-quoted with each `'` written `'\''`. */
export function shellQuote(word: string): string {
  if (PLAIN_WORD.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** A path under the home as a shell word: quoted as a whole, or `~/…` with only the part after the tilde quoted when the home is unknown. */
function homeWord(home: string | null, below: string): string {
  if (home !== null) return shellQuote(below === '' ? home : `${home.replace(/\/+$/, '')}/${below}`);
  return below === '' ? UNKNOWN_HOME : `${UNKNOWN_HOME}/${shellQuote(below)}`;
}

/** The last segment of a path (`web` of `/mnt/c/Users/alex/web`), or null for a root. */
function baseName(path: string): string | null {
  const segments = path.split('/').filter((s) => s !== '');
  return segments.at(-1) ?? null;
}

/** The project's place in the distro: `<home>/src/<name>`, as shown text. */
function targetText(home: string | null, name: string): string {
  return `${home ?? UNKNOWN_HOME}/${PROJECTS}/${name}`;
}

/** The Windows spelling of a path under a drive, for people (`C:\Users\alex\web`). */
function windowsSpelling(letter: string, rest: string): string {
  return `${letter}:${rest.replace(/\//g, '\\')}`;
}

/**
 * How to move a working directory on a Windows drive into the distro's own disk: make `<home>/src`, copy the
 * project there with `cp -a` (in every distro, keeps modes and times; `rsync -a` does the same and can be re-run),
 * then work from the copy. A drive root gets only the first and last step: copy the project folder, not the drive.
 */
export function distroMoveAdvice(input: { path: string; drive: string; distro: string; home: string | null; processes: readonly string[] }): MoveAdvice {
  const name = baseName(input.path.replace(/^\/mnt\/[a-zA-Z](?=\/|$)/, ''));
  const who = input.processes.length > 0 ? input.processes.join(', ') : 'A process';
  const across = `${who} ${input.processes.length > 1 ? 'work' : 'works'} in ${input.path} on drive ${input.drive}:, so every file access crosses the 9p boundary to Windows`;
  if (name === null) {
    return {
      path: input.path,
      target: `${input.home ?? UNKNOWN_HOME}/${PROJECTS}`,
      text: `${across}. Copy the project folder (not the whole drive) into ${input.distro}'s own disk under ${input.home ?? 'the home folder'} and work there.`,
      commands: [`mkdir -p ${homeWord(input.home, PROJECTS)}`, `cd ${homeWord(input.home, PROJECTS)}`],
    };
  }
  const target = homeWord(input.home, `${PROJECTS}/${name}`);
  return {
    path: input.path,
    target: targetText(input.home, name),
    text: `${across}. Copy the project into ${input.distro}'s own disk (ext4) and work there; cp -a keeps permissions and times and needs nothing installed (rsync -a does the same and can be re-run to catch up).`,
    commands: [`mkdir -p ${homeWord(input.home, PROJECTS)}`, `cp -a ${shellQuote(input.path)} ${target}`, `cd ${target}`],
  };
}

/** A WSL1 distro: there is no 9p boundary to move across; its own files and the drives are all on NTFS (lxfs and DrvFs). */
export function wsl1Advice(distro: string): MoveAdvice {
  return {
    path: '/',
    target: distro,
    text: `${distro} is a WSL1 distro: its own files (lxfs) and the Windows drives (DrvFs) are all on NTFS, so moving a project inside it gains little. Convert it to WSL2 (from Windows), then move projects off /mnt into its ext4 disk.`,
    commands: [`wsl.exe --set-version ${shellQuote(distro)} 2`],
  };
}

/** What the advice for a container's bind mount needs: the mount, the container, and the home of the distro its engine's files are reached from. */
export interface ContainerAdviceInput {
  source: string;
  destination: string;
  readOnly: boolean;
  container: string;
  image: string;
  home: string | null;
  /** The Compose project's folder and service, when Compose made the container. */
  compose: { workingDir: string | null; service: string } | null;
}

/**
 * How to move a container's Windows-drive bind mount: copy the folder into the distro (`/mnt/<drive>/…` is where
 * the distro sees it), then re-create the container with the bind from the distro path, or from a named volume.
 * Null when the source is not on a Windows drive.
 */
export function containerMoveAdvice(input: ContainerAdviceInput): MoveAdvice | null {
  const drive = windowsBindDrive(input.source);
  if (drive === null) return null;
  const distroView = `/mnt/${drive.letter.toLowerCase()}${drive.rest === '/' ? '' : drive.rest}`;
  const name = baseName(drive.rest) ?? 'project';
  const target = targetText(input.home, name);
  const targetWord = homeWord(input.home, `${PROJECTS}/${name}`);
  const suffix = input.readOnly ? ':ro' : '';
  const bindWord = input.home === null ? `${UNKNOWN_HOME}/${shellQuote(`${PROJECTS}/${name}:${input.destination}${suffix}`)}` : shellQuote(`${target}:${input.destination}${suffix}`);
  const volume = `${name.toLowerCase().replace(/[^a-z0-9_.-]/g, '-').replace(/^[^a-z0-9]+/, '') || 'project'}-data`;
  const copy = [`mkdir -p ${homeWord(input.home, PROJECTS)}`, `cp -a ${shellQuote(distroView)} ${targetWord}`];
  const windows = windowsSpelling(drive.letter, drive.rest);
  const why = `${input.container} mounts ${windows} at ${input.destination}, so every file access crosses the 9p boundary to Windows.`;
  if (input.compose !== null) {
    const folder = input.compose.workingDir;
    return {
      path: input.destination,
      target,
      text: `${why} Copy the folder into the distro's own disk, point the service's volume in the Compose file at ${target} (or a named volume), and re-create the service.`,
      commands: [...copy, ...(folder === null ? [] : [`cd ${shellQuote(folder)}`]), `docker compose up -d --force-recreate ${shellQuote(input.compose.service)}`],
    };
  }
  return {
    path: input.destination,
    target,
    text: `${why} Copy the folder into the distro's own disk, stop the container and run it again with the bind from there (… stands for its other options), or keep the files in a named volume instead (docker run -v ${volume}:${input.destination} …).`,
    commands: [...copy, `docker stop ${shellQuote(input.container)}`, `docker run -v ${bindWord} … ${shellQuote(input.image)}`],
  };
}
