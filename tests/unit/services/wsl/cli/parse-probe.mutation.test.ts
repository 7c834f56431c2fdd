import { describe, expect, it } from 'vitest';
import { parseProbe } from '../../../../../electron/services/wsl/cli/parse-probe';
import type { ProbeSection } from '../../../../../electron/services/wsl/cli/probe-script';

// Edges of the probe's sections the mutation run (npm run mutation) found untested: blanks and padding, numbers
// that are not counts, lines that do not follow a section's layout, and which address and route are chosen.

/** A probe output with the given sections, closed by `==end==`. */
function probe(sections: Partial<Record<ProbeSection, string[]>>): string {
  return `${Object.entries(sections)
    .map(([name, lines]) => [`==${name}==`, ...lines].join('\n'))
    .join('\n')}\n==end==\n`;
}

const ROUTE_HEADER = 'Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT';
/** A `/proc/net/route` row: interface, destination, gateway and mask as the kernel prints them (little-endian hex). */
const route = (iface: string, destination: string, gateway: string, mask: string): string =>
  [iface, destination, gateway, '0003', '0', '0', '0', mask, '0', '0', '0'].join('\t');

describe('parseProbe: section lines', () => {
  it('skips blank lines and lines of blanks, and trims the first line of a section', () => {
    const result = parseProbe(probe({ uname: ['', '   ', '  6.6.87.2-microsoft-standard-WSL2  '], user: ['\t', ' alex '] }));
    expect(result.kernelRelease).toBe('6.6.87.2-microsoft-standard-WSL2');
    expect(result.user).toBe('alex');
  });
});

describe('parseProbe: section markers', () => {
  it('takes only a whole ==name== line as a marker', () => {
    const result = parseProbe('==uname==\n6.6.87\n==user==\nalex\nx==uname==\n==uname==x\n==end==\n');
    expect(result).toMatchObject({ kernelRelease: '6.6.87', user: 'alex', complete: true });
    expect(parseProbe('==uname==\n6.6.87\n==end==x\n').complete).toBe(false);
  });
});

describe('parseProbe: uptime and processors', () => {
  it('reads the uptime as whole seconds from zero up, and nothing that is not a finite number', () => {
    const uptime = (line: string) => parseProbe(probe({ uptime: [line] })).uptimeSeconds;
    expect(uptime('5403.72 40000.10')).toBe(5403);
    expect(uptime('0.50 0.00')).toBe(0);
    expect(uptime('0.00 0.00')).toBe(0);
    expect(uptime('-5 0')).toBeNull();
    expect(uptime('Infinity 0')).toBeNull();
    expect(uptime('soon 0')).toBeNull();
  });

  it('reads the processor count only from a positive decimal integer', () => {
    const nproc = (line: string) => parseProbe(probe({ nproc: [line] })).processors;
    expect(nproc('16')).toBe(16);
    expect(nproc('0')).toBeNull();
    expect(nproc('1e3')).toBeNull();
    expect(nproc('0x10')).toBeNull();
    expect(nproc('8 cores')).toBeNull();
  });
});

describe('parseProbe: meminfo', () => {
  it('reads kB and unit-less values with any spacing, and skips lines that do not follow the layout', () => {
    const memory = parseProbe(
      probe({
        meminfo: [
          'garbage without a colon',
          'MemTotal:  8  kB  ',
          'MemFree:       2048',
          'Bogus MemAvailable: 999 kB',
          '#MemAvailable: 999 kB',
          'Buffers:  1 kB extra',
          'SwapTotal:\t4 kB',
        ],
      }),
    ).memory;
    expect(memory).toEqual({
      totalBytes: 8 * 1024,
      availableBytes: 2048,
      freeBytes: 2048,
      buffersBytes: 0,
      cachedBytes: 0,
      swapTotalBytes: 4 * 1024,
      swapFreeBytes: 0,
    });
  });

  it('without MemAvailable, counts free + buffers + cached, at most the total', () => {
    const available = (total: number) =>
      parseProbe(probe({ meminfo: [`MemTotal: ${total} kB`, 'MemFree: 10 kB', 'Buffers: 20 kB', 'Cached: 30 kB'] })).memory?.availableBytes;
    expect(available(100)).toBe(60 * 1024);
    expect(available(50)).toBe(50 * 1024);
  });
});

describe('parseProbe: mounts', () => {
  it('leaves out every kernel pseudo filesystem', () => {
    const pseudo = ['proc', 'sysfs', 'devpts', 'devtmpfs', 'cgroup', 'cgroup2', 'mqueue', 'debugfs', 'tracefs', 'securityfs', 'pstore', 'bpf',
      'binfmt_misc', 'hugetlbfs', 'fusectl', 'configfs', 'autofs', 'nsfs', 'rpc_pipefs', 'efivarfs', 'selinuxfs'];
    const lines = [...pseudo.map((fsType) => `${fsType} /sys/x/${fsType} ${fsType} rw 0 0`), '/dev/sdc / ext4 rw 0 0'];
    expect(parseProbe(probe({ mounts: lines })).mounts.map((m) => m.fsType)).toEqual(['ext4']);
  });

  it('reads fields separated by any blanks and skips lines with fewer than four fields', () => {
    const mounts = parseProbe(probe({ mounts: ['C:\\134  /mnt/c\t9p  rw,noatime 0 0', 'none /mnt/x 9p', 'lonely'] })).mounts;
    expect(mounts).toEqual([{ source: 'C:\\', target: '/mnt/c', fsType: '9p', options: 'rw,noatime' }]);
  });
});

describe('parseProbe: network', () => {
  it('reads `ip -o` lines with a two-digit index, extra blanks and an @peer suffix; skips other lines', () => {
    const network = parseProbe(
      probe({
        'ip-addr': [
          'x3: eth0    inet 10.9.9.9/8 scope global eth0',
          '12: eth0    inet6 fe80::1/64 scope link',
          '12:  eth0@if12    inet  172.20.0.5/16 brd 172.20.255.255 scope global eth0',
        ],
      }),
    ).network;
    expect(network).toEqual({ interfaceName: 'eth0', ip: '172.20.0.5', prefixLength: 16, gateway: null });
  });

  it('leaves out loopback addresses and takes the first other one when there is no eth0 and no default route', () => {
    const network = parseProbe(probe({ 'ip-addr': ['1: lo    inet 127.0.0.1/8 scope host lo', '3: eth1    inet 10.1.2.3/24 scope global eth1'] })).network;
    expect(network).toEqual({ interfaceName: 'eth1', ip: '10.1.2.3', prefixLength: 24, gateway: null });
  });

  it('prefers eth0 over the default route’s interface, and that over the first address', () => {
    const addresses = ['2: eth1    inet 10.1.2.3/24 scope global eth1', '3: eth2    inet 10.2.3.4/16 scope global eth2'];
    const viaEth2 = [ROUTE_HEADER, route('eth2', '00000000', '01000A0A', '00000000')];
    expect(parseProbe(probe({ 'ip-addr': addresses, route: viaEth2 })).network).toEqual({
      interfaceName: 'eth2',
      ip: '10.2.3.4',
      prefixLength: 16,
      gateway: '10.10.0.1',
    });
    const withEth0 = [...addresses, '4: eth0    inet 192.0.2.2/24 scope global eth0'];
    expect(parseProbe(probe({ 'ip-addr': withEth0, route: viaEth2 })).network).toMatchObject({ interfaceName: 'eth0', ip: '192.0.2.2' });
  });

  it('takes the default route only from a 0.0.0.0/0 row with a gateway, skipping rows it cannot read', () => {
    const routes = [
      ROUTE_HEADER,
      route('eth0', '000200C0', '00000000', '00FFFFFF'),
      route('eth5', '00000000', '030200C0', '00FFFFFF'),
      route('eth6', '0000A8C0', '040200C0', '0000FFFF'),
      route('ppp0', '00000000', '00000000', '00000000'),
      route('eth8', '0000000A', '090200C0', '00000000'),
      route('eth1', 'XX00000000', '050200C0', '00000000'),
      route('eth1', '00000000XX', '050200C0', '00000000'),
      route('eth1', 'ZZZZZZZZ', '050200C0', '00000000'),
      route('eth1', '00000000', 'ZZZZZZZZ', '00000000'),
      route('eth1', '00000000', '050200C0', 'ZZZZZZZZ'),
      'eth1\t00000000\t050200C0',
      ` ${route('eth0', '00000000', '010200C0', '00000000')}`,
    ];
    expect(parseProbe(probe({ route: routes })).network.gateway).toBe('192.0.2.1');
    const spaced = [ROUTE_HEADER, 'eth0   00000000   010200C0   0003 0 0 0   00000000 0 0 0'];
    expect(parseProbe(probe({ route: spaced })).network.gateway).toBe('192.0.2.1');
  });

  it('without ip, finds local addresses in fib_trie and gives each the on-link route that contains it', () => {
    const routes = [
      ROUTE_HEADER,
      route('ppp0', '00000000', '00000000', '00000000'),
      route('eth9', '006812AC', '056012AC', '00FFFFFF'),
      route('eth7', 'ZZZZZZZZ', '00000000', '00F0FFFF'),
      route('eth0', '006012AC', '00000000', '00F0FFFF'),
      route('eth0', '00000000', '016012AC', '00000000'),
    ];
    const fib = [
      'Local:',
      '     |-- 172.18.104.99 extra',
      '        /32 host LOCAL',
      '     |--  172.18.104.83   ',
      '        /32 host LOCAL',
      '     |-- 127.0.0.1',
      '        /32 host LOCAL',
    ];
    expect(parseProbe(probe({ route: routes, 'fib-trie': fib })).network).toEqual({
      interfaceName: 'eth0',
      ip: '172.18.104.83',
      prefixLength: 20,
      gateway: '172.18.96.1',
    });
  });
});

describe('parseProbe: resolv.conf, df and os-release', () => {
  it('reads nameserver lines with any blanks, not commented ones', () => {
    const dns = parseProbe(probe({ resolv: ['# nameserver 9.9.9.9', '  nameserver 8.8.8.8', 'nameserver  1.1.1.1 # primary', 'search lan'] })).dns;
    expect(dns).toEqual(['8.8.8.8', '1.1.1.1']);
  });

  it('reads the last df line, only when it is the root with any blanks around it', () => {
    const disk = (lines: string[]) => parseProbe(probe({ df: lines })).rootDisk;
    const header = 'Filesystem     1024-blocks    Used Available Capacity Mounted on';
    expect(disk([header, '/dev/sdd 10 5 5 50% /mnt/data', '/dev/sdc  100 40 60  40%  /  '])).toEqual({
      sizeBytes: 100 * 1024,
      usedBytes: 40 * 1024,
      availableBytes: 60 * 1024,
    });
    expect(disk([header, '/dev/sdc 100 40 60 40% /', '/dev/sdd 10 5 5 50% /mnt/data'])).toBeNull();
  });

  it('reads PRETTY_NAME, unquoted and unescaped, skipping comments and taking indented lines', () => {
    const osName = (lines: string[]) => parseProbe(probe({ 'os-release': lines })).osName;
    expect(osName(['  PRETTY_NAME="Say \\"hi\\" to \\$HOME \\\\ \\`x\\`"  ', '#PRETTY_NAME="Commented"'])).toBe('Say "hi" to $HOME \\ `x`');
    expect(osName(["PRETTY_NAME='Alpine Linux v3.20'"])).toBe('Alpine Linux v3.20');
  });

  it('keeps a value that is not wholly quoted as written', () => {
    const osName = (line: string) => parseProbe(probe({ 'os-release': [line] })).osName;
    expect(osName('PRETTY_NAME=x"Arch"')).toBe('x"Arch"');
    expect(osName('PRETTY_NAME="Arch" Linux')).toBe('"Arch" Linux');
    expect(osName('PRETTY_NAME=Plain  ')).toBe('Plain');
  });

  it('falls back to NAME when PRETTY_NAME is absent or empty', () => {
    expect(parseProbe(probe({ 'os-release': ['NAME="Debian GNU/Linux"', 'ID=debian'] })).osName).toBe('Debian GNU/Linux');
    expect(parseProbe(probe({ 'os-release': ['PRETTY_NAME=""', 'NAME=Alpine'] })).osName).toBe('Alpine');
    expect(parseProbe(probe({ 'os-release': ['ID=unknown'] })).osName).toBeNull();
  });
});
