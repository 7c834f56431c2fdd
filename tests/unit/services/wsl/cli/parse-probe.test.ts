import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseProbe } from '../../../../../electron/services/wsl/cli/parse-probe';
import { PROBE_SCRIPT, PROBE_SECTIONS } from '../../../../../electron/services/wsl/cli/probe-script';

const FIXTURES = path.resolve(import.meta.dirname, '../../../../fixtures/wsl');
const fixture = (name: string): string => fs.readFileSync(path.join(FIXTURES, name), 'utf8');
const run = (shell: string): string => execFileSync(shell, ['-c', PROBE_SCRIPT], { encoding: 'utf8', timeout: 15_000 });
const ipv4Of = (name: string): string | undefined => os.networkInterfaces()[name]?.find((a) => a.family === 'IPv4')?.address;

describe('the probe script', () => {
  it('is one constant line that Windows argument quoting cannot alter, printing every section once', () => {
    expect(PROBE_SCRIPT).not.toMatch(/["\\\n\r]/);
    const output = run('/bin/sh');
    expect(output.split('\n').filter((line) => /^==[a-z0-9-]+==$/.test(line))).toEqual(PROBE_SECTIONS.map((s) => `==${s}==`));
  });
});

describe('parseProbe on this Linux machine (real data, the same script wsl.exe runs)', () => {
  for (const shell of ['/bin/sh', '/usr/bin/busybox'].filter((s) => fs.existsSync(s))) {
    it(`reads what ${shell} printed as the machine itself reports it`, () => {
      const output = shell.endsWith('busybox') ? execFileSync(shell, ['sh', '-c', PROBE_SCRIPT], { encoding: 'utf8', timeout: 15_000 }) : run(shell);
      const probe = parseProbe(output);
      expect(probe.complete).toBe(true);
      expect(probe.kernelRelease).toBe(os.release());
      expect(probe.kernelVersion).toBe(fs.readFileSync('/proc/version', 'utf8').trim());
      expect(probe.processors).toBe(Number(execFileSync('nproc', { encoding: 'utf8' }).trim()));
      expect(probe.uptimeSeconds).toBeGreaterThanOrEqual(Math.floor(os.uptime()) - 5);
      const memTotalKb = Number(/^MemTotal:\s+(\d+) kB/m.exec(fs.readFileSync('/proc/meminfo', 'utf8'))?.[1]);
      expect(probe.memory?.totalBytes).toBe(memTotalKb * 1024);
      expect(probe.memory?.availableBytes).toBeGreaterThan(0);
      expect(probe.memory?.availableBytes).toBeLessThanOrEqual(memTotalKb * 1024);
      expect(probe.mounts.find((m) => m.target === '/')).toBeDefined();
      expect(probe.mounts.some((m) => ['proc', 'sysfs', 'cgroup', 'cgroup2', 'devpts'].includes(m.fsType))).toBe(false);
      const expectedIp = ipv4Of('eth0');
      if (expectedIp !== undefined) expect(probe.network).toMatchObject({ interfaceName: 'eth0', ip: expectedIp });
      const nameservers = fs
        .readFileSync('/etc/resolv.conf', 'utf8')
        .split('\n')
        .flatMap((l) => /^nameserver\s+(\S+)/.exec(l)?.[1] ?? []);
      expect(probe.dns).toEqual(nameservers);
      expect(probe.rootDisk?.sizeBytes).toBe(fs.statfsSync('/').blocks * fs.statfsSync('/').bsize);
      expect(probe.osName).toBe(/^PRETTY_NAME="?([^"\n]*)"?$/m.exec(fs.readFileSync('/etc/os-release', 'utf8'))?.[1]);
      expect(probe.user).toBe(os.userInfo().username);
      expect(probe.systemd).toBe(fs.readFileSync('/proc/1/comm', 'utf8').trim() === 'systemd');
    });
  }
});

describe('parseProbe on captures', () => {
  it('reads a WSL2 Ubuntu in NAT mode: eth0 over docker0, 9p drives unescaped, pseudo filesystems left out', () => {
    const probe = parseProbe(fixture('probe-wsl2-ubuntu.txt'));
    expect(probe).toMatchObject({
      complete: true,
      kernelRelease: '6.6.87.2-microsoft-standard-WSL2',
      uptimeSeconds: 5403,
      processors: 8,
      network: { interfaceName: 'eth0', ip: '172.18.104.83', prefixLength: 20, gateway: '172.18.96.1' },
      dns: ['10.255.255.254'],
      rootDisk: { sizeBytes: 1055762868 * 1024, usedBytes: 9876544 * 1024, availableBytes: 992182612 * 1024 },
      osName: 'Ubuntu 24.04.2 LTS',
      user: 'alex',
      systemd: true,
      networkingMode: 'nat',
    });
    expect(probe.memory).toEqual({
      totalBytes: 8029444 * 1024,
      availableBytes: 7160228 * 1024,
      freeBytes: 5612340 * 1024,
      buffersBytes: 61236 * 1024,
      cachedBytes: 1448708 * 1024,
      swapTotalBytes: 2097152 * 1024,
      swapFreeBytes: 1835008 * 1024,
    });
    expect(probe.mounts.map((m) => m.target)).toEqual(['/mnt/wsl', '/', '/mnt/wslg', '/mnt/wslg/distro', '/usr/lib/wsl/drivers', '/mnt/c', '/mnt/d']);
    expect(probe.mounts.find((m) => m.target === '/mnt/c')).toMatchObject({ source: 'C:\\', fsType: '9p' });
  });

  it('finds the address without the ip tool, from fib_trie and the routing table', () => {
    const probe = parseProbe(fixture('probe-no-ip.txt'));
    expect(probe.network).toEqual({ interfaceName: 'eth0', ip: '192.0.2.2', prefixLength: 24, gateway: '192.0.2.1' });
    expect(probe.systemd).toBe(false);
  });

  it('keeps what a cut run printed and says it is incomplete; empty sections give nulls', () => {
    const cut = fixture('probe-wsl2-ubuntu.txt').split('==resolv==')[0] ?? '';
    const probe = parseProbe(cut);
    expect(probe.complete).toBe(false);
    expect(probe.network.ip).toBe('172.18.104.83');
    expect(probe).toMatchObject({ dns: [], rootDisk: null, osName: null, user: null, systemd: null, networkingMode: null });
    expect(parseProbe('')).toMatchObject({ complete: false, kernelRelease: null, memory: null, mounts: [], processors: null });
  });
});
