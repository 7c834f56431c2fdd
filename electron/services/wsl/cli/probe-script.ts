/** The section names the probe prints, in order, each on its own line as `==name==`. */
export const PROBE_SECTIONS = [
  'uname',
  'version',
  'uptime',
  'nproc',
  'meminfo',
  'mounts',
  'ip-addr',
  'route',
  'fib-trie',
  'resolv',
  'df',
  'os-release',
  'user',
  'pid1',
  'networking-mode',
  'end',
] as const;
/** One section name of the probe's output. */
export type ProbeSection = (typeof PROBE_SECTIONS)[number];

/**
 * The one probe run inside a running distro as `wsl.exe -d <name> --exec /bin/sh -c PROBE_SCRIPT`: a constant
 * POSIX sh line (never built from input) that reads kernel, uptime, CPUs, memory, mounts, addresses,
 * routes, DNS, root disk use, OS, user, PID 1 and WSL's networking mode with busybox/coreutils-level tools,
 * each tool's failure silenced so one missing tool empties its section only. `ip` may be missing: the
 * routing table is always printed and `/proc/net/fib_trie` is printed when `ip` is absent.
 * It is one line with no double quote and no backslash, so Windows command-line quoting of the argument
 * cannot change it on its way through wsl.exe.
 */
export const PROBE_SCRIPT = [
  'echo ==uname==',
  'uname -r 2>/dev/null',
  'echo ==version==',
  'cat /proc/version 2>/dev/null',
  'echo ==uptime==',
  'cat /proc/uptime 2>/dev/null',
  'echo ==nproc==',
  'nproc 2>/dev/null || grep -c ^processor /proc/cpuinfo 2>/dev/null',
  'echo ==meminfo==',
  'cat /proc/meminfo 2>/dev/null',
  'echo ==mounts==',
  'cat /proc/mounts 2>/dev/null',
  'echo ==ip-addr==',
  'ip -o -4 addr show 2>/dev/null',
  'echo ==route==',
  'cat /proc/net/route 2>/dev/null',
  'echo ==fib-trie==',
  'command -v ip >/dev/null 2>&1 || cat /proc/net/fib_trie 2>/dev/null',
  'echo ==resolv==',
  'cat /etc/resolv.conf 2>/dev/null',
  'echo ==df==',
  'df -P -k / 2>/dev/null',
  'echo ==os-release==',
  'cat /etc/os-release 2>/dev/null || cat /usr/lib/os-release 2>/dev/null',
  'echo ==user==',
  'id -un 2>/dev/null',
  'echo ==pid1==',
  'cat /proc/1/comm 2>/dev/null',
  'echo ==networking-mode==',
  'wslinfo --networking-mode 2>/dev/null',
  'echo ==end==',
].join('; ');
