import type { Distro } from '../../../shared/model/distro';
import type { EngineStatus } from '../../../shared/model/engine';
import type { EngineLifecycle } from '../../../shared/model/engine-lifecycle';
import type { SetupCheck, SetupCheckId, SetupFix, SetupFixId } from '../../../shared/model/setup-check';
import type { WslKind } from './classify-wsl';
import { FIRMWARE_INSTRUCTIONS, RESTART_INSTRUCTIONS } from './firmware-instructions';
import type { HostFacts } from './setup-ports';

const GIB = 1024 ** 3;
/** WSL 2 needs build 18362 (1903) on x64 and 19041 (2004) on ARM64. */
export const MIN_BUILD_X64 = 18362;
export const MIN_BUILD_ARM64 = 19041;
/** Below this much RAM WSL 2 cannot do useful work. */
export const MIN_MEMORY_BYTES = 4 * GIB;
/** Below this much RAM Docker works but is cramped (the VM gets half by default). */
export const GOOD_MEMORY_BYTES = 8 * GIB;

const DOCS: Record<SetupCheckId, string> = {
  windows: 'https://learn.microsoft.com/windows/wsl/install-manual',
  memory: 'https://learn.microsoft.com/windows/wsl/wsl-config#main-wsl-settings',
  virtualization: 'https://learn.microsoft.com/windows/wsl/troubleshooting#error-0x80370102-the-virtual-machine-could-not-be-started-because-a-required-feature-is-not-installed',
  'vm-platform': 'https://learn.microsoft.com/windows/wsl/install-manual#step-3---enable-virtual-machine-feature',
  wsl: 'https://learn.microsoft.com/windows/wsl/install',
  kernel: 'https://learn.microsoft.com/windows/wsl/install-manual#step-4---download-the-linux-kernel-update-package',
  distro: 'https://learn.microsoft.com/windows/wsl/basic-commands#install',
  engine: 'https://docs.docker.com/engine/install/',
};

const TITLES: Record<SetupCheckId, string> = {
  windows: '64-bit Windows that supports WSL 2',
  memory: 'Enough memory',
  virtualization: 'Virtualization turned on',
  'vm-platform': 'Virtual Machine Platform feature',
  wsl: 'WSL installed and current',
  kernel: 'WSL kernel',
  distro: 'A Linux distro',
  engine: 'A Docker engine that answers',
};

const LABELS: Record<SetupFixId, string> = {
  'install-wsl': 'Install WSL',
  'update-wsl': 'Update WSL',
  'enable-features': 'Enable the Windows features',
  'install-distro': 'Install a distro',
  'start-engine': 'Start the Docker engine',
  firmware: 'How to turn on virtualization',
  restart: 'Restart Windows',
};

/** Which fixes can be cancelled once started. */
export interface FixAbilities {
  cancellable: ReadonlySet<SetupFixId>;
}

/** The engine as the checks read it: its connection and its lifecycle (whether Lightdock may start it, and why not). */
export interface EngineReading {
  status: EngineStatus;
  lifecycle: EngineLifecycle;
}

/** Everything the checks read, gathered by the service. */
export interface CheckInputs {
  facts: HostFacts;
  wsl: WslKind;
  /** The distros, or the sentence explaining why they could not be listed. */
  distros: Distro[] | { error: string };
  engine: EngineReading | { error: string };
  abilities: FixAbilities;
  /** The fix whose change waits for a Windows restart (persisted by the service), or null. */
  awaitingRestartFor: SetupFixId | null;
}

type Draft = Omit<SetupCheck, 'title' | 'docsUrl' | 'fix'> & { fix?: SetupFixId };

function runFix(id: SetupFixId, abilities: FixAbilities, unavailableReason: string | null = null): SetupFix {
  return {
    id,
    label: LABELS[id],
    kind: 'run',
    unavailableReason,
    elevated: id === 'install-wsl' || id === 'update-wsl' || id === 'enable-features',
    cancellable: abilities.cancellable.has(id),
    instructions: [],
  };
}

function instructionsFix(id: 'firmware' | 'restart'): SetupFix {
  return { id, label: LABELS[id], kind: 'instructions', unavailableReason: null, elevated: false, cancellable: false, instructions: [...(id === 'firmware' ? FIRMWARE_INSTRUCTIONS : RESTART_INSTRUCTIONS)] };
}

function gib(bytes: number): string {
  return `${Math.round((bytes / GIB) * 10) / 10} GiB`;
}

function windowsCheck(facts: HostFacts): Draft {
  if (!facts.windows) return { id: 'windows', status: 'fail', detail: 'This is not Windows: WSL 2 runs on Windows 10 (build 18362 or later) and Windows 11.' };
  if (facts.arch64 === false) return { id: 'windows', status: 'fail', detail: 'This is a 32-bit Windows: WSL 2 needs a 64-bit Windows (x64 or ARM64).' };
  if (facts.build === null || facts.arch64 === null) return { id: 'windows', status: 'unknown', detail: 'The Windows build could not be read.' };
  const min = facts.arch === 'arm64' ? MIN_BUILD_ARM64 : MIN_BUILD_X64;
  const arch = facts.arch === 'arm64' ? 'ARM64' : 'x64';
  if (facts.build < min) {
    return { id: 'windows', status: 'fail', detail: `Windows build ${facts.build} (${arch}) is too old: WSL 2 needs build ${min} or later. Install the feature updates from Settings → Windows Update.` };
  }
  return { id: 'windows', status: 'ok', detail: `Windows build ${facts.build}, 64-bit (${arch}).` };
}

function memoryCheck(facts: HostFacts): Draft {
  const bytes = facts.memoryBytes;
  if (bytes === null) return { id: 'memory', status: 'unknown', detail: 'The amount of memory could not be read.' };
  if (bytes < MIN_MEMORY_BYTES) return { id: 'memory', status: 'fail', detail: `${gib(bytes)} of memory: WSL 2 with Docker needs at least 4 GiB.` };
  const vm = `the WSL VM may use up to half (${gib(bytes / 2)}) by default`;
  if (bytes < GOOD_MEMORY_BYTES) return { id: 'memory', status: 'warn', detail: `${gib(bytes)} of memory: enough to start, but ${vm}; 8 GiB or more is comfortable.` };
  return { id: 'memory', status: 'ok', detail: `${gib(bytes)} of memory; ${vm}.` };
}

function virtualizationCheck(facts: HostFacts): Draft {
  if (facts.hypervisorPresent === true) return { id: 'virtualization', status: 'ok', detail: 'A hypervisor is running (Hyper-V, WSL 2 or Windows security features), so virtualization is on.' };
  if (facts.firmwareVirtualization === true) return { id: 'virtualization', status: 'ok', detail: 'Virtualization is enabled in the firmware.' };
  if (facts.firmwareVirtualization === false) {
    return { id: 'virtualization', status: 'fail', detail: 'Virtualization is turned off in the firmware (BIOS/UEFI), and no hypervisor is running. Only the firmware setup can turn it on.', fix: 'firmware' };
  }
  return { id: 'virtualization', status: 'unknown', detail: 'Whether virtualization is on could not be read.' };
}

function vmPlatformCheck(facts: HostFacts): Draft {
  const both = `Virtual Machine Platform is ${facts.vmPlatform}, Windows Subsystem for Linux is ${facts.wslFeature}.`;
  if (facts.vmPlatform === 'Enabled') return { id: 'vm-platform', status: 'ok', detail: 'Virtual Machine Platform is enabled.' };
  if (facts.vmPlatform === 'EnablePending') return { id: 'vm-platform', status: 'warn', detail: `Enabled; it takes effect after Windows restarts. ${both}`, fix: 'restart' };
  if (facts.vmPlatform === 'Unknown') return { id: 'vm-platform', status: 'unknown', detail: 'The state of the Virtual Machine Platform feature could not be read.' };
  return { id: 'vm-platform', status: 'fail', detail: `WSL 2 needs the Virtual Machine Platform feature. ${both}`, fix: 'enable-features' };
}

function wslCheck(wsl: WslKind): Draft {
  switch (wsl.kind) {
    case 'none':
      return { id: 'wsl', status: 'fail', detail: 'There is no wsl.exe: this Windows is too old for WSL 2.' };
    case 'stub':
      return { id: 'wsl', status: 'fail', detail: 'WSL is not installed: wsl.exe is only the placeholder that offers to install it.', fix: 'install-wsl' };
    case 'inbox':
      return { id: 'wsl', status: 'warn', detail: 'The WSL that came with Windows is installed; the current WSL comes from the Microsoft Store (wsl --update).', fix: 'update-wsl' };
    case 'store':
      return { id: 'wsl', status: 'ok', detail: `WSL ${wsl.wslVersion} from the Microsoft Store.` };
    case 'unknown':
      return { id: 'wsl', status: 'unknown', detail: `Which WSL is installed could not be told: ${wsl.reason}` };
  }
}

function kernelCheck(wsl: WslKind): Draft {
  if (wsl.kind === 'store') return { id: 'kernel', status: 'ok', detail: `Linux kernel ${wsl.kernelVersion}.` };
  if (wsl.kind === 'inbox' && wsl.kernelMissing) return { id: 'kernel', status: 'fail', detail: 'The WSL 2 Linux kernel is missing; updating WSL installs it.', fix: 'update-wsl' };
  if (wsl.kind === 'inbox') return { id: 'kernel', status: 'ok', detail: wsl.kernelVersion ? `Linux kernel ${wsl.kernelVersion}.` : 'The Linux kernel is installed.' };
  return { id: 'kernel', status: 'unknown', detail: 'The kernel comes with WSL: this check waits for WSL.' };
}

function distroCheck(wsl: WslKind, distros: CheckInputs['distros']): Draft {
  if (wsl.kind !== 'store' && wsl.kind !== 'inbox') return { id: 'distro', status: 'unknown', detail: 'Distros need WSL: this check waits for WSL.' };
  if (!Array.isArray(distros)) return { id: 'distro', status: 'unknown', detail: `The distros could not be listed: ${distros.error}` };
  if (distros.length === 0) return { id: 'distro', status: 'fail', detail: 'No Linux distro is installed: the Docker engine needs one to run in.', fix: 'install-distro' };
  const def = distros.find((d) => d.isDefault)?.name;
  return { id: 'distro', status: 'ok', detail: `${distros.length} distro${distros.length === 1 ? '' : 's'} installed${def ? `; the default is ${def}` : ''}.` };
}

function engineCheck(engine: CheckInputs['engine'], hasDistro: boolean): Draft & { startReason?: string | null } {
  if ('error' in engine) return { id: 'engine', status: hasDistro ? 'fail' : 'unknown', detail: `The Docker engine could not be asked: ${engine.error}` };
  const { status, lifecycle } = engine;
  if (status.state === 'connected' && lifecycle.state === 'running') {
    return { id: 'engine', status: 'ok', detail: status.serverVersion ? `Docker ${status.serverVersion} answers at ${status.endpoint}.` : `A Docker engine answers at ${status.endpoint}.` };
  }
  const why = lifecycle.state === 'stopped' ? `The Docker engine at ${status.endpoint} is stopped.` : (lifecycle.message ?? status.message ?? `The Docker engine at ${status.endpoint} does not answer.`);
  if (!hasDistro) return { id: 'engine', status: 'unknown', detail: `${why} It runs in a distro: this check waits for one.` };
  return { id: 'engine', status: 'fail', detail: why, fix: 'start-engine', startReason: lifecycle.manageable ? null : (lifecycle.reason ?? 'Lightdock cannot start this engine.') };
}

/** Restart note for checks that cannot be read before the pending restart. */
const AFTER_RESTART = 'Windows has a restart pending: this check is read again after the restart.';

/**
 * Builds the eight checks in order from what was read. A fix is unavailable (with the reason) while an earlier
 * check fails; once a check waits for a Windows restart, every later check that would fail waits for it too.
 */
export function buildChecks(inputs: CheckInputs): SetupCheck[] {
  const { facts, wsl, abilities } = inputs;
  const distroDraft = distroCheck(wsl, inputs.distros);
  const { startReason, ...engineDraft } = engineCheck(inputs.engine, distroDraft.status === 'ok');
  let wslDraft = wslCheck(wsl);
  if (inputs.awaitingRestartFor === 'install-wsl' && wslDraft.status !== 'ok') {
    wslDraft = { id: 'wsl', status: 'warn', detail: 'WSL was installed; it takes effect after Windows restarts.', fix: 'restart' };
  }
  let platformDraft = vmPlatformCheck(facts);
  if (inputs.awaitingRestartFor === 'enable-features' && platformDraft.status === 'fail') {
    platformDraft = { id: 'vm-platform', status: 'warn', detail: 'The features were enabled; they take effect after Windows restarts.', fix: 'restart' };
  }
  const drafts: Draft[] = [
    windowsCheck(facts),
    memoryCheck(facts),
    virtualizationCheck(facts),
    platformDraft,
    wslDraft,
    kernelCheck(wsl),
    distroDraft,
    engineDraft,
  ];
  const checks: SetupCheck[] = [];
  let blocker: string | null = null;
  let restartPending = false;
  for (const draft of drafts) {
    const { fix: fixId, ...rest } = draft;
    let check: SetupCheck = { ...rest, title: TITLES[draft.id], docsUrl: DOCS[draft.id] };
    if (restartPending && check.status === 'fail') {
      check = { ...check, status: 'unknown', detail: AFTER_RESTART };
    } else if (fixId === 'firmware' || fixId === 'restart') {
      check.fix = instructionsFix(fixId);
    } else if (fixId !== undefined) {
      const reason = blocker ?? (fixId === 'start-engine' ? (startReason ?? null) : null);
      check.fix = runFix(fixId, abilities, reason);
    }
    if (check.fix?.id === 'restart') restartPending = true;
    if (check.status === 'fail' && blocker === null) blocker = `Fix “${check.title}” first.`;
    checks.push(check);
  }
  return checks;
}
