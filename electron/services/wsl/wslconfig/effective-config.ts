import type { MemoryReclaimMode, NetworkingMode } from '../../../../shared/model/vm';
import type { WslConfigIssue } from '../../../../shared/model/wslconfig';
import { parseWslConfig, type WslConfigDocument } from './wslconfig-document';
import { WSL_CONFIG_KEYS, findKeyDef, keyOf, parseKeyValue, type WslConfigKeyDef } from './wslconfig-keys';
import { GIB, MIB } from './wslconfig-values';

/** What `.wslconfig` defaults depend on: the host's RAM and logical processors. */
export interface WslHostFacts {
  totalMemoryBytes: number;
  logicalProcessors: number;
}

/** The values WSL boots the VM with after reading `.wslconfig` (defaults filled in, bad values ignored). */
export interface EffectiveWslConfig {
  memoryLimitBytes: number;
  processors: number;
  swapBytes: number;
  swapFile: string | null;
  kernel: string | null;
  kernelModules: string | null;
  kernelCommandLine: string | null;
  localhostForwarding: boolean;
  networkingMode: NetworkingMode;
  dnsTunneling: boolean;
  firewall: boolean;
  autoProxy: boolean;
  dnsProxy: boolean;
  vmIdleTimeoutMs: number;
  guiApplications: boolean;
  nestedVirtualization: boolean;
  defaultVhdSizeBytes: number;
  autoMemoryReclaim: MemoryReclaimMode;
  sparseVhd: boolean;
  distributionInstallPath: string | null;
  instanceIdleTimeoutMs: number;
}

/** The smallest memory limit WSL accepts; smaller values are raised to it. */
export const MIN_MEMORY_BYTES = 256 * MIB;
/** `wsl2.defaultVhdSize` default: 1 TB. */
export const DEFAULT_VHD_SIZE_BYTES = 1024 * GIB;
/** `wsl2.vmIdleTimeout` default. */
export const DEFAULT_VM_IDLE_TIMEOUT_MS = 60_000;

/** Half the host's RAM, at least 256 MB: WSL's default memory limit. */
export function defaultMemoryLimit(host: WslHostFacts): number {
  return Math.max(MIN_MEMORY_BYTES, Math.floor(host.totalMemoryBytes / 2));
}

/** A quarter of the memory limit rounded up to a whole GB: WSL's default swap. */
export function defaultSwap(memoryLimitBytes: number): number {
  return Math.ceil(memoryLimitBytes / 4 / GIB) * GIB;
}

/**
 * Values WSL takes from the file, keyed by canonical `section.name`. A key and its `[experimental]`
 * alias are one setting; the first occurrence wins even when its value is bad (WSL then keeps the default).
 */
function readValues(doc: WslConfigDocument): Map<string, string | number | boolean> {
  const values = new Map<string, string | number | boolean>();
  const seen = new Set<string>();
  for (const entry of doc.entries) {
    const def = findKeyDef(entry.key);
    if (!def || entry.value === null) continue;
    const canonical = def.aliasOf ?? keyOf(def);
    if (seen.has(canonical)) continue;
    seen.add(canonical);
    const parsed = parseKeyValue(def, entry.value);
    if (parsed.ok) values.set(canonical, parsed.value);
  }
  return values;
}

/**
 * What WSL boots with for this `.wslconfig` text on this host: memory half the RAM by default (at least
 * 256 MB, at most all of it), every processor (at most all), swap a quarter of memory rounded up to a
 * whole GB, 60 s idle timeout, NAT with localhost forwarding, `dropCache` reclaim, 1 TB disks, no sparse
 * disks (WSL blocks them); `[wsl2]` wins over the `[experimental]` spelling of the same key.
 */
export function effectiveWslConfig(text: string | null, host: WslHostFacts): EffectiveWslConfig {
  const values = readValues(parseWslConfig(text ?? ''));
  const pick = <T extends string | number | boolean>(key: string, fallback: T): T => {
    const value = values.get(key);
    return (value === undefined || typeof value !== typeof fallback ? fallback : value) as T;
  };
  const textValue = (key: string): string | null => {
    const value = values.get(key);
    return typeof value === 'string' && value !== '' ? value : null;
  };
  const memoryLimitBytes = Math.min(host.totalMemoryBytes, Math.max(MIN_MEMORY_BYTES, pick('wsl2.memory', defaultMemoryLimit(host))));
  const processorsWanted = pick('wsl2.processors', host.logicalProcessors);
  const mode = pick<string>('wsl2.networkingMode', 'nat').toLowerCase();
  const reclaim = pick<string>('experimental.autoMemoryReclaim', 'dropCache');
  return {
    memoryLimitBytes,
    processors: Math.min(host.logicalProcessors, Math.max(1, processorsWanted)),
    swapBytes: pick('wsl2.swap', defaultSwap(memoryLimitBytes)),
    swapFile: textValue('wsl2.swapFile'),
    kernel: textValue('wsl2.kernel'),
    kernelModules: textValue('wsl2.kernelModules'),
    kernelCommandLine: textValue('wsl2.kernelCommandLine'),
    localhostForwarding: pick('wsl2.localhostForwarding', true),
    networkingMode: (mode === 'consomme' ? 'virtioproxy' : mode) as NetworkingMode,
    dnsTunneling: pick('wsl2.dnsTunneling', true),
    firewall: pick('wsl2.firewall', true),
    autoProxy: pick('wsl2.autoProxy', true),
    dnsProxy: pick('wsl2.dnsProxy', true),
    vmIdleTimeoutMs: pick('wsl2.vmIdleTimeout', DEFAULT_VM_IDLE_TIMEOUT_MS),
    guiApplications: pick('wsl2.guiApplications', true),
    nestedVirtualization: pick('wsl2.nestedVirtualization', true),
    defaultVhdSizeBytes: pick('wsl2.defaultVhdSize', DEFAULT_VHD_SIZE_BYTES),
    autoMemoryReclaim: (reclaim === 'gradual' || reclaim === 'disabled' ? reclaim : 'dropCache') as MemoryReclaimMode,
    sparseVhd: false,
    distributionInstallPath: textValue('general.distributionInstallPath'),
    instanceIdleTimeoutMs: pick('general.instanceIdleTimeout', 15_000),
  };
}

/** Checks one value for a known key as WSL would, plus the ranges WSL warns about; null when fine. */
export function checkValue(def: WslConfigKeyDef, raw: string, host: WslHostFacts): string | null {
  const parsed = parseKeyValue(def, raw);
  if (!parsed.ok) return parsed.message;
  if (keyOf(def) === 'wsl2.processors' && typeof parsed.value === 'number') {
    if (parsed.value < 1) return 'wsl2.processors must be at least 1.';
    if (parsed.value > host.logicalProcessors) {
      return `wsl2.processors cannot exceed the number of logical processors on the system (${parsed.value} > ${host.logicalProcessors}).`;
    }
  }
  return null;
}

/**
 * The warnings WSL prints for this file, with their lines: malformed lines, unknown keys, duplicated
 * keys (the first one wins), invalid sizes, booleans, integers and choices, processors out of range,
 * and settings WSL ignores (sparseVhd, localhostForwarding in mirrored mode).
 */
export function validateWslConfig(text: string | null, host: WslHostFacts): WslConfigIssue[] {
  const doc = parseWslConfig(text ?? '');
  const issues: WslConfigIssue[] = [...doc.syntaxIssues];
  const seen = new Map<string, number>();
  for (const entry of doc.entries) {
    const def = findKeyDef(entry.key);
    const spelled = entry.section === '' ? entry.name : `${entry.section}.${entry.name}`;
    if (!def) {
      const hint = entry.section === '' ? ' (it is outside any section: put it under [wsl2])' : '';
      issues.push({ line: entry.line, key: spelled, message: `Unknown key '${spelled}'${hint}.` });
      continue;
    }
    if (entry.value === null) continue;
    const canonical = def.aliasOf ?? keyOf(def);
    const first = seen.get(canonical.toLowerCase());
    if (first !== undefined) {
      issues.push({ line: entry.line, key: canonical, message: `Duplicated config key '${spelled}': line ${first} already sets it, so this one is ignored.` });
      continue;
    }
    seen.set(canonical.toLowerCase(), entry.line);
    const problem = checkValue(def, entry.value, host);
    if (problem) {
      issues.push({ line: entry.line, key: canonical, message: problem });
      continue;
    }
    if (canonical === 'experimental.sparseVhd' && entry.value.toLowerCase() !== 'false' && entry.value !== '0') {
      issues.push({ line: entry.line, key: canonical, message: 'Sparse VHD support is currently disabled due to potential data corruption; WSL ignores experimental.sparseVhd.' });
    }
  }
  const effective = effectiveWslConfig(text, host);
  if (effective.networkingMode === 'mirrored') {
    const forwarding = doc.entries.find((e) => e.key === 'wsl2.localhostforwarding');
    if (forwarding) issues.push({ line: forwarding.line, key: 'wsl2.localhostForwarding', message: 'wsl2.localhostForwarding has no effect in mirrored networking mode.' });
  }
  return issues.sort((a, b) => a.line - b.line);
}

/** Every definition the editor lists (aliases are understood but not listed). */
export const LISTED_KEYS: readonly WslConfigKeyDef[] = WSL_CONFIG_KEYS.filter((def) => def.aliasOf === undefined);
