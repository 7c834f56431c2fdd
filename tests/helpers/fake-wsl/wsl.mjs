#!/usr/bin/env node
/**
 * A test double of wsl.exe for Linux: it reads and writes the simulated host's state file
 * (`$LIGHTDOCK_DATA_DIR/simulated-host.json`, through ./fake-host.mjs, shared with the fake reg.exe) and
 * answers in wsl.exe's real formats (see shared/reference/wsl-cli-and-vm-facts.md §1-§5):
 *
 * - wsl.exe's own text is UTF-16LE without BOM and with CRLF; with WSL_UTF8=1 it is UTF-8 with CRLF.
 * - `-l -v` rows follow `"%s %-{W}s%-16s%s\r\n"`, W = max(4, longest name) + 4, the default first;
 *   header and state words are English in every locale. `-l -o` rows follow `"%-{W}s%s"`.
 * - Errors go to stdout as `<message>\r\n<"Error code:"> Wsl/…\r\n`. wsl.exe exits with -1 then; a
 *   Linux process cannot, and -1 as an exit byte is 255, so this double exits with 255.
 * - Zero distros: `-l`/`-l -v` print only the localized message (no code line) and fail; `-l -q` prints
 *   nothing and exits 0.
 * - `-d <d> [-u <u>] --exec <cmd…>` boots the distro as wsl.exe does, then runs `/bin/true` or
 *   `/bin/sh -c <script>` on THIS machine (so a probe reads real Linux data) and passes its raw bytes and
 *   exit code through; any other command is refused with exit 127.
 *
 * Supported: -l/--list [-v|--verbose] [-q|--quiet] [--running] [--all] [-o|--online], --status, -v/--version,
 * -t/--terminate <d>, -s/--set-default/--setdefault <d>, --shutdown [--force], --install [-d|--distribution] <d>
 * [--no-launch] [--web-download], --export <d> <file> [--vhd | --format tar|vhd], --import <d> <dir> <file>
 * [--version 1|2] [--vhd], --unregister <d>, --set-version <d> 1|2, --manage <d> --set-sparse true|false
 * [--allow-unsafe], -d/--distribution <d> [-u/--user <u>] [-e/--exec <cmd…> | -- <cmd…>].
 *
 * Knobs (environment):
 *   FAKE_WSL_LOCALE=de        German messages and labels (list header and states stay English).
 *   FAKE_WSL_FORCE_UTF16=1    Ignore WSL_UTF8, as the inbox wsl.exe and the "not installed" stub do.
 *   FAKE_WSL_NOT_INSTALLED=1  Be the Windows 11 stub without WSL: notice in UTF-16LE, exit 1.
 *   FAKE_WSL_OFFLINE=1        `-l -o` and `--install` cannot reach the download server.
 *   FAKE_WSL_DELAY_MS=<n>     Wait before answering (to exercise timeouts).
 *   FAKE_WSL_LOG=<file>       Append one JSON line per call: {argv, utf8}.
 *   FAKE_WSL_FAULT=<fault>    Misbehave instead of answering:
 *                               hang     print nothing and never exit;
 *                               cut      print the first half of the answer's bytes, then exit 0;
 *                               signal   print the first half, then die of SIGKILL;
 *                               garbage  print 4 KiB of fixed pseudo-random bytes, exit 0;
 *                               flood    print 'A' on stdout without end (until killed);
 *                               flood-stderr  the same on stderr;
 *                               orphan   answer normally, but leave a grandchild holding stdout and stderr
 *                                        open for 60 s (its pid goes to FAKE_WSL_ORPHAN_PIDFILE).
 *   FAKE_WSL_FAULT_MARKER=<file>  Misbehave only while this file does not exist, and create it: one fault, then normal answers.
 *   FAKE_WSL_SLOW_MS=<n>      --install, --import, --export, --unregister and --set-version take <n> ms: the partial result
 *                             is put in place first (install and import register the distro as Installing, import makes
 *                             its folder and stand-in VHDX; export writes the first bytes of the file), then a worker
 *                             child process sleeps <n> ms, then the call completes as usual. Killed on the way (with its
 *                             worker), the call leaves that partial result behind, as a killed wsl.exe can. An
 *                             --unregister of a distro still Installing (that partial result) is not slowed.
 *   FAKE_WSL_PIDFILE=<file>   With FAKE_WSL_SLOW_MS: once the partial result is in place, append "<own pid> <worker pid>\n".
 *
 * Plain Node, no dependencies, no TypeScript imports: it runs as a separate process.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Exit, newGuid, ordered, readState, syncDisks, vhdxOf, writeState, writeStandIn } from './fake-host.mjs';

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
    online: "The following is a list of valid distributions that can be installed.\nInstall using 'wsl.exe --install <Distro>'.\n",
    fetchFailed: "Failed to fetch the distribution list from '{}'. A connection with the server could not be established ",
    invalidInstallName: "Invalid distribution name: '{}'.\nTo get a list of valid distributions, use 'wsl.exe --list --online'.",
    alreadyExists: 'A distribution with the supplied name already exists. Use --name to chose a different name.',
    downloading: 'Downloading: {}',
    installing: 'Installing: {}',
    installed: "Distribution successfully installed. It can be launched via 'wsl.exe -d {}'",
    wsl2Info: 'For information on key differences with WSL 2 please visit https://aka.ms/wsl2',
    sameVersion: 'The distribution is already the requested version.',
    notStopped: 'The operation could not be completed because the VHD is currently in use. To force WSL to stop use: wsl.exe --shutdown',
    wsl2Needed: 'This operation is only supported by WSL2.',
    fileNotFound: 'The system cannot find the file specified. ',
    looksLikeVhd: 'This looks like a VHD file. Use --vhd to import a VHD instead of a tar.',
    invalidBool: '{} is not a valid boolean, <true|false>',
    sparseDisabled:
      'Sparse VHD support is currently disabled due to potential data corruption.\n' +
      'To force a distribution to use a sparse VHD, please run:\n' +
      'wsl.exe --manage <DistributionName> --set-sparse true --allow-unsafe',
    status: ['Default Distribution: {}', 'Default Version: {}'],
    version: ['WSL version: {}', 'Kernel version: {}', 'WSLg version: {}', 'MSRDC version: {}', 'Direct3D version: {}', 'DXCore version: {}', 'Windows version: {}'],
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
    online: "Nachfolgend finden Sie eine Liste gültiger Distributionen, die installiert werden können.\nInstallieren Sie mithilfe von „wsl.exe --install <Distro>“.\n",
    fetchFailed: "Fehler beim Abrufen der Verteilungsliste von „{}“. Es konnte keine Verbindung mit dem Server hergestellt werden. ",
    invalidInstallName: "Ungültiger Distributionsname: „{}“.\nVerwenden Sie „wsl.exe --list --online“, um eine Liste gültiger Distributionen abzurufen.",
    alreadyExists: 'Es ist bereits eine Distribution mit dem angegebenen Namen vorhanden. Verwenden Sie --name, um einen anderen Namen auszuwählen.',
    downloading: 'Herunterladen: {}',
    installing: 'Wird installiert: {}',
    installed: "Die Distribution wurde erfolgreich installiert. Sie kann über „wsl.exe -d {}“ gestartet werden.",
    wsl2Info: 'Informationen zu den wichtigsten Unterschieden zu WSL 2 finden Sie unter https://aka.ms/wsl2',
    sameVersion: 'Die Distribution weist bereits die angeforderte Version auf.',
    notStopped: 'Der Vorgang konnte nicht abgeschlossen werden, da die VHD derzeit verwendet wird. So erzwingen Sie das Beenden von WSL: wsl.exe --shutdown',
    wsl2Needed: 'Dieser Vorgang wird nur von WSL2 unterstützt.',
    fileNotFound: 'Das System kann die angegebene Datei nicht finden. ',
    looksLikeVhd: 'Dies sieht wie eine VHD-Datei aus. Verwenden Sie --vhd, um eine VHD anstelle einer TAR-Datei zu importieren.',
    invalidBool: '{} ist kein gültiger boolescher Wert, <true|false>',
    sparseDisabled:
      'Die Unterstützung für Sparse-VHDs ist aufgrund einer möglichen Datenbeschädigung derzeit deaktiviert.\n' +
      'Um zu erzwingen, dass eine Distribution eine Sparse-VHD verwendet, führen Sie Folgendes aus:\n' +
      'wsl.exe --manage <DistributionName> --set-sparse true --allow-unsafe',
    status: ['Standarddistribution: {}', 'Standardversion: {}'],
    version: ['WSL-Version: {}', 'Kernelversion: {}', 'WSLg-Version: {}', 'MSRDC-Version: {}', 'Direct3D-Version: {}', 'DXCore-Version: {}', 'Windows-Version: {}'],
  },
};

const NOT_INSTALLED =
  "The Windows Subsystem for Linux is not installed. You can install by running 'wsl.exe --install'.\n" +
  'For more information please visit https://aka.ms/wslinstall';

const USAGE_HEAD =
  'Copyright (c) Microsoft Corporation. All rights reserved.\n' +
  'For privacy information about this product please visit https://aka.ms/privacy.\n\n' +
  'Usage: wsl.exe [Argument] [Options...] [CommandLine]';

const MANIFEST = 'https://raw.githubusercontent.com/microsoft/WSL/master/distributions/DistributionInfo.json';
/** [VERBATIM-REAL] a 2025/26 `wsl -l -o` list, trimmed. */
const ONLINE = [
  ['Ubuntu', 'Ubuntu'],
  ['Ubuntu-24.04', 'Ubuntu 24.04 LTS'],
  ['openSUSE-Tumbleweed', 'openSUSE Tumbleweed'],
  ['kali-linux', 'Kali Linux Rolling'],
  ['Debian', 'Debian GNU/Linux'],
  ['AlmaLinux-9', 'AlmaLinux OS 9'],
  ['archlinux', 'Arch Linux'],
  ['FedoraLinux-42', 'Fedora Linux 42'],
];
const VERSIONS = ['2.6.1.0', '6.6.87.2-1', '1.0.66', '1.2.6353', '1.611.1-81528511', '10.0.26100.1-240331-1435.ge-release', '10.0.26100.6899'];

const env = process.env;
const text = MESSAGES[env.FAKE_WSL_LOCALE === 'de' ? 'de' : 'en'];
const utf8 = env.WSL_UTF8 === '1' && env.FAKE_WSL_FORCE_UTF16 !== '1';

const fill = (template, ...values) => values.reduce((s, v) => s.replace('{}', v), template);
const fail = (message, code) => new Exit(WSL_FAILURE_EXIT, code ? `${message}\n${fill(text.errorCode, code)}\n` : `${message}\n`);
const notFound = () => fail(text.distroNotFound, 'Wsl/Service/WSL_E_DISTRO_NOT_FOUND');
const ok = (before = '') => new Exit(0, `${before}${text.ok}\n`);

function encode(output, forceUtf16 = false) {
  const crlf = output.replace(/\r?\n/g, '\r\n');
  return Buffer.from(crlf, utf8 && !forceUtf16 ? 'utf8' : 'utf16le');
}

/** Name lookup is case-insensitive, as in wsl.exe. */
function find(state, name) {
  const found = state.distros.find((d) => d.name.toLowerCase() === name.toLowerCase());
  if (!found) throw notFound();
  return found;
}

function valueOf(args, option) {
  const value = args[0];
  if (value === undefined) throw fail(fill(text.missingValue, option));
  return value;
}

/** Splits `args` into positionals and the given flags (`{ '--vhd': false, '--version': true }`: true takes a value). */
function parseArgs(args, options) {
  const positional = [];
  const flags = {};
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    if (arg in options) {
      if (options[arg]) {
        flags[arg] = valueOf(args.slice(i + 1), arg);
        i += 1;
      } else flags[arg] = true;
    } else if (arg.startsWith('-') && arg !== '-') throw fail(fill(text.invalidArgument, arg));
    else positional.push(arg);
  }
  return { positional, flags };
}

function list(args) {
  const flags = new Set();
  for (const arg of args) {
    if (arg === '-v' || arg === '--verbose') flags.add('verbose');
    else if (arg === '-q' || arg === '--quiet') flags.add('quiet');
    else if (arg === '--running') flags.add('running');
    else if (arg === '--all') flags.add('all');
    else if (arg === '-o' || arg === '--online') flags.add('online');
    else throw fail(fill(text.invalidArgument, arg));
  }
  if ((flags.has('quiet') && flags.has('verbose')) || (flags.has('all') && flags.has('running'))) throw fail(USAGE_HEAD);
  if (flags.has('online')) {
    if (flags.has('verbose') || flags.has('all')) throw fail(USAGE_HEAD);
    return listOnline();
  }
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

/** The sentence (its `\n` gives a blank line), then `"%-{W}s%s\n"` rows under `NAME`/`FRIENDLY NAME`. */
function listOnline() {
  if (env.FAKE_WSL_OFFLINE === '1') throw fail(fill(text.fetchFailed, MANIFEST), 'Wsl/InstallDistro/WININET_E_CANNOT_CONNECT');
  const width = Math.max(4, ...ONLINE.map(([name]) => name.length)) + 4;
  const rows = [['NAME', 'FRIENDLY NAME'], ...ONLINE].map(([name, friendly]) => `${name.padEnd(width)}${friendly}\n`);
  return new Exit(0, `${text.online}\n${rows.join('')}`);
}

function status() {
  const state = readState();
  const def = state.distros.find((d) => d.id === state.defaultId);
  const lines = [...(def ? [fill(text.status[0], def.name)] : []), fill(text.status[1], '2')];
  return new Exit(0, lines.map((l) => `${l}\n`).join(''));
}

function version() {
  return new Exit(0, text.version.map((label, i) => `${fill(label, VERSIONS[i])}\n`).join(''));
}

function terminate(args, option) {
  const state = readState();
  const distro = find(state, valueOf(args, option));
  if (distro.state === 'Running') distro.state = 'Stopped';
  writeState(state);
  return ok();
}

function setDefault(args, option) {
  const state = readState();
  state.defaultId = find(state, valueOf(args, option)).id;
  writeState(state);
  return ok();
}

function shutdown(args) {
  for (const arg of args) if (arg !== '--force') throw fail(fill(text.invalidArgument, arg));
  const state = readState();
  for (const d of state.distros) if (d.state === 'Running') d.state = 'Stopped';
  writeState(state);
  return new Exit(0);
}

/** A new registration with only the fields this fake knows; the simulated backend fills in the rest. */
function register(state, fields) {
  const distro = { id: newGuid(), state: 'Stopped', ...fields };
  state.distros.push(distro);
  if (state.defaultId === null || state.defaultId === undefined) state.defaultId = distro.id;
  return distro;
}

function install(args) {
  const { positional, flags } = parseArgs(args, { '-d': true, '--distribution': true, '--no-launch': false, '-n': false, '--web-download': false });
  const name = flags['-d'] ?? flags['--distribution'] ?? positional[0];
  if (name === undefined) throw fail(USAGE_HEAD);
  if (env.FAKE_WSL_OFFLINE === '1') throw fail(fill(text.fetchFailed, MANIFEST), 'Wsl/InstallDistro/WININET_E_CANNOT_CONNECT');
  const entry = ONLINE.find(([n]) => n.toLowerCase() === name.toLowerCase());
  if (!entry) throw fail(fill(text.invalidInstallName, name), 'Wsl/InstallDistro/WSL_E_DISTRO_NOT_FOUND');
  const state = readState();
  if (state.distros.some((d) => d.name.toLowerCase() === entry[0].toLowerCase())) {
    throw fail(text.alreadyExists, 'Wsl/InstallDistro/Service/RegisterDistro/ERROR_ALREADY_EXISTS');
  }
  register(state, { name: entry[0], version: 2, defaultUid: 0, disk: { fileSizeBytes: 1024 ** 3, maxSizeBytes: 1024 ** 4, sparse: false } });
  syncDisks(state);
  writeState(state);
  const launched = flags['--no-launch'] || flags['-n'] ? '' : `Launching ${entry[0]}...\n`;
  const lines = [fill(text.downloading, entry[1]), fill(text.installing, entry[1]), fill(text.installed, entry[0])];
  return new Exit(0, `${lines.join('\n')}\n${launched}`);
}

/** `--export <d> <file> [--vhd | --format tar|tar.gz|tar.xz|vhd]`: a VHD copy needs WSL2 and a stopped distro. */
function exportDistro(args) {
  const { positional, flags } = parseArgs(args, { '--vhd': false, '--format': true });
  const [name, file] = positional;
  if (name === undefined || file === undefined || positional.length > 2) throw fail(USAGE_HEAD);
  const format = flags['--vhd'] ? 'vhd' : (flags['--format'] ?? 'tar');
  if (!['tar', 'tar.gz', 'tar.xz', 'vhd'].includes(format)) throw fail(fill(text.invalidArgument, format), 'Wsl/E_INVALIDARG');
  const state = readState();
  const distro = find(state, name);
  if (format === 'vhd' && distro.version !== 2) throw fail(text.wsl2Needed, 'Wsl/Service/WSL_E_WSL2_NEEDED');
  if (format === 'vhd' && distro.state === 'Running') throw fail(text.notStopped, 'Wsl/Service/WSL_E_DISTRO_NOT_STOPPED');
  try {
    if (format === 'vhd') {
      syncDisks(state);
      fs.copyFileSync(vhdxOf(distro), file);
    } else {
      fs.writeFileSync(file, tarOf(distro));
    }
  } catch {
    throw fail(text.fileNotFound, 'Wsl/Service/ERROR_PATH_NOT_FOUND');
  }
  return ok();
}

/** A real one-file ustar archive (`etc/lightdock-fake`), so an exported tar can be imported again. */
function tarOf(distro) {
  const body = Buffer.from(`exported from ${distro.name}\n`);
  const header = Buffer.alloc(512, 0);
  const put = (value, offset, length) => header.write(value, offset, length, 'ascii');
  put('etc/lightdock-fake', 0, 100);
  put('0000644\0', 100, 8);
  put('0000000\0', 108, 8);
  put('0000000\0', 116, 8);
  put(`${body.length.toString(8).padStart(11, '0')}\0`, 124, 12);
  put('00000000000\0', 136, 12);
  put('        ', 148, 8);
  put('0', 156, 1);
  put('ustar\0', 257, 6);
  put('00', 263, 2);
  const sum = header.reduce((acc, byte) => acc + byte, 0);
  put(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8);
  const padding = Buffer.alloc((512 - (body.length % 512)) % 512, 0);
  return Buffer.concat([header, body, padding, Buffer.alloc(1024, 0)]);
}

/** `--import <d> <dir> <file> [--version 1|2] [--vhd]`: the VHDX goes to `<dir>/ext4.vhdx`. */
function importDistro(args) {
  const { positional, flags } = parseArgs(args, { '--version': true, '--vhd': false });
  const [name, dir, file] = positional;
  if (name === undefined || dir === undefined || file === undefined || positional.length > 3) throw fail(USAGE_HEAD);
  const version = flags['--version'] === undefined ? 2 : Number(flags['--version']);
  if (version !== 1 && version !== 2) throw fail(fill(text.invalidArgument, flags['--version']), 'Wsl/E_INVALIDARG');
  if (!/^[a-zA-Z0-9._-]{1,256}$/.test(name)) throw fail(fill(text.invalidInstallName, name), 'Wsl/E_INVALIDARG');
  const state = readState();
  if (state.distros.some((d) => d.name.toLowerCase() === name.toLowerCase())) throw fail(text.alreadyExists, 'Wsl/Service/RegisterDistro/ERROR_ALREADY_EXISTS');
  if (!fs.existsSync(file)) throw fail(text.fileNotFound, 'Wsl/Service/RegisterDistro/ERROR_FILE_NOT_FOUND');
  const isVhd = /\.vhdx?$/i.test(file);
  if (isVhd && !flags['--vhd']) throw fail(text.looksLikeVhd);
  if (flags['--vhd'] && version !== 2) throw fail(text.wsl2Needed, 'Wsl/Service/RegisterDistro/WSL_E_WSL2_NEEDED');
  fs.mkdirSync(dir, { recursive: true });
  const distro = register(state, {
    name,
    version,
    basePath: path.resolve(dir),
    defaultUid: 0,
    disk: version === 2 ? { fileSizeBytes: fs.statSync(file).size, maxSizeBytes: 1024 ** 4, sparse: false } : null,
  });
  if (flags['--vhd']) fs.copyFileSync(file, vhdxOf(distro));
  else if (version === 2) writeStandIn(vhdxOf(distro), false);
  writeState(state);
  return ok();
}

function unregister(args, option) {
  const state = readState();
  const distro = find(state, valueOf(args, option));
  state.distros = state.distros.filter((d) => d.id !== distro.id);
  if (state.defaultId === distro.id) state.defaultId = state.distros[0]?.id ?? null;
  const file = vhdxOf(distro);
  if (file !== null) fs.rmSync(file, { force: true });
  syncDisks(state);
  writeState(state);
  return ok();
}

function setVersion(args) {
  const [name, wanted, ...rest] = args;
  if (name === undefined || wanted === undefined || rest.length > 0) throw fail(USAGE_HEAD);
  const version = Number(wanted);
  if (version !== 1 && version !== 2) throw fail(fill(text.invalidArgument, wanted), 'Wsl/E_INVALIDARG');
  const state = readState();
  const distro = find(state, name);
  if (distro.version === version) throw fail(`${text.wsl2Info}\n${text.sameVersion}`, 'Wsl/Service/WSL_E_VM_MODE_INVALID_STATE');
  if (distro.state === 'Running') distro.state = 'Stopped';
  distro.version = version;
  distro.disk = version === 2 ? { fileSizeBytes: 1024 ** 3, maxSizeBytes: 1024 ** 4, sparse: false } : null;
  syncDisks(state);
  writeState(state);
  return ok(`${text.wsl2Info}\n`);
}

/** `--manage <d> --set-sparse true|false [--allow-unsafe]`; `true` needs `--allow-unsafe` in current WSL. */
function manage(args) {
  const { positional, flags } = parseArgs(args, { '--set-sparse': true, '-s': true, '--allow-unsafe': false });
  const [name] = positional;
  const raw = flags['--set-sparse'] ?? flags['-s'];
  if (name === undefined || raw === undefined || positional.length > 1) throw fail(USAGE_HEAD);
  const lower = raw.toLowerCase();
  if (lower !== 'true' && lower !== 'false') throw fail(fill(text.invalidBool, raw), 'Wsl/E_INVALIDARG');
  const state = readState();
  const distro = find(state, name);
  if (distro.version !== 2) throw fail(text.wsl2Needed, 'Wsl/Service/WSL_E_WSL2_NEEDED');
  if (lower === 'true' && !flags['--allow-unsafe']) throw fail(text.sparseDisabled, 'Wsl/Service/E_INVALIDARG');
  if (distro.state === 'Running') throw fail(text.notStopped, 'Wsl/Service/WSL_E_DISTRO_NOT_STOPPED');
  distro.disk = { fileSizeBytes: 1024 ** 3, maxSizeBytes: 1024 ** 4, ...distro.disk, sparse: lower === 'true' };
  syncDisks(state);
  writeState(state);
  return ok();
}

/** Runs the only commands Lightdock sends into a distro, on this machine: `/bin/true` and `/bin/sh -c <script>`. */
function runLinux(command) {
  const [file, ...rest] = command;
  if (file === '/bin/true' && rest.length === 0) return new Exit(0);
  if (file === '/bin/sh' && rest[0] === '-c' && rest.length === 2) {
    const run = spawnSync('/bin/sh', ['-c', rest[1]], { stdio: ['ignore', 'pipe', 'pipe'], timeout: 20_000 });
    process.stdout.write(run.stdout ?? Buffer.alloc(0));
    process.stderr.write(run.stderr ?? Buffer.alloc(0));
    return new Exit(run.status ?? 1);
  }
  return new Exit(127, '', `fake-wsl: ${file ?? '(none)'} is not a command this double runs\n`);
}

/** `-d <name> [-u <user>] [-e <cmd…> | -- <cmd…> | <cmd…>]`: boots the distro, then runs the command here. */
function launch(args) {
  let name;
  let command = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    if (arg === '-d' || arg === '--distribution') name = valueOf(args.slice(i + 1), arg);
    else if (arg === '-u' || arg === '--user') valueOf(args.slice(i + 1), arg);
    else if (arg === '-e' || arg === '--exec' || arg === '--') {
      command = args.slice(i + 1);
      break;
    } else if (arg.startsWith('-')) throw fail(fill(text.invalidArgument, arg));
    else {
      command = args.slice(i);
      break;
    }
    i += 1;
  }
  const state = readState();
  const distro = name === undefined ? state.distros.find((d) => d.id === state.defaultId) : find(state, name);
  if (!distro) throw fail(text.noDistros);
  if (distro.state !== 'Running') {
    distro.state = 'Running';
    writeState(state);
  }
  return command.length === 0 ? new Exit(0) : runLinux(command);
}

function dispatch(argv) {
  if (env.FAKE_WSL_NOT_INSTALLED === '1') return new Exit(1, `${NOT_INSTALLED}\n`);
  const [verb, ...rest] = argv;
  switch (verb) {
    case '-l':
    case '--list':
      return list(rest);
    case '--status':
      return status();
    case '-v':
    case '--version':
      return version();
    case '-t':
    case '--terminate':
      return terminate(rest, verb);
    case '-s':
    case '--set-default':
    case '--setdefault':
      return setDefault(rest, verb);
    case '--shutdown':
      return shutdown(rest);
    case '--install':
      return install(rest);
    case '--export':
      return exportDistro(rest);
    case '--import':
      return importDistro(rest);
    case '--unregister':
      return unregister(rest, verb);
    case '--set-version':
      return setVersion(rest);
    case '--manage':
      return manage(rest);
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

/** The fault to play on this call, if any: FAKE_WSL_FAULT, once per FAKE_WSL_FAULT_MARKER when that is set. */
function faultOfThisCall() {
  const fault = env.FAKE_WSL_FAULT;
  if (!fault) return null;
  if (!env.FAKE_WSL_FAULT_MARKER) return fault;
  try {
    fs.writeFileSync(env.FAKE_WSL_FAULT_MARKER, fault, { flag: 'wx' });
    return fault;
  } catch {
    return null;
  }
}

/** Fixed pseudo-random bytes (a linear congruential generator), so a garbage run is the same every time. */
function garbageBytes(length) {
  const bytes = Buffer.alloc(length);
  let seed = 0x9e3779b9;
  for (let i = 0; i < length; i += 1) {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    bytes[i] = seed >>> 24;
  }
  return bytes;
}

/** Plays one fault; resolves only for those that end by themselves. */
async function playFault(fault, argv) {
  const answerBytes = () => {
    const result = answer(argv);
    return result.output ? encode(result.output, false) : Buffer.alloc(0);
  };
  if (fault === 'hang') return new Promise(() => setInterval(() => undefined, 60_000));
  if (fault === 'cut' || fault === 'signal') {
    const bytes = answerBytes();
    await new Promise((resolve) => process.stdout.write(bytes.subarray(0, Math.floor(bytes.length / 2)), resolve));
    if (fault === 'signal') process.kill(process.pid, 'SIGKILL');
    process.exit(0);
  }
  if (fault === 'garbage') {
    process.stdout.write(garbageBytes(4096));
    return undefined;
  }
  if (fault === 'flood' || fault === 'flood-stderr') {
    const stream = fault === 'flood' ? process.stdout : process.stderr;
    const chunk = Buffer.alloc(64 * 1024, 'A');
    for (;;) {
      if (!stream.write(chunk)) await new Promise((resolve) => stream.once('drain', resolve));
    }
  }
  if (fault === 'orphan') {
    const grandchild = spawn(process.execPath, ['-e', 'setTimeout(() => undefined, 60_000)'], { stdio: ['ignore', 'inherit', 'inherit'], detached: true });
    if (env.FAKE_WSL_ORPHAN_PIDFILE) fs.writeFileSync(env.FAKE_WSL_ORPHAN_PIDFILE, String(grandchild.pid));
    grandchild.unref();
    return 'answer';
  }
  throw new Error(`fake-wsl: unknown FAKE_WSL_FAULT ${fault}`);
}

const LONG_OPERATIONS = new Set(['--install', '--import', '--export', '--unregister', '--set-version']);

/** The partial result a long operation shows while it works; returns what removes a placeholder registration before the real answer. */
function partialResult(argv) {
  const [command, ...args] = argv;
  let state;
  try {
    state = readState();
  } catch {
    return () => undefined;
  }
  const taken = (name) => state.distros.some((d) => d.name.toLowerCase() === String(name).toLowerCase());
  const placeholder = (fields) => {
    const distro = register(state, { ...fields, state: 'Installing', defaultUid: 0 });
    writeState(state);
    return () => {
      const now = readState();
      now.distros = now.distros.filter((d) => d.id !== distro.id);
      if (now.defaultId === distro.id) now.defaultId = now.distros[0]?.id ?? null;
      writeState(now);
    };
  };
  if (command === '--install') {
    let name;
    try {
      const { positional, flags } = parseArgs(args, { '-d': true, '--distribution': true, '--no-launch': false, '-n': false, '--web-download': false });
      name = flags['-d'] ?? flags['--distribution'] ?? positional[0];
    } catch {
      name = undefined;
    }
    const entry = ONLINE.find(([n]) => n.toLowerCase() === String(name).toLowerCase());
    if (entry && !taken(entry[0]) && env.FAKE_WSL_OFFLINE !== '1') return placeholder({ name: entry[0], version: 2, disk: null });
  }
  if (command === '--import') {
    const positional = args.filter((a, i) => !a.startsWith('-') && args[i - 1] !== '--version');
    const [name, dir, file] = positional;
    if (name !== undefined && dir !== undefined && file !== undefined && !taken(name) && fs.existsSync(file)) {
      fs.mkdirSync(dir, { recursive: true });
      writeStandIn(path.join(dir, 'ext4.vhdx'), false);
      return placeholder({ name, version: 2, basePath: path.resolve(dir), disk: null });
    }
  }
  if (command === '--export') {
    const [name, file] = args.filter((a) => !a.startsWith('-'));
    if (name !== undefined && file !== undefined && taken(name)) {
      try {
        fs.writeFileSync(file, Buffer.alloc(512, 0x70));
      } catch {
        // The real answer reports the unwritable path.
      }
    }
  }
  return () => undefined;
}

/** True for `--unregister` of a distro still Installing: only its registration goes, so it is quick even when slow. */
function unregistersHalfMade(argv) {
  if (argv[0] !== '--unregister' || argv[1] === undefined) return false;
  try {
    return readState().distros.some((d) => d.name.toLowerCase() === argv[1].toLowerCase() && d.state === 'Installing');
  } catch {
    return false;
  }
}

/** Plays a slow long operation's first part: the partial result, then a worker child sleeping FAKE_WSL_SLOW_MS. */
async function slowly(argv, ms) {
  const removePlaceholder = partialResult(argv);
  const worker = spawn(process.execPath, ['-e', `setTimeout(() => undefined, ${ms})`], { stdio: 'ignore' });
  if (env.FAKE_WSL_PIDFILE) fs.appendFileSync(env.FAKE_WSL_PIDFILE, `${process.pid} ${worker.pid}\n`);
  await new Promise((resolve) => worker.on('exit', resolve));
  removePlaceholder();
}

const argv = process.argv.slice(2);
if (env.FAKE_WSL_LOG) fs.appendFileSync(env.FAKE_WSL_LOG, `${JSON.stringify({ argv, utf8 })}\n`);
const delay = Number(env.FAKE_WSL_DELAY_MS ?? 0);
if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
const slowMs = Number(env.FAKE_WSL_SLOW_MS ?? 0);
if (slowMs > 0 && LONG_OPERATIONS.has(argv[0]) && !unregistersHalfMade(argv)) await slowly(argv, slowMs);
const fault = faultOfThisCall();
if (fault === null || (await playFault(fault, argv)) === 'answer') {
  const result = answer(argv);
  if (result.output) process.stdout.write(encode(result.output, env.FAKE_WSL_NOT_INSTALLED === '1'));
  if (result.stderr) process.stderr.write(result.stderr);
  process.exitCode = result.code;
}
