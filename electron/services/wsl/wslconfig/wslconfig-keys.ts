import type { WslConfigSetting } from '../../../../shared/model/wslconfig';
import { parseBoolean, parseInteger, parseSize } from './wslconfig-values';

/** A `.wslconfig` section WSL reads. */
export type WslConfigSectionName = 'wsl2' | 'experimental' | 'general';

/** One setting WSL knows: where it lives, its type, what it does and whether it needs `wsl --shutdown`. */
export interface WslConfigKeyDef {
  section: WslConfigSectionName;
  /** WSL's spelling (keys are compared case-insensitively). */
  name: string;
  type: WslConfigSetting['type'];
  description: string;
  /** Accepted values of an `enum` key, compared case-insensitively. */
  choices?: readonly string[];
  /** True when WSL reads it only as the VM boots: the change applies after `wsl --shutdown`. */
  restartNeeded: boolean;
  /** For a key WSL also accepts elsewhere (`experimental.networkingMode`): the `section.name` it stands for. */
  aliasOf?: string;
}

const RESTART = ' Applies after the VM restarts (wsl --shutdown).';

const wsl2 = (name: string, type: WslConfigSetting['type'], description: string, choices?: readonly string[]): WslConfigKeyDef => ({
  section: 'wsl2',
  name,
  type,
  description: description + RESTART,
  restartNeeded: true,
  ...(choices ? { choices } : {}),
});

const experimental = (name: string, type: WslConfigSetting['type'], description: string, choices?: readonly string[]): WslConfigKeyDef => ({
  section: 'experimental',
  name,
  type,
  description: description + RESTART,
  restartNeeded: true,
  ...(choices ? { choices } : {}),
});

/** `networkingMode` values WSL accepts (case-insensitive); `consomme` and `virtioproxy` are one mode. */
export const NETWORKING_MODE_CHOICES = ['none', 'nat', 'bridged', 'mirrored', 'consomme', 'virtioproxy'] as const;
/** `autoMemoryReclaim` values WSL accepts (case-insensitive). */
export const MEMORY_RECLAIM_CHOICES = ['disabled', 'gradual', 'dropCache'] as const;

const alias = (def: WslConfigKeyDef): WslConfigKeyDef => ({ ...def, section: 'experimental', aliasOf: `wsl2.${def.name}` });

const NETWORKING_MODE = wsl2('networkingMode', 'enum', 'How the VM reaches the network: nat (its own address behind a virtual NAT), mirrored (the host\'s addresses), none, bridged or virtioproxy.', NETWORKING_MODE_CHOICES);
const DNS_TUNNELING = wsl2('dnsTunneling', 'boolean', 'Answers DNS from Windows through a virtual device instead of over the network.');
const FIREWALL = wsl2('firewall', 'boolean', 'Applies the Hyper-V firewall rules and Windows firewall to the VM.');
const AUTO_PROXY = wsl2('autoProxy', 'boolean', 'Gives Linux the Windows HTTP proxy settings.');

/** Every key WSL reads from `.wslconfig`, in the order the editor lists them (aliases last, unlisted). */
export const WSL_CONFIG_KEYS: readonly WslConfigKeyDef[] = [
  wsl2('memory', 'size', 'Most memory the VM may take from Windows (it grows and shrinks below this). Default: half of the host\'s RAM.'),
  wsl2('processors', 'integer', 'Logical processors the VM gets. Default: all of them.'),
  wsl2('swap', 'size', 'Size of the swap file; 0 turns swap off. Default: a quarter of memory, rounded up to a whole GB.'),
  wsl2('swapFile', 'path', 'Where the swap VHDX is kept (write backslashes twice: C:\\\\temp\\\\swap.vhdx).'),
  wsl2('kernel', 'path', 'A custom Linux kernel instead of the one WSL ships.'),
  wsl2('kernelModules', 'path', 'A VHD of kernel modules for a custom kernel.'),
  wsl2('kernelCommandLine', 'string', 'Extra kernel command-line arguments.'),
  wsl2('localhostForwarding', 'boolean', 'Makes ports the VM listens on reachable as localhost from Windows (NAT mode).'),
  NETWORKING_MODE,
  DNS_TUNNELING,
  FIREWALL,
  AUTO_PROXY,
  wsl2('dnsProxy', 'boolean', 'Points Linux DNS at the host\'s NAT address (NAT mode only).'),
  wsl2('vmIdleTimeout', 'integer', 'Milliseconds the VM stays up after the last distro stops. Default: 60000.'),
  wsl2('guiApplications', 'boolean', 'Runs WSLg so Linux GUI apps open as Windows windows.'),
  wsl2('gpuSupport', 'boolean', 'Gives Linux access to the GPU.'),
  wsl2('nestedVirtualization', 'boolean', 'Lets Linux run its own VMs (KVM).'),
  wsl2('debugConsole', 'boolean', 'Opens a console window with the VM\'s kernel messages.'),
  wsl2('safeMode', 'boolean', 'Starts WSL with many features off, to recover from a bad setup.'),
  wsl2('defaultVhdSize', 'size', 'Largest size the ext4.vhdx of a new distro may grow to. Default: 1TB.'),
  wsl2('maxCrashDumpCount', 'integer', 'How many VM crash dumps to keep.'),
  wsl2('hardwarePerformanceCounters', 'boolean', 'Exposes hardware performance counters to Linux.'),
  wsl2('ipv6', 'boolean', 'Gives the VM IPv6 addresses in NAT mode.'),
  wsl2('dhcp', 'boolean', 'Uses DHCP inside the VM in bridged mode.'),
  wsl2('macAddress', 'string', 'The VM\'s MAC address (aa:bb:cc:dd:ee:ff).'),
  wsl2('vmSwitch', 'string', 'The Hyper-V switch used in bridged mode.'),
  experimental('autoMemoryReclaim', 'enum', 'How the VM gives cached memory back to Windows: dropCache (at once when idle), gradual (slowly) or disabled.', MEMORY_RECLAIM_CHOICES),
  experimental('sparseVhd', 'boolean', 'Creates new distro disks as sparse VHDX files (WSL currently ignores it and warns).'),
  experimental('hostAddressLoopback', 'boolean', 'In mirrored mode, lets the host and the VM reach each other by the host\'s own address.'),
  experimental('ignoredPorts', 'string', 'Comma-separated ports Linux may bind in mirrored mode even if Windows uses them.'),
  experimental('bestEffortDnsParsing', 'boolean', 'With DNS tunneling, drops the parts of a DNS request Windows cannot answer.'),
  experimental('initialAutoProxyTimeout', 'integer', 'Milliseconds to wait for the Windows proxy settings at boot.'),
  { section: 'general', name: 'distributionInstallPath', type: 'path', description: 'Folder where `wsl --install` puts new distros. Applies to the next install.', restartNeeded: false },
  {
    section: 'general',
    name: 'instanceIdleTimeout',
    type: 'integer',
    description: 'Milliseconds a distro keeps running after its last process exits. Applies after the VM restarts (wsl --shutdown).',
    restartNeeded: true,
  },
  alias(NETWORKING_MODE),
  alias(DNS_TUNNELING),
  alias(FIREWALL),
  alias(AUTO_PROXY),
];

/** `section.name` of a definition in WSL's spelling. */
export const keyOf = (def: WslConfigKeyDef): string => `${def.section}.${def.name}`;

/** The definition for a `section.name` key, compared case-insensitively; undefined for keys WSL does not know. */
export function findKeyDef(key: string): WslConfigKeyDef | undefined {
  const wanted = key.toLowerCase();
  return WSL_CONFIG_KEYS.find((def) => keyOf(def).toLowerCase() === wanted);
}

/** A value read as its key's type, or the sentence WSL's warning would carry. */
export type ParsedValue = { ok: true; value: string | number | boolean } | { ok: false; message: string };

/** Reads a raw value as WSL would for this key: sizes, strtol integers, booleans, paths, choices. */
export function parseKeyValue(def: WslConfigKeyDef, raw: string): ParsedValue {
  const key = keyOf(def);
  switch (def.type) {
    case 'size': {
      const bytes = parseSize(raw);
      return bytes === null
        ? { ok: false, message: `Invalid memory string '${raw}' for .wslconfig entry '${key}': write a whole number with an upper-case suffix (B, K, KB, M, MB, G, GB, T, TB), for example 8GB.` }
        : { ok: true, value: bytes };
    }
    case 'integer': {
      const number = parseInteger(raw);
      return number === null ? { ok: false, message: `Invalid integer value '${raw}' for key '${key}'.` } : { ok: true, value: number };
    }
    case 'boolean': {
      const flag = parseBoolean(raw);
      return flag === null ? { ok: false, message: `Invalid boolean value '${raw}' for key '${key}': use true or false.` } : { ok: true, value: flag };
    }
    case 'enum': {
      const choice = def.choices?.find((c) => c.toLowerCase() === raw.toLowerCase());
      return choice === undefined
        ? { ok: false, message: `Invalid value '${raw}' for key '${key}': use one of ${(def.choices ?? []).join(', ')}.` }
        : { ok: true, value: choice };
    }
    case 'path':
      return /^(?:[A-Za-z]:[\\/]|\\\\[^\\])/.test(raw)
        ? { ok: true, value: raw }
        : { ok: false, message: `'${raw}' for key '${key}' is not an absolute Windows path (for example C:\\\\wsl\\\\kernel).` };
    case 'string':
      return { ok: true, value: raw };
  }
}
