import type { WslConfigSetting, WslConfigView } from '../../../../shared/model/wslconfig';
import {
  DEFAULT_VHD_SIZE_BYTES,
  DEFAULT_VM_IDLE_TIMEOUT_MS,
  LISTED_KEYS,
  defaultMemoryLimit,
  defaultSwap,
  effectiveWslConfig,
  validateWslConfig,
  type EffectiveWslConfig,
  type WslHostFacts,
} from './effective-config';
import { parseWslConfig } from './wslconfig-document';
import { findKeyDef, keyOf, parseKeyValue } from './wslconfig-keys';
import { formatSize } from './wslconfig-values';

/** Defaults as WSL documents them, for this host; keys absent here default to nothing (an empty string). */
function defaultsFor(host: WslHostFacts, effective: EffectiveWslConfig): Record<string, string> {
  return {
    'wsl2.memory': formatSize(defaultMemoryLimit(host)),
    'wsl2.processors': String(host.logicalProcessors),
    'wsl2.swap': formatSize(defaultSwap(effective.memoryLimitBytes)),
    'wsl2.localhostForwarding': 'true',
    'wsl2.networkingMode': 'nat',
    'wsl2.dnsTunneling': 'true',
    'wsl2.firewall': 'true',
    'wsl2.autoProxy': 'true',
    'wsl2.dnsProxy': 'true',
    'wsl2.vmIdleTimeout': String(DEFAULT_VM_IDLE_TIMEOUT_MS),
    'wsl2.guiApplications': 'true',
    'wsl2.gpuSupport': 'true',
    'wsl2.nestedVirtualization': 'true',
    'wsl2.debugConsole': 'false',
    'wsl2.safeMode': 'false',
    'wsl2.defaultVhdSize': formatSize(DEFAULT_VHD_SIZE_BYTES),
    'wsl2.maxCrashDumpCount': '10',
    'wsl2.hardwarePerformanceCounters': 'true',
    'wsl2.ipv6': 'false',
    'wsl2.dhcp': 'true',
    'experimental.autoMemoryReclaim': 'dropCache',
    'experimental.sparseVhd': 'false',
    'experimental.hostAddressLoopback': 'false',
    'experimental.bestEffortDnsParsing': 'false',
    'experimental.initialAutoProxyTimeout': '1000',
    'general.instanceIdleTimeout': '15000',
  };
}

/** Effective values the VM model uses, formatted as `.wslconfig` would write them. */
function effectiveStrings(effective: EffectiveWslConfig): Record<string, string> {
  return {
    'wsl2.memory': formatSize(effective.memoryLimitBytes),
    'wsl2.processors': String(effective.processors),
    'wsl2.swap': formatSize(effective.swapBytes),
    'wsl2.networkingMode': effective.networkingMode,
    'wsl2.defaultVhdSize': formatSize(effective.defaultVhdSizeBytes),
    'experimental.sparseVhd': String(effective.sparseVhd),
  };
}

/**
 * The editor's view of `.wslconfig`: every known setting with what the file says, its default on this
 * host, what WSL will actually use and whether it needs a VM restart; plus WSL's warnings with lines.
 */
export function buildWslConfigView(file: { path: string; text: string | null }, host: WslHostFacts, restartPending: boolean): WslConfigView {
  const doc = parseWslConfig(file.text ?? '');
  const effective = effectiveWslConfig(file.text, host);
  const defaults = defaultsFor(host, effective);
  const computed = effectiveStrings(effective);
  const firstValue = new Map<string, string>();
  for (const entry of doc.entries) {
    const def = findKeyDef(entry.key);
    if (!def || entry.value === null) continue;
    const canonical = def.aliasOf ?? keyOf(def);
    if (!firstValue.has(canonical)) firstValue.set(canonical, entry.value);
  }
  const settings = LISTED_KEYS.map((def): WslConfigSetting => {
    const key = keyOf(def);
    const value = firstValue.get(key) ?? null;
    const defaultValue = defaults[key] ?? '';
    const parsed = value === null ? null : parseKeyValue(def, value);
    const fromFile = parsed?.ok ? String(parsed.value) : null;
    return {
      key,
      section: def.section,
      name: def.name,
      type: def.type,
      description: def.description,
      value,
      defaultValue,
      effectiveValue: computed[key] ?? (def.type === 'size' && parsed?.ok ? formatSize(Number(parsed.value)) : (fromFile ?? defaultValue)),
      ...(def.choices ? { choices: [...def.choices] } : {}),
      restartNeeded: def.restartNeeded,
    };
  });
  return { path: file.path, exists: file.text !== null, settings, issues: validateWslConfig(file.text, host), restartPending };
}
