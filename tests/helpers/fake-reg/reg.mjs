#!/usr/bin/env node
/**
 * A test double of reg.exe for Linux that answers one query, `reg query HKCU\Software\Microsoft\Windows\
 * CurrentVersion\Lxss /s`, from the simulated host's state file (shared with the fake wsl.exe, see
 * ../fake-wsl/fake-host.mjs), in reg.exe's layout:
 *
 *   (blank line)
 *   HKEY_CURRENT_USER\Software\Microsoft\Windows\CurrentVersion\Lxss
 *       DefaultDistribution    REG_SZ    {guid}
 *       DefaultVersion    REG_DWORD    0x2
 *   (blank line)
 *   HKEY_CURRENT_USER\Software\Microsoft\Windows\CurrentVersion\Lxss\{guid}
 *       State    REG_DWORD    0x1
 *       ...
 *
 * Values are indented by four spaces and separated by four spaces; DWORDs print as lower-case `0x…`;
 * lines end in CRLF. reg.exe writes the console's OEM code page when its output is a pipe: this double
 * writes code page 850, or UTF-16LE with FAKE_REG_UTF16=1. Without any distro the key does not exist:
 * a localized error on stderr and exit code 1, as reg.exe does. Each WSL2 distro's `BasePath` is the
 * folder of its stand-in VHDX on this machine.
 *
 * Knobs: FAKE_REG_UTF16=1 (UTF-16LE output), FAKE_REG_LOG=<file> (one JSON line per call: {argv}).
 */
import fs from 'node:fs';
import { Exit, diskFolder, readState, syncDisks } from '../fake-wsl/fake-host.mjs';

const KEY = 'HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Lxss';
const ACCEPTED_KEYS = new Set([KEY.toLowerCase(), 'hkcu\\software\\microsoft\\windows\\currentversion\\lxss']);
/** Persisted registry states (2 Running exists only at run time and is stored as 1 Installed). */
const STATE_DWORD = { Installing: 3, Uninstalling: 4, Converting: 5 };
const FLAGS_WSL2 = 0xf;
const FLAGS_WSL1 = 0x7;

const CP850_HIGH =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜø£Ø×ƒáíóúñÑªº¿®¬½¼¡«»░▒▓│┤ÁÂÀ©╣║╗╝¢¥┐└┴┬├─┼ãÃ╚╔╩╦╠═╬¤ðÐÊËÈıÍÎÏ┘┌█▄¦Ì▀ÓßÔÒõÕµþÞÚÛÙýÝ¯´\u00AD±‗¾¶§÷¸°¨·¹³²■\u00A0';

function encode(text) {
  const crlf = text.replace(/\r?\n/g, '\r\n');
  if (process.env.FAKE_REG_UTF16 === '1') return Buffer.from(crlf, 'utf16le');
  return Buffer.from(
    Array.from(crlf, (ch) => {
      const code = ch.charCodeAt(0);
      if (code < 0x80) return code;
      const index = CP850_HIGH.indexOf(ch);
      return index < 0 ? 0x3f : 0x80 + index;
    }),
  );
}

const value = (name, type, data) => `    ${name}    ${type}    ${data}\n`;
const dword = (name, n) => value(name, 'REG_DWORD', `0x${n.toString(16)}`);

function query(args) {
  const [key, ...options] = args;
  if (key === undefined || !ACCEPTED_KEYS.has(key.toLowerCase()) || options.length !== 1 || options[0]?.toLowerCase() !== '/s') {
    return new Exit(1, '', 'ERROR: Invalid syntax.\r\nType "REG QUERY /?" for usage.\r\n');
  }
  const state = readState();
  if (state.distros.length === 0) return new Exit(1, '', 'ERROR: The system was unable to find the specified registry key or value.\r\n');
  syncDisks(state);
  let out = `\n${KEY}\n`;
  if (state.defaultId) out += value('DefaultDistribution', 'REG_SZ', state.defaultId);
  out += dword('DefaultVersion', 2);
  for (const distro of state.distros) {
    out += `\n${KEY}\\${distro.id}\n`;
    out += dword('State', STATE_DWORD[distro.state] ?? 1);
    out += value('DistributionName', 'REG_SZ', distro.name);
    out += dword('Version', 2);
    out += value('BasePath', 'REG_SZ', distro.version === 2 ? diskFolder(distro) : distro.basePath || diskFolder(distro));
    out += dword('Flags', distro.version === 2 ? FLAGS_WSL2 : FLAGS_WSL1);
    out += dword('DefaultUid', Number.isInteger(distro.defaultUid) ? distro.defaultUid : 0);
    out += value('DefaultEnvironment', 'REG_MULTI_SZ', 'HOSTTYPE=x86_64\\0LANG=en_US.UTF-8\\0TERM=xterm-256color');
    out += value('KernelCommandLine', 'REG_SZ', '');
  }
  return new Exit(0, `${out}\n`);
}

function answer(argv) {
  try {
    const [verb, ...rest] = argv;
    if (verb?.toLowerCase() !== 'query') return new Exit(1, '', 'ERROR: Invalid syntax.\r\n');
    return query(rest);
  } catch (error) {
    if (error instanceof Exit) return error;
    return new Exit(2, '', `fake-reg: ${error?.stack ?? error}\n`);
  }
}

const argv = process.argv.slice(2);
if (process.env.FAKE_REG_LOG) fs.appendFileSync(process.env.FAKE_REG_LOG, `${JSON.stringify({ argv })}\n`);
const result = answer(argv);
if (result.output) process.stdout.write(encode(result.output));
if (result.stderr) process.stderr.write(encode(result.stderr));
process.exitCode = result.code;
