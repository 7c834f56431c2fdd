import type { EventChannel, EventPayload, InvokeChannel } from '../../shared/ipc/contract';
import { fail, ok, type IpcResult } from '../../shared/ipc/result';
import type { Distro, DistroDetail, DistroDisk, OnlineDistro } from '../../shared/model/distro';
import type { Operation } from '../../shared/model/operation';
import type { VmInfo } from '../../shared/model/vm';
import type { WslConfigSetting, WslConfigView } from '../../shared/model/wslconfig';

const GIB = 1024 ** 3;
const MIB = 1024 ** 2;

/** What the WSL fake needs of the host fake: its distro list and its push. */
export interface FakeWslHost {
  getDistros(): Distro[];
  setDistros(distros: Distro[]): void;
  emit<C extends EventChannel>(channel: C, payload: EventPayload<C>): void;
}

/** The online catalogue the fake offers (`wsl -l -o`). */
export const ONLINE_DISTROS: readonly OnlineDistro[] = [
  { name: 'Ubuntu', friendlyName: 'Ubuntu' },
  { name: 'Ubuntu-24.04', friendlyName: 'Ubuntu 24.04 LTS' },
  { name: 'Debian', friendlyName: 'Debian GNU/Linux' },
  { name: 'kali-linux', friendlyName: 'Kali Linux Rolling' },
];

function setting(key: string, type: WslConfigSetting['type'], defaultValue: string, extra: Partial<WslConfigSetting> = {}): WslConfigSetting {
  const [section = '', name = ''] = key.split('.');
  return {
    key,
    section,
    name,
    type,
    description: `The ${name} setting.`,
    value: null,
    defaultValue,
    effectiveValue: defaultValue,
    restartNeeded: true,
    ...extra,
  };
}

/** The known `.wslconfig` settings the fake starts with (memory set to 8GB in the file). */
export function initialSettings(): WslConfigSetting[] {
  return [
    setting('wsl2.memory', 'size', '16GB', { value: '8GB', effectiveValue: '8GB', description: 'How much memory the VM may use.' }),
    setting('wsl2.processors', 'integer', '8', { description: 'How many logical processors the VM gets.' }),
    setting('wsl2.swap', 'size', '2GB'),
    setting('wsl2.localhostForwarding', 'boolean', 'true'),
    setting('wsl2.networkingMode', 'enum', 'nat', { choices: ['none', 'nat', 'bridged', 'mirrored', 'virtioproxy'] }),
    setting('wsl2.vmIdleTimeout', 'integer', '60000'),
    setting('general.instanceIdleTimeout', 'integer', '15000', { restartNeeded: false }),
    setting('experimental.autoMemoryReclaim', 'enum', 'dropCache', { choices: ['disabled', 'gradual', 'dropCache'] }),
  ];
}

function diskFor(name: string): DistroDisk {
  const file = name.length * 2 * GIB;
  return {
    path: `C:\\Users\\dev\\AppData\\Local\\wsl\\{${name}}\\ext4.vhdx`,
    fileSizeBytes: file,
    usedBytes: file - GIB,
    maxSizeBytes: 1024 * GIB,
    sparse: false,
    reclaimableBytes: GIB,
  };
}

/**
 * The WSL half of the renderer's host fake: distro details, the VM, the online list, export/import/unregister/
 * compact/sparse/convert/install with `operations:progressed` pushes, and `.wslconfig`. Refuses what the real
 * service refuses (unknown names, a wrong confirmation, compacting a running distro, a taken name).
 */
export class FakeWsl {
  settings: WslConfigSetting[] = initialSettings();
  configIssues: WslConfigView['issues'] = [];
  restartPending = false;
  /** When the VM booted (ms since the epoch), or null while it is stopped. */
  bootTime: number | null = null;
  idleShutdownAt: number | null = null;
  readonly disks = new Map<string, DistroDisk>();
  readonly exported: { name: string; filePath: string; format: string }[] = [];
  /** The `vm:watch` subscriptions held now: `vm:changed` carries live figures only while one is. */
  readonly vmWatches = new Set<string>();
  private nextOperation = 1;
  private nextVmWatch = 1;

  constructor(private readonly host: FakeWslHost) {}

  /**
   * The VM as `vm:changed` pushes it now: with its live figures while a `vm:watch` is held, else as the host sends it
   * unprobed (`live: false`: state and idle countdown current, no boot time, memory in use 0, no addresses).
   */
  vmPush(): VmInfo {
    const vm = this.vmInfo();
    if (this.vmWatches.size > 0) return vm;
    return {
      ...vm,
      live: false,
      bootTime: null,
      uptimeSeconds: null,
      memory: { ...vm.memory, assignedBytes: 0, usedBytes: 0, pageCacheBytes: 0, swapUsedBytes: 0 },
      network: { ...vm.network, vmIp: null, prefixLength: null, dns: [] },
    };
  }

  /** The VM as `vm:info` answers it now: running while a WSL 2 distro runs, with figures that grow per distro. */
  vmInfo(): VmInfo {
    const running = this.host.getDistros().filter((distro) => distro.state === 'Running' && distro.version === 2).length;
    if (running > 0 && this.bootTime === null) this.bootTime = Date.now() - 90_000;
    const up = this.bootTime !== null;
    if (running > 0) this.idleShutdownAt = null;
    else if (up && this.idleShutdownAt === null) this.idleShutdownAt = Date.now() + 60_000;
    return {
      state: up ? 'Running' : 'Stopped',
      runningDistros: running,
      bootTime: this.bootTime,
      uptimeSeconds: up && this.bootTime !== null ? Math.floor((Date.now() - this.bootTime) / 1000) : null,
      kernel: { version: up ? '6.6.87.2-microsoft-standard-WSL2' : null, customKernelPath: null, commandLine: null },
      memory: {
        hostTotalBytes: 32 * GIB,
        limitBytes: 8 * GIB,
        assignedBytes: up ? (1 + running) * GIB : 0,
        usedBytes: up ? running * 512 * MIB + 256 * MIB : 0,
        pageCacheBytes: up ? running * 256 * MIB : 0,
        swapBytes: 2 * GIB,
        swapUsedBytes: 0,
        reclaimMode: 'dropCache',
      },
      processors: 8,
      idleTimeoutMs: 60_000,
      idleShutdownAt: this.idleShutdownAt,
      network: {
        mode: 'nat',
        vmIp: up ? '172.22.46.118' : null,
        prefixLength: up ? 20 : null,
        hostIp: '172.22.32.1',
        subnet: '172.22.32.0/20',
        dns: up ? ['10.255.255.254'] : [],
        localhostForwarding: true,
      },
      live: true,
    };
  }

  /** The VM goes down with every distro (`wsl --shutdown`). */
  shutdown(): void {
    this.bootTime = null;
    this.idleShutdownAt = null;
    this.restartPending = false;
  }

  /** The detail of one distro as `distros:show` answers it. */
  detail(distro: Distro): DistroDetail {
    const running = distro.state === 'Running';
    const disk = distro.version === 2 ? (this.disks.get(distro.name) ?? diskFor(distro.name)) : null;
    return {
      ...distro,
      id: `{0000-${distro.name}}`,
      basePath: `C:\\Users\\dev\\AppData\\Local\\wsl\\{${distro.name}}`,
      disk,
      mounts: running
        ? [
            { target: '/', source: '/dev/sdc', fsType: 'ext4', options: 'rw,relatime' },
            { target: '/mnt/c', source: 'C:\\', fsType: '9p', options: 'rw,noatime,aname=drvfs' },
          ]
        : [],
      ip: running && distro.version === 2 ? '172.22.46.118' : null,
      osName: running ? `${distro.name} GNU/Linux` : null,
      defaultUser: running ? 'dev' : null,
      systemd: running ? true : null,
    };
  }

  /** Answers a WSL channel this fake owns, or returns undefined for the host fake to answer. */
  answer(channel: InvokeChannel, request: unknown): IpcResult<unknown> | undefined {
    const body = request as Record<string, unknown>;
    const name = typeof body['name'] === 'string' ? body['name'] : '';
    switch (channel) {
      case 'vm:info':
        return ok(this.vmInfo());
      case 'operations:cancel':
        // Its operations end at once, so a cancel the test asks for is for one it pushed itself: accepted.
        return ok({ cancelled: true });
      case 'vm:watch': {
        const subscriptionId = `vm-${this.nextVmWatch++}`;
        this.vmWatches.add(subscriptionId);
        return ok({ subscriptionId });
      }
      case 'vm:unwatch':
        this.vmWatches.delete(String(body['subscriptionId']));
        return ok({});
      case 'vm:restart':
        this.restartPending = false;
        this.bootTime = Date.now();
        this.idleShutdownAt = null;
        this.publish();
        return ok(this.vmInfo());
      case 'distros:show':
        return this.withDistro(name, (distro) => ok(this.detail(distro)));
      case 'distros:list-online':
        return ok(ONLINE_DISTROS.map((distro) => ({ ...distro })));
      case 'distros:install':
        return this.install(name);
      case 'distros:import':
        return this.importDistro(body);
      case 'distros:export':
        return this.withDistro(name, (distro) => {
          const filePath = String(body['filePath']);
          this.progress('export', distro.name);
          this.exported.push({ name: distro.name, filePath, format: String(body['format']) });
          return ok({ filePath, sizeBytes: 3 * GIB });
        });
      case 'distros:unregister':
        return this.withDistro(name, (distro) => {
          if (body['confirm'] !== distro.name) return fail('VALIDATION', `Type ${distro.name} exactly to confirm; nothing was deleted.`);
          this.progress('unregister', distro.name);
          this.host.setDistros(this.host.getDistros().filter((known) => known.name !== distro.name));
          this.publish();
          return ok({ name: distro.name });
        });
      case 'distros:compact':
        return this.withDisk(name, (distro, disk) => {
          if (distro.state !== 'Stopped') return fail('CONFLICT', `Terminate ${distro.name} before compacting its disk.`);
          this.progress('compact', distro.name);
          const after = { ...disk, fileSizeBytes: disk.fileSizeBytes - (disk.reclaimableBytes ?? 0), reclaimableBytes: 0 };
          this.disks.set(distro.name, after);
          return ok(after);
        });
      case 'distros:set-sparse':
        return this.withDisk(name, (distro, disk) => {
          const after = { ...disk, sparse: body['sparse'] === true };
          this.disks.set(distro.name, after);
          return ok(after);
        });
      case 'distros:set-version':
        return this.withDistro(name, (distro) => {
          const version = body['version'] === 1 ? 1 : 2;
          this.progress('set-version', distro.name);
          const changed: Distro = { ...distro, version, state: 'Stopped' };
          this.host.setDistros(this.host.getDistros().map((known) => (known.name === distro.name ? changed : known)));
          this.publish();
          return ok(changed);
        });
      case 'wslconfig:get':
        return ok(this.view());
      case 'wslconfig:set':
        return this.setConfig(String(body['key']), body['value'] === null ? null : String(body['value']));
      default:
        return undefined;
    }
  }

  /** The `.wslconfig` view as `wslconfig:get` answers it. */
  view(): WslConfigView {
    return {
      path: 'C:\\Users\\dev\\.wslconfig',
      exists: true,
      settings: this.settings.map((known) => ({ ...known })),
      issues: this.configIssues.map((issue) => ({ ...issue })),
      restartPending: this.restartPending,
    };
  }

  /** Pushes `distros:changed` and `vm:changed`, as the service does after every change. */
  publish(): void {
    this.host.emit('distros:changed', this.host.getDistros().map((distro) => ({ ...distro })));
    this.host.emit('vm:changed', this.vmPush());
  }

  private setConfig(key: string, value: string | null): IpcResult<unknown> {
    const index = this.settings.findIndex((known) => known.key.toLowerCase() === key.toLowerCase());
    const known = this.settings[index];
    if (known === undefined) return fail('VALIDATION', `${key} is not a .wslconfig setting Lightdock knows.`);
    if (known.type === 'size' && value !== null && !/^\d+(?:B|K|KB|M|MB|G|GB|T|TB)?$/.test(value)) {
      return fail('VALIDATION', `Invalid memory string '${value}' for ${key}.`);
    }
    this.settings[index] = { ...known, value, effectiveValue: value ?? known.defaultValue };
    const restartNeeded = known.restartNeeded && this.vmInfo().state === 'Running';
    if (restartNeeded) this.restartPending = true;
    return ok({ view: this.view(), restartNeeded });
  }

  private install(name: string): IpcResult<unknown> {
    const offered = ONLINE_DISTROS.find((distro) => distro.name.toLowerCase() === name.toLowerCase());
    if (offered === undefined) return fail('NOT_FOUND', `${name} is not in the online list.`);
    if (this.find(name) !== undefined) return fail('CONFLICT', `${offered.name} is already installed.`);
    this.progress('install', offered.name);
    const added: Distro = { name: offered.name, state: 'Stopped', version: 2, isDefault: this.host.getDistros().length === 0 };
    this.host.setDistros([...this.host.getDistros(), added]);
    this.publish();
    return ok(added);
  }

  private importDistro(body: Record<string, unknown>): IpcResult<unknown> {
    const name = String(body['name']);
    if (this.find(name) !== undefined) return fail('CONFLICT', `A distro named ${name} already exists.`);
    this.progress('import', name);
    const added: Distro = { name, state: 'Stopped', version: body['version'] === 1 ? 1 : 2, isDefault: false };
    this.host.setDistros([...this.host.getDistros(), added]);
    this.publish();
    return ok(added);
  }

  private progress(kind: Operation['kind'], target: string): void {
    const id = `op-${this.nextOperation++}`;
    this.host.emit('operations:progressed', { id, kind, target, state: 'running', progress: 0.5, message: 'Working…' });
    this.host.emit('operations:progressed', { id, kind, target, state: 'succeeded', progress: 1, message: 'Done.' });
  }

  private find(name: string): Distro | undefined {
    return this.host.getDistros().find((distro) => distro.name.toLowerCase() === name.toLowerCase());
  }

  private withDistro(name: string, act: (distro: Distro) => IpcResult<unknown>): IpcResult<unknown> {
    const distro = this.find(name);
    if (distro === undefined) return fail('NOT_FOUND', `There is no distro named ${name}.`);
    return act(distro);
  }

  private withDisk(name: string, act: (distro: Distro, disk: DistroDisk) => IpcResult<unknown>): IpcResult<unknown> {
    return this.withDistro(name, (distro) => {
      const disk = this.detail(distro).disk;
      if (disk === null) return fail('CONFLICT', `${distro.name} is a WSL 1 distro: it has no virtual disk.`);
      return act(distro, disk);
    });
  }
}
