import type { DistroMount } from '../../../../shared/model/distro';
import { PROBE_SECTIONS, type ProbeSection } from './probe-script';

/** `/proc/meminfo` figures in bytes (the kernel prints kB = KiB). */
export interface ProbeMemory {
  totalBytes: number;
  availableBytes: number;
  freeBytes: number;
  buffersBytes: number;
  cachedBytes: number;
  swapTotalBytes: number;
  swapFreeBytes: number;
}

/** The distro's main IPv4 interface (eth0 when it exists) and the default route's gateway. */
export interface ProbeNetwork {
  interfaceName: string | null;
  ip: string | null;
  prefixLength: number | null;
  gateway: string | null;
}

/** The root filesystem as `df -P -k /` shows it; in a WSL2 distro that is the ext4 inside the VHDX. */
export interface ProbeDisk {
  sizeBytes: number;
  usedBytes: number;
  availableBytes: number;
}

/** What one probe run found; a field is null (or empty) when its section was empty or unreadable. */
export interface DistroProbe {
  complete: boolean;
  kernelRelease: string | null;
  kernelVersion: string | null;
  uptimeSeconds: number | null;
  processors: number | null;
  memory: ProbeMemory | null;
  mounts: DistroMount[];
  network: ProbeNetwork;
  dns: string[];
  rootDisk: ProbeDisk | null;
  osName: string | null;
  user: string | null;
  systemd: boolean | null;
  networkingMode: string | null;
}

/** Filesystems that are kernel interfaces, not storage; they are left out of `mounts`. */
const PSEUDO_FILESYSTEMS = new Set([
  'proc',
  'sysfs',
  'devpts',
  'devtmpfs',
  'cgroup',
  'cgroup2',
  'mqueue',
  'debugfs',
  'tracefs',
  'securityfs',
  'pstore',
  'bpf',
  'binfmt_misc',
  'hugetlbfs',
  'fusectl',
  'configfs',
  'autofs',
  'nsfs',
  'rpc_pipefs',
  'efivarfs',
  'selinuxfs',
]);

const KNOWN = new Set<string>(PROBE_SECTIONS);
const MARKER = /^==([a-z0-9-]+)==$/;

/** Splits the probe's output into its sections by the `==name==` lines the script prints. */
function splitProbeSections(text: string): Map<ProbeSection, string[]> {
  const sections = new Map<ProbeSection, string[]>();
  let current: string[] | null = null;
  for (const line of text.split(/\r?\n/)) {
    const marker = MARKER.exec(line);
    if (marker?.[1] !== undefined && KNOWN.has(marker[1])) {
      current = [];
      sections.set(marker[1] as ProbeSection, current);
    } else if (current !== null && line.trim() !== '') {
      current.push(line);
    }
  }
  return sections;
}

/**
 * Reads the output of `PROBE_SCRIPT` (Linux UTF-8 text, LF). Never throws: a missing tool empties its
 * section and yields nulls; `complete` is false when the closing `==end==` marker never came (the run was cut).
 */
export function parseProbe(text: string): DistroProbe {
  const sections = splitProbeSections(text);
  const lines = (name: ProbeSection): string[] => sections.get(name) ?? [];
  const first = (name: ProbeSection): string | null => lines(name)[0]?.trim() || null;
  const pid1 = first('pid1');
  return {
    complete: sections.has('end'),
    kernelRelease: first('uname'),
    kernelVersion: first('version'),
    uptimeSeconds: parseUptime(first('uptime')),
    processors: parsePositiveInt(first('nproc')),
    memory: parseMeminfo(lines('meminfo')),
    mounts: parseMounts(lines('mounts')),
    network: parseNetwork(lines('ip-addr'), lines('route'), lines('fib-trie')),
    dns: parseResolvConf(lines('resolv')),
    rootDisk: parseDf(lines('df')),
    osName: parseOsRelease(lines('os-release')),
    user: first('user'),
    systemd: pid1 === null ? null : pid1 === 'systemd',
    networkingMode: first('networking-mode')?.toLowerCase() ?? null,
  };
}

function parseUptime(line: string | null): number | null {
  const seconds = Number(line?.split(/\s+/)[0]);
  return line !== null && Number.isFinite(seconds) && seconds >= 0 ? Math.floor(seconds) : null;
}

function parsePositiveInt(line: string | null): number | null {
  if (line === null || !/^\d+$/.test(line)) return null;
  const value = Number(line);
  return value > 0 ? value : null;
}

/** `MemTotal:  24684084 kB` lines; null when MemTotal is missing. MemAvailable falls back to free + buffers + cached. */
function parseMeminfo(lines: string[]): ProbeMemory | null {
  const values = new Map<string, number>();
  for (const line of lines) {
    const match = /^([A-Za-z0-9_()]+):\s+(\d+)(\s+kB)?\s*$/.exec(line);
    if (match?.[1] && match[2]) values.set(match[1], Number(match[2]) * (match[3] ? 1024 : 1));
  }
  const total = values.get('MemTotal');
  if (total === undefined) return null;
  const freeBytes = values.get('MemFree') ?? 0;
  const buffersBytes = values.get('Buffers') ?? 0;
  const cachedBytes = values.get('Cached') ?? 0;
  return {
    totalBytes: total,
    availableBytes: values.get('MemAvailable') ?? Math.min(total, freeBytes + buffersBytes + cachedBytes),
    freeBytes,
    buffersBytes,
    cachedBytes,
    swapTotalBytes: values.get('SwapTotal') ?? 0,
    swapFreeBytes: values.get('SwapFree') ?? 0,
  };
}

/** `/proc/mounts` turns space, tab, newline and backslash into octal escapes (`C:\134` is `C:\`). */
function unescapeMountField(field: string): string {
  return field.replace(/\\([0-7]{3})/g, (_match, octal: string) => String.fromCharCode(parseInt(octal, 8)));
}

/** Storage mounts of `/proc/mounts` (the root, `/mnt/c` over 9p, `/mnt/wslg`…), kernel pseudo filesystems and tmpfs outside /mnt left out. */
function parseMounts(lines: string[]): DistroMount[] {
  const mounts: DistroMount[] = [];
  for (const line of lines) {
    const [source, target, fsType, options] = line.split(/\s+/);
    if (source === undefined || target === undefined || fsType === undefined || options === undefined) continue;
    const mount = { source: unescapeMountField(source), target: unescapeMountField(target), fsType, options };
    if (PSEUDO_FILESYSTEMS.has(fsType)) continue;
    if (fsType === 'tmpfs' && !mount.target.startsWith('/mnt/')) continue;
    mounts.push(mount);
  }
  return mounts;
}

/** `/proc/net/route` prints IPv4 addresses as little-endian hex (`010200C0` is 192.0.2.1). */
function hexToIp(hex: string): string | null {
  if (!/^[0-9A-Fa-f]{8}$/.test(hex)) return null;
  const value = parseInt(hex, 16);
  return [value & 0xff, (value >>> 8) & 0xff, (value >>> 16) & 0xff, (value >>> 24) & 0xff].join('.');
}

function ipToNumber(ip: string): number {
  return ip.split('.').reduce((acc, octet) => acc * 256 + Number(octet), 0);
}

function prefixOfMask(mask: string): number {
  return ipToNumber(mask).toString(2).replace(/0/g, '').length;
}

interface RouteRow {
  iface: string;
  destination: string;
  gateway: string;
  mask: string;
}

function parseRoutes(lines: string[]): RouteRow[] {
  const rows: RouteRow[] = [];
  for (const line of lines.slice(1)) {
    const [iface, destination, gateway, , , , , mask] = line.trim().split(/\s+/);
    const parsed = [destination, gateway, mask].map((hex) => (hex === undefined ? null : hexToIp(hex)));
    const [d, g, m] = parsed;
    if (iface && d && g && m) rows.push({ iface, destination: d, gateway: g, mask: m });
  }
  return rows;
}

interface Address {
  iface: string;
  ip: string;
  prefixLength: number;
}

/** `4: eth0    inet 192.0.2.2/24 brd … scope global eth0\ …`; `eth0@if5` names lose their `@` suffix. */
function parseIpAddr(lines: string[]): Address[] {
  const addresses: Address[] = [];
  for (const line of lines) {
    const match = /^\d+:\s+([^\s@]+)(?:@\S+)?\s+inet\s+(\d{1,3}(?:\.\d{1,3}){3})\/(\d{1,2})\b/.exec(line);
    if (match?.[1] && match[2] && match[3]) addresses.push({ iface: match[1], ip: match[2], prefixLength: Number(match[3]) });
  }
  return addresses;
}

/**
 * Without `ip`: the local addresses of `/proc/net/fib_trie` (`|-- a.b.c.d` followed by `/32 host LOCAL`),
 * each given the interface and prefix of the routing table's on-link route that contains it.
 */
function parseFibTrie(lines: string[], routes: RouteRow[]): Address[] {
  const locals = new Set<string>();
  lines.forEach((line, index) => {
    const leaf = /\|--\s+(\d{1,3}(?:\.\d{1,3}){3})\s*$/.exec(line);
    if (leaf?.[1] && /\/32 host LOCAL/.test(lines[index + 1] ?? '')) locals.add(leaf[1]);
  });
  const addresses: Address[] = [];
  for (const ip of locals) {
    const route = routes.find(
      (r) => r.gateway === '0.0.0.0' && r.mask !== '0.0.0.0' && ((ipToNumber(ip) & ipToNumber(r.mask)) >>> 0) === ipToNumber(r.destination),
    );
    if (route) addresses.push({ iface: route.iface, ip, prefixLength: prefixOfMask(route.mask) });
  }
  return addresses;
}

function parseNetwork(ipLines: string[], routeLines: string[], fibLines: string[]): ProbeNetwork {
  const routes = parseRoutes(routeLines);
  const defaultRoute = routes.find((r) => r.destination === '0.0.0.0' && r.mask === '0.0.0.0' && r.gateway !== '0.0.0.0');
  const fromIp = parseIpAddr(ipLines);
  const addresses = (fromIp.length > 0 ? fromIp : parseFibTrie(fibLines, routes)).filter((a) => !a.ip.startsWith('127.'));
  const chosen =
    addresses.find((a) => a.iface === 'eth0') ?? addresses.find((a) => a.iface === defaultRoute?.iface) ?? addresses[0] ?? null;
  return {
    interfaceName: chosen?.iface ?? null,
    ip: chosen?.ip ?? null,
    prefixLength: chosen?.prefixLength ?? null,
    gateway: defaultRoute?.gateway ?? null,
  };
}

/** `nameserver` lines of `/etc/resolv.conf`, in order. */
function parseResolvConf(lines: string[]): string[] {
  return lines.flatMap((line) => {
    const match = /^\s*nameserver\s+(\S+)/.exec(line);
    return match?.[1] ? [match[1]] : [];
  });
}

/** The last line of `df -P -k /`: total, used and available 1024-byte blocks, then the capacity and `/`. */
function parseDf(lines: string[]): ProbeDisk | null {
  const match = /\s(\d+)\s+(\d+)\s+(\d+)\s+\d+%\s+\/\s*$/.exec(lines.at(-1) ?? '');
  if (!match?.[1] || !match[2] || !match[3]) return null;
  return { sizeBytes: Number(match[1]) * 1024, usedBytes: Number(match[2]) * 1024, availableBytes: Number(match[3]) * 1024 };
}

/** `PRETTY_NAME` of os-release (quotes removed), else `NAME`. */
function parseOsRelease(lines: string[]): string | null {
  const values = new Map<string, string>();
  for (const line of lines) {
    const match = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (!match?.[1] || match[2] === undefined) continue;
    const raw = match[2];
    const quoted = /^(["'])(.*)\1$/.exec(raw);
    values.set(match[1], quoted?.[2] !== undefined ? quoted[2].replace(/\\(["'$`\\])/g, '$1') : raw);
  }
  return values.get('PRETTY_NAME') || values.get('NAME') || null;
}
