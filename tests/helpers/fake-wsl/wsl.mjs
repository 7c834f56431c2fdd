#!/usr/bin/env node
/**
 * A test double of wsl.exe for Linux: it reads and writes the simulated host's state file
 * (`$LIGHTDOCK_DATA_DIR/simulated-host.json`, the schema of electron/services/wsl/simulated/host-state.ts)
 * and answers in wsl.exe's real formats (see shared/reference/wsl-cli-and-vm-facts.md §1, §2, §4, §5):
 *
 * - wsl.exe's own text is UTF-16LE without BOM and with CRLF; with WSL_UTF8=1 it is UTF-8 with CRLF.
 * - `-l -v` rows follow `"%s %-{W}s%-16s%s\r\n"`, W = max(4, longest name) + 4, the default first;
 *   header and state words are English in every locale.
 * - Errors go to stdout as `<message>\r\n<"Error code:"> Wsl/…\r\n`. wsl.exe exits with -1 then; a
 *   Linux process cannot, and -1 as an exit byte is 255, so this double exits with 255.
 * - Zero distros: `-l`/`-l -v` print only the localized message (no code line) and fail; `-l -q` prints
 *   nothing and exits 0.
 *
 * Supported: -l/--list [-v|--verbose] [-q|--quiet] [--running] [--all], -t/--terminate <d>,
 * -s/--set-default/--setdefault <d>, --shutdown [--force], -d/--distribution <d> [-u/--user <u>]
 * [-e/--exec <cmd…> | -- <cmd…>] (marks the distro Running, exits 0 without running anything).
 *
 * Knobs (environment):
 *   FAKE_WSL_LOCALE=de        German messages, "Fehlercode:" label (header and states stay English).
 *   FAKE_WSL_FORCE_UTF16=1    Ignore WSL_UTF8, as the inbox wsl.exe and the "not installed" stub do.
 *   FAKE_WSL_NOT_INSTALLED=1  Be the Windows 11 stub without WSL: notice in UTF-16LE, exit 1.
 *   FAKE_WSL_DELAY_MS=<n>     Wait before answering (to exercise timeouts).
 *   FAKE_WSL_LOG=<file>       Append one JSON line per call: {argv, utf8}.
 *
 * Plain Node, no dependencies, no TypeScript imports: it runs as a separate process.
 */
import fs from 'node:fs';
import path from 'node:path';

const WSL_FAILURE_EXIT = 255;

const MESSAGES = {
  en: {
    errorCode: 'Error code: {}',
    ok: 'The operation completed successfully. ',
    distroNotFound: 'There is no distribution with the supplied name.',
    noDistros:
      'Windows Subsystem for Linux has no installed distributions.\n' +
      'You can resolve this by installing a distribution with the instructions below:\n\n' +
      "Use 'wsl.exe --list --online' to list available distributions\n" +
      "and 'wsl.exe --install <Distro>' to install.",
    noRunning: 'There are no running distributions.',
    listHeader: 'Windows Subsystem for Linux Distributions:',
    defaultMarker: '{} (Default)',
    invalidArgument: "Invalid command line argument: {}\nPlease use 'wsl.exe --help' to get a list of supported arguments.",
    missingValue: "Command line argument {} requires a value.\nPlease use 'wsl.exe --help' to get a list of supported arguments.",
  },
  de: {
    errorCode: 'Fehlercode: {}',
    ok: 'Der Vorgang wurde erfolgreich beendet. ',
    distroNotFound: 'Es ist keine Distribution mit dem angegebenen Namen vorhanden.',
    noDistros:
      'Windows-Subsystem für Linux verfügt über keine installierten Distributionen.\n' +
      'Sie können dies beheben, indem Sie eine Distribution mit den folgenden Anweisungen installieren:\n\n' +
      '"wsl.exe --list --online\' zum Auflisten verfügbarer Distributionen verwenden\n' +
      'und "wsl.exe --install <Distro>".',
    noRunning: 'Es werden keine Distributionen ausgeführt.',
    listHeader: 'Windows Subsystem für Linux-Distributionen:',
    defaultMarker: '{} (Standard)',
    invalidArgument: 'Ungültiges Befehlszeilenargument: {}\nVerwenden Sie "wsl.exe" --help\', um eine Liste der unterstützten Argumente abzurufen.',
    missingValue: "Für das Befehlszeilenargument „{}“ ist ein Wert erforderlich.\nBitte verwenden Sie 'wsl.exe --help', um eine Liste der unterstützten Argumente abzurufen.",
  },
};

const NOT_INSTALLED =
  "The Windows Subsystem for Linux is not installed. You can install by running 'wsl.exe --install'.\n" +
  'For more information please visit https://aka.ms/wslinstall';

const USAGE_HEAD =
  'Copyright (c) Microsoft Corporation. All rights reserved.\n' +
  'For privacy information about this product please visit https://aka.ms/privacy.\n\n' +
  'Usage: wsl.exe [Argument] [Options...] [CommandLine]';

const env = process.env;
const text = MESSAGES[env.FAKE_WSL_LOCALE === 'de' ? 'de' : 'en'];
const utf8 = env.WSL_UTF8 === '1' && env.FAKE_WSL_FORCE_UTF16 !== '1';

/** Thrown to end the run: the text goes to stdout, the code becomes the exit code. */
class Exit {
  constructor(code, output = '', stderr = '') {
    this.code = code;
    this.output = output;
    this.stderr = stderr;
  }
}

const fill = (template, ...values) => values.reduce((s, v) => s.replace('{}', v), template);
const fail = (message, code) => new Exit(WSL_FAILURE_EXIT, code ? `${message}\n${fill(text.errorCode, code)}\n` : `${message}\n`);
const notFound = () => fail(text.distroNotFound, 'Wsl/Service/WSL_E_DISTRO_NOT_FOUND');

function encode(output, forceUtf16 = false) {
  const crlf = output.replace(/\r?\n/g, '\r\n');
  return Buffer.from(crlf, utf8 && !forceUtf16 ? 'utf8' : 'utf16le');
}

function stateFile() {
  const dir = env.LIGHTDOCK_DATA_DIR;
  if (!dir) throw new Exit(2, '', 'fake-wsl: LIGHTDOCK_DATA_DIR is not set\n');
  return path.join(dir, 'simulated-host.json');
}

function readState() {
  const file = stateFile();
  let state;
  try {
    state = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Exit(2, '', `fake-wsl: cannot read ${file} (${error.message}); seed it with SimulatedWslBackend first\n`);
  }
  const valid =
    state?.schema === 1 &&
    Array.isArray(state.distros) &&
    state.distros.every((d) => typeof d?.id === 'string' && typeof d.name === 'string' && (d.version === 1 || d.version === 2) && typeof d.state === 'string');
  if (!valid) throw new Exit(2, '', `fake-wsl: ${file} does not match the simulated host schema\n`);
  return state;
}

function writeState(state) {
  const file = stateFile();
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, `${JSON.stringify(state, null, 2)}\n`, 'utf8');
  fs.renameSync(temp, file);
}

/** Distros in `wsl -l -v` order: the default first, then registration order. */
function ordered(state) {
  const isDefault = (d) => d.id === state.defaultId;
  return [...state.distros.filter(isDefault), ...state.distros.filter((d) => !isDefault(d))];
}

/** Name lookup is case-insensitive, as in wsl.exe. */
function find(state, name) {
  const found = state.distros.find((d) => d.name.toLowerCase() === name.toLowerCase());
  if (!found) throw notFound();
  return found;
}

function list(args) {
  const flags = new Set();
  for (const arg of args) {
    if (arg === '-v' || arg === '--verbose') flags.add('verbose');
    else if (arg === '-q' || arg === '--quiet') flags.add('quiet');
    else if (arg === '--running') flags.add('running');
    else if (arg === '--all') flags.add('all');
    else throw fail(fill(text.invalidArgument, arg));
  }
  if ((flags.has('quiet') && flags.has('verbose')) || (flags.has('all') && flags.has('running'))) throw fail(USAGE_HEAD);
  const state = readState();
  const rows = ordered(state).filter((d) => !flags.has('running') || d.state === 'Running');
  if (flags.has('quiet')) return new Exit(0, rows.map((d) => `${d.name}\n`).join(''));
  if (state.distros.length === 0) throw fail(text.noDistros);
  if (flags.has('verbose')) return new Exit(0, listVerbose(state, rows));
  if (rows.length === 0) throw fail(text.noRunning);
  const names = rows.map((d) => (d.id === state.defaultId ? fill(text.defaultMarker, d.name) : d.name));
  return new Exit(0, [text.listHeader, ...names].map((line) => `${line}\n`).join(''));
}

/** `"%s %-{W}s%-16s%s\n"` with W = max(4, longest name) + 4, header first with a blank marker. */
function listVerbose(state, rows) {
  const width = Math.max(4, ...rows.map((d) => d.name.length)) + 4;
  const line = (marker, name, stateWord, version) => `${marker} ${name.padEnd(width)}${stateWord.padEnd(16)}${version}\n`;
  return [
    line(' ', 'NAME', 'STATE', 'VERSION'),
    ...rows.map((d) => line(d.id === state.defaultId ? '*' : ' ', d.name, d.state, String(d.version))),
  ].join('');
}

function valueOf(args, option) {
  const value = args[0];
  if (value === undefined) throw fail(fill(text.missingValue, option));
  return value;
}

function terminate(args, option) {
  const state = readState();
  const distro = find(state, valueOf(args, option));
  if (distro.state === 'Running') distro.state = 'Stopped';
  writeState(state);
  return new Exit(0, `${text.ok}\n`);
}

function setDefault(args, option) {
  const state = readState();
  state.defaultId = find(state, valueOf(args, option)).id;
  writeState(state);
  return new Exit(0, `${text.ok}\n`);
}

function shutdown(args) {
  for (const arg of args) if (arg !== '--force') throw fail(fill(text.invalidArgument, arg));
  const state = readState();
  for (const d of state.distros) if (d.state === 'Running') d.state = 'Stopped';
  writeState(state);
  return new Exit(0);
}

/** `-d <name> [-u <user>] [-e <cmd…> | -- <cmd…> | <cmd…>]`: boots the distro; the command is not run. */
function launch(args) {
  let name;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    if (arg === '-d' || arg === '--distribution') name = valueOf(args.slice(i + 1), arg);
    else if (arg === '-u' || arg === '--user') valueOf(args.slice(i + 1), arg);
    else if (arg === '-e' || arg === '--exec' || arg === '--') break;
    else if (arg.startsWith('-')) throw fail(fill(text.invalidArgument, arg));
    else break;
    i += 1;
  }
  const state = readState();
  const distro = name === undefined ? state.distros.find((d) => d.id === state.defaultId) : find(state, name);
  if (!distro) throw fail(text.noDistros);
  distro.state = 'Running';
  writeState(state);
  return new Exit(0);
}

function dispatch(argv) {
  if (env.FAKE_WSL_NOT_INSTALLED === '1') return new Exit(1, `${NOT_INSTALLED}\n`);
  const [verb, ...rest] = argv;
  switch (verb) {
    case '-l':
    case '--list':
      return list(rest);
    case '-t':
    case '--terminate':
      return terminate(rest, verb);
    case '-s':
    case '--set-default':
    case '--setdefault':
      return setDefault(rest, verb);
    case '--shutdown':
      return shutdown(rest);
    case '-d':
    case '--distribution':
    case '-u':
    case '--user':
    case '-e':
    case '--exec':
    case '--':
    case undefined:
      return launch(argv);
    default:
      throw fail(fill(text.invalidArgument, verb));
  }
}

function answer(argv) {
  try {
    return dispatch(argv);
  } catch (error) {
    if (error instanceof Exit) return error;
    return new Exit(2, '', `fake-wsl: ${error?.stack ?? error}\n`);
  }
}

const argv = process.argv.slice(2);
if (env.FAKE_WSL_LOG) fs.appendFileSync(env.FAKE_WSL_LOG, `${JSON.stringify({ argv, utf8 })}\n`);
const delay = Number(env.FAKE_WSL_DELAY_MS ?? 0);
if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
const result = answer(argv);
if (result.output) process.stdout.write(encode(result.output, env.FAKE_WSL_NOT_INSTALLED === '1'));
if (result.stderr) process.stderr.write(result.stderr);
process.exitCode = result.code;
