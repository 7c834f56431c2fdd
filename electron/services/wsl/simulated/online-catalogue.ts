import type { OnlineDistro } from '../../../../shared/model/distro';
import { GIB } from '../wslconfig/wslconfig-values';

/** One distro `wsl --install` can fetch in the simulated host, with what it installs. */
export interface CatalogueEntry extends OnlineDistro {
  osName: string;
  sizeBytes: number;
  systemd: boolean;
}

/** `wsl -l -o` as captured in 2025/26 (shared/reference/wsl-cli-and-vm-facts.md §2.6), with install sizes. */
export const ONLINE_CATALOGUE: readonly CatalogueEntry[] = [
  { name: 'Ubuntu', friendlyName: 'Ubuntu', osName: 'Ubuntu 24.04.1 LTS', sizeBytes: 1.6 * GIB, systemd: true },
  { name: 'Ubuntu-24.04', friendlyName: 'Ubuntu 24.04 LTS', osName: 'Ubuntu 24.04.1 LTS', sizeBytes: 1.6 * GIB, systemd: true },
  { name: 'openSUSE-Tumbleweed', friendlyName: 'openSUSE Tumbleweed', osName: 'openSUSE Tumbleweed', sizeBytes: 0.9 * GIB, systemd: false },
  { name: 'openSUSE-Leap-16.0', friendlyName: 'openSUSE Leap 16.0', osName: 'openSUSE Leap 16.0', sizeBytes: 0.9 * GIB, systemd: false },
  { name: 'SUSE-Linux-Enterprise-15-SP7', friendlyName: 'SUSE Linux Enterprise 15 SP7', osName: 'SUSE Linux Enterprise Server 15 SP7', sizeBytes: 1.1 * GIB, systemd: false },
  { name: 'SUSE-Linux-Enterprise-16.0', friendlyName: 'SUSE Linux Enterprise 16.0', osName: 'SUSE Linux Enterprise Server 16.0', sizeBytes: 1.1 * GIB, systemd: false },
  { name: 'kali-linux', friendlyName: 'Kali Linux Rolling', osName: 'Kali GNU/Linux Rolling', sizeBytes: 1.4 * GIB, systemd: false },
  { name: 'Debian', friendlyName: 'Debian GNU/Linux', osName: 'Debian GNU/Linux 12 (bookworm)', sizeBytes: 0.6 * GIB, systemd: false },
  { name: 'AlmaLinux-8', friendlyName: 'AlmaLinux OS 8', osName: 'AlmaLinux 8.10', sizeBytes: 0.7 * GIB, systemd: false },
  { name: 'AlmaLinux-9', friendlyName: 'AlmaLinux OS 9', osName: 'AlmaLinux 9.6', sizeBytes: 0.7 * GIB, systemd: false },
  { name: 'AlmaLinux-Kitten-10', friendlyName: 'AlmaLinux OS Kitten 10', osName: 'AlmaLinux Kitten 10', sizeBytes: 0.7 * GIB, systemd: false },
  { name: 'AlmaLinux-10', friendlyName: 'AlmaLinux OS 10', osName: 'AlmaLinux 10.0', sizeBytes: 0.7 * GIB, systemd: false },
  { name: 'archlinux', friendlyName: 'Arch Linux', osName: 'Arch Linux', sizeBytes: 0.8 * GIB, systemd: true },
  { name: 'FedoraLinux-43', friendlyName: 'Fedora Linux 43', osName: 'Fedora Linux 43', sizeBytes: 1.0 * GIB, systemd: true },
  { name: 'FedoraLinux-42', friendlyName: 'Fedora Linux 42', osName: 'Fedora Linux 42', sizeBytes: 1.0 * GIB, systemd: true },
  { name: 'eLxr', friendlyName: 'eLxr 12.12.0.0 GNU/Linux', osName: 'eLxr 12.12.0.0', sizeBytes: 0.6 * GIB, systemd: false },
  { name: 'Ubuntu-20.04', friendlyName: 'Ubuntu 20.04 LTS', osName: 'Ubuntu 20.04.6 LTS', sizeBytes: 1.2 * GIB, systemd: false },
].map((entry) => ({ ...entry, sizeBytes: Math.round(entry.sizeBytes) }));
