/** One value line of `reg.exe query`: its name, its `REG_*` type and its data as printed. */
export interface RegValue {
  type: string;
  data: string;
}

/** One key of `reg.exe query /s`: its full path and its values by name (the names as printed). */
export interface RegKey {
  path: string;
  values: Map<string, RegValue>;
}

/** The Lxss registry key: where WSL keeps its distros (`HKCU\Software\Microsoft\Windows\CurrentVersion\Lxss`). */
export const LXSS_KEY = 'HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Lxss';

/** `Flags` bit for a distro that runs in the utility VM (WSL2). */
const LXSS_FLAG_VM_MODE = 0x8;

/** One distro's subkey `{GUID}` of the Lxss key. */
export interface LxssDistro {
  /** The subkey name, a braced GUID as WSL writes it (lower case). */
  id: string;
  name: string;
  /** The folder holding the VHDX, without the `\\?\` prefix old registrations carry; null when absent. */
  basePath: string | null;
  /** `VhdFileName`, `ext4.vhdx` when WSL did not write one. */
  vhdFileName: string;
  flags: number | null;
  /** WSL version from `Flags & 0x8` (never from `Version`, which is the filesystem format). */
  version: 1 | 2 | null;
  /** Persisted state: 1 Installed, 3 Installing, 4 Uninstalling, 5 Converting. */
  state: number | null;
  defaultUid: number | null;
  packageFamilyName: string | null;
}

/** The Lxss key as Lightdock needs it. */
export interface LxssRegistry {
  defaultDistributionId: string | null;
  defaultVersion: number | null;
  natIpAddress: string | null;
  distros: LxssDistro[];
}

const KEY_LINE = /^HKEY_[A-Z_]+(\\.*)?$/;
/** reg.exe indents values by four spaces and separates name, type and data by four spaces. */
const VALUE_LINE = /^ {4}(.*?) {4}(REG_[A-Z0-9_]+)(?: {4}(.*))?$/;

/**
 * Parses `reg.exe query <key> [/s]` by its layout: a line starting with `HKEY_` opens a key, each
 * following line indented by four spaces is `name    REG_TYPE    data`. Localized lines (the `(Default)`
 * value's name, an "End of search" summary) are carried along or skipped, never interpreted.
 */
export function parseRegQuery(text: string): RegKey[] {
  const keys: RegKey[] = [];
  let current: RegKey | null = null;
  for (const line of text.split(/\r*\n/)) {
    if (KEY_LINE.test(line)) {
      current = { path: line.trimEnd(), values: new Map() };
      keys.push(current);
      continue;
    }
    const value = VALUE_LINE.exec(line);
    if (current !== null && value?.[1] !== undefined && value[2] !== undefined) {
      current.values.set(value[1], { type: value[2], data: value[3] ?? '' });
    }
  }
  return keys;
}

/** The number of a `REG_DWORD`/`REG_QWORD` (`0x3e8`), null for any other type or text. */
function regNumber(value: RegValue | undefined): number | null {
  if (value === undefined || (value.type !== 'REG_DWORD' && value.type !== 'REG_QWORD')) return null;
  const match = /^0x([0-9a-fA-F]+)$/.exec(value.data.trim());
  return match?.[1] === undefined ? null : parseInt(match[1], 16);
}

/** The text of a `REG_SZ`/`REG_EXPAND_SZ`, null for any other type. */
function regString(value: RegValue | undefined): string | null {
  if (value === undefined || (value.type !== 'REG_SZ' && value.type !== 'REG_EXPAND_SZ')) return null;
  return value.data;
}

function lastSegment(keyPath: string): string {
  return keyPath.slice(keyPath.lastIndexOf('\\') + 1);
}

function stripLongPathPrefix(p: string): string {
  return p.startsWith('\\\\?\\UNC\\') ? `\\\\${p.slice(8)}` : p.replace(/^\\\\\?\\/, '');
}

/**
 * Reads the Lxss key from `reg.exe query HKCU\…\Lxss /s`: the root's default GUID and version, and each
 * `{GUID}` subkey that carries a `DistributionName` (other subkeys such as `DiskMounts` are ignored).
 */
export function parseLxssRegistry(text: string): LxssRegistry {
  const keys = parseRegQuery(text);
  const root = keys.find((k) => /\\Lxss$/i.test(k.path));
  const distros: LxssDistro[] = [];
  for (const key of keys) {
    const id = lastSegment(key.path);
    const name = regString(key.values.get('DistributionName'));
    if (!/^\{[0-9a-fA-F-]{36}\}$/.test(id) || name === null || !/\\Lxss\\[^\\]+$/i.test(key.path)) continue;
    const flags = regNumber(key.values.get('Flags'));
    const basePath = regString(key.values.get('BasePath'));
    distros.push({
      id: id.toLowerCase(),
      name,
      basePath: basePath === null || basePath === '' ? null : stripLongPathPrefix(basePath),
      vhdFileName: regString(key.values.get('VhdFileName')) || 'ext4.vhdx',
      flags,
      version: flags === null ? null : (flags & LXSS_FLAG_VM_MODE) !== 0 ? 2 : 1,
      state: regNumber(key.values.get('State')),
      defaultUid: regNumber(key.values.get('DefaultUid')),
      packageFamilyName: regString(key.values.get('PackageFamilyName')),
    });
  }
  return {
    defaultDistributionId: regString(root?.values.get('DefaultDistribution'))?.toLowerCase() ?? null,
    defaultVersion: regNumber(root?.values.get('DefaultVersion')),
    natIpAddress: regString(root?.values.get('NatIpAddress')) || null,
    distros,
  };
}
