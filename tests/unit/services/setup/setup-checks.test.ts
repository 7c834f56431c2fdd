import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { EngineStatus } from '../../../../shared/model/engine';
import type { EngineLifecycle } from '../../../../shared/model/engine-lifecycle';
import { SETUP_CHECK_IDS, SetupCheck, type SetupCheckId } from '../../../../shared/model/setup-check';
import { classifyWsl, type WslKind } from '../../../../electron/services/setup/classify-wsl';
import { buildChecks, type CheckInputs, type EngineReading } from '../../../../electron/services/setup/setup-checks';
import type { HostFacts, WslCall } from '../../../../electron/services/setup/setup-ports';
import { decodeWslOutput } from '../../../../electron/services/wsl/cli/decode-output';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../fixtures/wsl');
const fixture = (name: string): string => decodeWslOutput(fs.readFileSync(path.join(fixtures, name)));
const call = (exitCode: number | null, text = ''): WslCall => ({ exitCode, text, missing: false });

const FACTS: HostFacts = {
  windows: true,
  arch64: true,
  arch: 'x64',
  build: 22631,
  memoryBytes: 16 * 1024 ** 3,
  hypervisorPresent: true,
  firmwareVirtualization: false,
  vmPlatform: 'Enabled',
  wslFeature: 'Enabled',
  rebootPending: false,
  bootId: 'b1',
};
const STORE: WslKind = { kind: 'store', wslVersion: '2.6.1.0', kernelVersion: '6.6.87.2' };
const STATUS: EngineStatus = { kind: 'docker', state: 'connected', endpoint: 'npipe:////./pipe/docker_engine', context: null, serverVersion: '28.0.1', apiVersion: '1.48', os: 'linux', message: null, since: 0 };
const RUNNING: EngineLifecycle = { state: 'running', manageable: true, reason: null, message: null, since: 0 };
const ENGINE: EngineReading = { status: STATUS, lifecycle: RUNNING };
const UBUNTU = [{ name: 'Ubuntu', state: 'Stopped' as const, version: 2 as const, isDefault: true }];

function inputs(change: Omit<Partial<CheckInputs>, 'facts'> & { facts?: Partial<HostFacts> } = {}): CheckInputs {
  return {
    wsl: STORE,
    distros: UBUNTU,
    engine: ENGINE,
    awaitingRestartFor: null,
    abilities: { cancellable: new Set() },
    ...change,
    facts: { ...FACTS, ...change.facts },
  };
}

function check(id: SetupCheckId, change: Parameters<typeof inputs>[0] = {}): SetupCheck {
  const found = buildChecks(inputs(change)).find((c) => c.id === id);
  if (!found) throw new Error(`no ${id} check`);
  return found;
}

describe('classifyWsl tells the stub, the inbox WSL and the Store WSL apart by exit codes and layout', () => {
  it('reads the Store WSL from wsl --version (English and German labels)', () => {
    expect(classifyWsl({ version: call(0, fixture('version.utf16le.txt')), status: call(0, fixture('status.utf16le.txt')) })).toMatchObject({ kind: 'store', kernelVersion: expect.stringMatching(/^\d+\.\d+/) });
    expect(classifyWsl({ version: call(0, fixture('version-de.utf16le.txt')), status: call(0) }).kind).toBe('store');
  });

  it('reads the inbox WSL: --version rejected with -1 (signed or unsigned), --status answered', () => {
    const inbox = classifyWsl({ version: call(4294967295, fixture('version-inbox.utf16le.txt')), status: call(0, fixture('status-inbox.utf16le.txt')) });
    expect(inbox).toMatchObject({ kind: 'inbox', kernelMissing: false, kernelVersion: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    expect(classifyWsl({ version: call(-1), status: call(0) }).kind).toBe('inbox');
    expect(classifyWsl({ version: call(-1), status: call(0xfffffe44) })).toMatchObject({ kind: 'inbox', kernelMissing: true, kernelVersion: null });
  });

  it('reads the stub (exit 1, or 50 for --status) whatever language it speaks, and no wsl.exe at all', () => {
    expect(classifyWsl({ version: call(1, fixture('not-installed.utf16le.txt')), status: call(50, fixture('not-installed.utf16le.txt')) }).kind).toBe('stub');
    expect(classifyWsl({ version: call(1), status: call(1) }).kind).toBe('stub');
    const missing = { exitCode: null, text: '', missing: true };
    expect(classifyWsl({ version: missing, status: missing }).kind).toBe('none');
  });

  it('says unknown, with the codes, for anything else and for a timeout', () => {
    expect(classifyWsl({ version: call(0, 'garbage'), status: call(0) }).kind).toBe('unknown');
    expect(classifyWsl({ version: call(null), status: call(null) })).toMatchObject({ kind: 'unknown', reason: expect.stringMatching(/in time/) });
    expect(classifyWsl({ version: call(5), status: call(7) })).toMatchObject({ kind: 'unknown', reason: expect.stringMatching(/5.*7/) });
  });
});

describe('buildChecks', () => {
  it('runs the eight checks in order, each valid against the shared schema, with a docs link', () => {
    const checks = buildChecks(inputs());
    expect(checks.map((c) => c.id)).toEqual([...SETUP_CHECK_IDS]);
    for (const c of checks) expect(SetupCheck.parse(c)).toEqual(c);
    expect(checks.every((c) => c.status === 'ok' && c.fix === undefined && c.docsUrl?.startsWith('https://'))).toBe(true);
  });

  it('windows: not Windows, 32-bit, too old per architecture, unknown build', () => {
    expect(check('windows', { facts: { windows: false } }).status).toBe('fail');
    expect(check('windows', { facts: { arch64: false, arch: 'other' } }).detail).toMatch(/32-bit/);
    expect(check('windows', { facts: { build: 17763 } })).toMatchObject({ status: 'fail', detail: expect.stringMatching(/18362/) });
    expect(check('windows', { facts: { build: 18363 } }).status).toBe('ok');
    expect(check('windows', { facts: { build: 18363, arch: 'arm64' } })).toMatchObject({ status: 'fail', detail: expect.stringMatching(/19041/) });
    expect(check('windows', { facts: { build: null } }).status).toBe('unknown');
  });

  it('memory: fail under 4 GiB, warn under 8 GiB, unknown when unread', () => {
    expect(check('memory', { facts: { memoryBytes: 3 * 1024 ** 3 } }).status).toBe('fail');
    expect(check('memory', { facts: { memoryBytes: 6 * 1024 ** 3 } }).status).toBe('warn');
    expect(check('memory', { facts: { memoryBytes: 8 * 1024 ** 3 } }).status).toBe('ok');
    expect(check('memory', { facts: { memoryBytes: null } }).status).toBe('unknown');
  });

  it('virtualization: a running hypervisor wins over the firmware flag (it reads false then); off offers the firmware steps', () => {
    expect(check('virtualization', { facts: { hypervisorPresent: true, firmwareVirtualization: false } }).status).toBe('ok');
    expect(check('virtualization', { facts: { hypervisorPresent: false, firmwareVirtualization: true } }).status).toBe('ok');
    const off = check('virtualization', { facts: { hypervisorPresent: false, firmwareVirtualization: false } });
    expect(off).toMatchObject({ status: 'fail', fix: { id: 'firmware', kind: 'instructions' } });
    expect(check('virtualization', { facts: { hypervisorPresent: null, firmwareVirtualization: null } }).status).toBe('unknown');
  });

  it('vm-platform: disabled offers the elevated step, pending offers the restart, unknown stays unknown', () => {
    expect(check('vm-platform', { facts: { vmPlatform: 'Disabled' } })).toMatchObject({ status: 'fail', fix: { id: 'enable-features', elevated: true, unavailableReason: null } });
    expect(check('vm-platform', { facts: { vmPlatform: 'EnablePending' } })).toMatchObject({ status: 'warn', fix: { id: 'restart', kind: 'instructions' } });
    expect(check('vm-platform', { facts: { vmPlatform: 'Disabled' }, awaitingRestartFor: 'enable-features' })).toMatchObject({ status: 'warn', fix: { id: 'restart' } });
    expect(check('vm-platform', { facts: { vmPlatform: 'Unknown' } }).status).toBe('unknown');
  });

  it('wsl and kernel: stub → install, inbox → update, inbox without kernel → kernel fails with update', () => {
    expect(check('wsl', { wsl: { kind: 'stub' } })).toMatchObject({ status: 'fail', fix: { id: 'install-wsl' } });
    expect(check('kernel', { wsl: { kind: 'stub' } }).status).toBe('unknown');
    const inbox: WslKind = { kind: 'inbox', kernelVersion: null, kernelMissing: true };
    expect(check('wsl', { wsl: inbox })).toMatchObject({ status: 'warn', fix: { id: 'update-wsl' } });
    expect(check('kernel', { wsl: inbox })).toMatchObject({ status: 'fail', fix: { id: 'update-wsl' } });
    expect(check('wsl', { wsl: { kind: 'stub' }, awaitingRestartFor: 'install-wsl' })).toMatchObject({ status: 'warn', fix: { id: 'restart' } });
  });

  it('distro: none offers an install, an unreadable list is unknown, no WSL waits', () => {
    expect(check('distro', { distros: [] })).toMatchObject({ status: 'fail', fix: { id: 'install-distro' } });
    expect(check('distro', { distros: { error: 'boom' } })).toMatchObject({ status: 'unknown', detail: expect.stringMatching(/boom/) });
    expect(check('distro', { wsl: { kind: 'stub' } }).status).toBe('unknown');
    expect(check('distro').detail).toMatch(/default is Ubuntu/);
  });

  it('engine: unreachable fails with the start step (or its reason), waits without a distro, ok when it answers', () => {
    const down: EngineReading = { status: { ...STATUS, state: 'unreachable', message: 'Nothing answers at npipe.' }, lifecycle: { ...RUNNING, state: 'error', message: null } };
    expect(check('engine', { engine: down })).toMatchObject({ status: 'fail', detail: 'Nothing answers at npipe.', fix: { id: 'start-engine', unavailableReason: null } });
    const remote: EngineReading = { ...down, lifecycle: { ...down.lifecycle, manageable: false, reason: 'It runs on another machine.' } };
    expect(check('engine', { engine: remote }).fix?.unavailableReason).toBe('It runs on another machine.');
    expect(check('engine', { engine: down, distros: [] }).status).toBe('unknown');
    const stopped: EngineReading = { status: STATUS, lifecycle: { ...RUNNING, state: 'stopped' } };
    expect(check('engine', { engine: stopped })).toMatchObject({ status: 'fail', detail: expect.stringMatching(/is stopped/) });
    expect(check('engine', { engine: { error: 'socket closed' } }).detail).toMatch(/socket closed/);
    expect(check('engine').detail).toMatch(/28\.0\.1/);
  });

  it('blocks later fixes while an earlier check fails, and turns later failures into waits after a pending restart', () => {
    const checks = buildChecks(inputs({ facts: { vmPlatform: 'Disabled' }, wsl: { kind: 'stub' } }));
    expect(checks.find((c) => c.id === 'wsl')?.fix?.unavailableReason).toMatch(/Virtual Machine Platform/);
    const pending = buildChecks(inputs({ facts: { vmPlatform: 'EnablePending' }, wsl: { kind: 'stub' } }));
    expect(pending.find((c) => c.id === 'wsl')).toMatchObject({ status: 'unknown', detail: expect.stringMatching(/restart/) });
    expect(pending.find((c) => c.id === 'wsl')?.fix).toBeUndefined();
  });
});
