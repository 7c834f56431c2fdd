import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SCENARIO_NAMES, type ScenarioName } from '../../../../shared/model/host';
import type { Operation } from '../../../../shared/model/operation';
import type { SetupFixRequest, SetupReport } from '../../../../shared/model/setup-check';
import { EngineService } from '../../../../electron/services/docker/engine-service';
import { Settings } from '../../../../electron/services/settings/settings';
import { applyScenarioEnginePower } from '../../../../electron/services/setup/compose-setup';
import { SetupService } from '../../../../electron/services/setup/setup-service';
import { SimulatedSetupHost } from '../../../../electron/services/setup/simulated-setup-host';
import { SimulatedWslBackend } from '../../../../electron/services/wsl/simulated/simulated-wsl-backend';
import { ManualClock, RecordingEventSink, RecordingLogger } from '../../../helpers/recording';
import { rejection } from '../../../helpers/service-error';
import { makeTempDir } from '../../../helpers/temp-dir';

let temp: ReturnType<typeof makeTempDir>;
const engines: EngineService[] = [];
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => {
  for (const engine of engines.splice(0)) engine.dispose();
  temp.cleanup();
});

/** A simulated host and a setup service over it, as one process opens them (the data directory persists). */
function open(scenario: ScenarioName, sleep: (ms: number, signal: AbortSignal) => Promise<void> = async () => undefined) {
  const clock = new ManualClock();
  const logger = new RecordingLogger();
  const events = new RecordingEventSink();
  const backend = new SimulatedWslBackend(temp.dir, scenario, clock, logger, { sleep: async () => undefined });
  backend.reseedIfScenarioDiffers(scenario);
  const host = new SimulatedSetupHost(backend, '6.6.87.2', sleep, 1);
  applyScenarioEnginePower(backend, { dataDir: temp.dir, clock, logger });
  const engine = new EngineService({ env: { LIGHTDOCK_ENGINE: 'simulated' }, platform: 'linux', homeDir: temp.dir, dataDir: temp.dir, settings: Settings.parse({}), clock, logger, events, simulatedTransitionMs: 0 });
  engines.push(engine);
  let seen = false;
  const service = new SetupService({
    dataDir: temp.dir,
    facts: host,
    actions: host,
    wsl: { list: () => backend.listDistros(), install: (name) => backend.installDistro(name, () => undefined, new AbortController().signal) },
    engine: { status: () => engine.status(), lifecycle: () => engine.lifecycle(), start: () => engine.startEngine(), stop: () => engine.stopEngine() },
    seen: { seen: () => seen, markSeen: () => (seen = true) },
    events,
    clock,
    logger,
  });
  return { service, backend, events, engine };
}

function statuses(report: SetupReport): Record<string, string> {
  return Object.fromEntries(report.checks.map((check) => [check.id, check.status]));
}

function firstFix(report: SetupReport): string | null {
  return report.checks.find((check) => check.status !== 'ok')?.fix?.id ?? null;
}

/** Applies the fix the first non-ok check offers until every check passes; returns the fixes it took. */
async function walk(scenario: ScenarioName): Promise<string[]> {
  const { service } = open(scenario);
  const taken: string[] = [];
  let report = await service.report({ acknowledge: true });
  for (let step = 0; step < 10 && report.checks.some((c) => c.status !== 'ok'); step += 1) {
    const fix = firstFix(report);
    if (fix === null) throw new Error(`stuck at ${JSON.stringify(statuses(report))}`);
    taken.push(fix);
    if (fix === 'firmware' || fix === 'restart') report = await service.reboot({ enableFirmwareVirtualization: fix === 'firmware' });
    else report = await service.fix((fix === 'install-distro' ? { fix, distro: 'Ubuntu-24.04' } : { fix }) as SetupFixRequest);
  }
  expect(report.checks.every((c) => c.status === 'ok')).toBe(true);
  return taken;
}

describe('setup wizard on each simulated scenario', () => {
  it('knows every scenario the wizard names', () => {
    for (const name of ['virtualization-off', 'features-off', 'reboot-pending', 'wsl-missing', 'empty', 'no-engine', 'ready']) {
      expect(SCENARIO_NAMES).toContain(name);
    }
  });

  it.each([
    ['ready', []],
    ['no-engine', ['start-engine']],
    ['empty', ['install-distro']],
    ['wsl-missing', ['install-wsl', 'install-distro', 'start-engine']],
    ['reboot-pending', ['restart', 'install-distro', 'start-engine']],
    ['features-off', ['enable-features', 'restart', 'install-wsl', 'install-distro', 'start-engine']],
    ['virtualization-off', ['firmware', 'start-engine']],
  ] as const)('%s reaches all checks ok through %j', async (scenario, fixes) => {
    expect(await walk(scenario)).toEqual(fixes);
  });

  it('reports a failing check on virtualization-off with the firmware instructions and the vendor keys', async () => {
    const { service } = open('virtualization-off');
    const report = await service.report({ acknowledge: false });
    const check = report.checks.find((c) => c.id === 'virtualization');
    expect(check?.status).toBe('fail');
    expect(check?.fix?.kind).toBe('instructions');
    expect(check?.fix?.instructions.join(' ')).toMatch(/Dell F2.*HP F10.*Lenovo ThinkPad F1/);
    expect(check?.fix?.instructions.join(' ')).toMatch(/VT-x.*SVM Mode/);
    expect(report.checks.find((c) => c.id === 'engine')?.fix?.unavailableReason).toMatch(/Virtualization turned on/);
    await expect(service.fix({ fix: 'start-engine' })).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });

  it('detects the pending restart after enabling the features and resumes there after a (simulated) restart, in a new process', async () => {
    const first = open('features-off');
    await first.service.report({ acknowledge: true });
    const afterFix = await first.service.fix({ fix: 'enable-features' });
    expect(afterFix.rebootPending).toBe(true);
    expect(afterFix.resume).toMatchObject({ checkId: 'vm-platform', fixId: 'enable-features', rebooted: false });
    expect(afterFix.checks.find((c) => c.id === 'vm-platform')).toMatchObject({ status: 'warn', fix: { id: 'restart' } });
    expect(afterFix.checks.find((c) => c.id === 'wsl')?.status).toBe('unknown');
    await first.service.reboot({ enableFirmwareVirtualization: false });

    const second = open('features-off');
    const resumed = await second.service.report({ acknowledge: false });
    expect(resumed.attention).toBe('resume');
    expect(resumed.resume).toMatchObject({ checkId: 'vm-platform', rebooted: true });
    expect(resumed.rebootPending).toBe(false);
    expect(statuses(resumed)).toMatchObject({ 'vm-platform': 'ok', wsl: 'fail' });
    expect(firstFix(resumed)).toBe('install-wsl');
    await second.service.report({ acknowledge: true });
    expect((await second.service.report({ acknowledge: false })).resume).toBeNull();
  });

  it('asks for attention on first run while something needs doing, and not once seen', async () => {
    const { service } = open('no-engine');
    expect((await service.report({ acknowledge: false })).attention).toBe('first-run');
    await service.report({ acknowledge: true });
    expect((await service.report({ acknowledge: false })).attention).toBeNull();
  });

  it('asks for nothing on a ready first run, then for attention when a check that passed starts failing', async () => {
    const { service, engine } = open('ready');
    expect((await service.report({ acknowledge: false })).attention).toBeNull();
    await service.report({ acknowledge: true });
    await engine.stopEngine();
    const regressed = await service.report({ acknowledge: false });
    expect(regressed.attention).toBe('regressed');
    expect(regressed.regressed).toEqual(['engine']);
  });

  it('reports each fix as an operation from running to succeeded, and starts the engine through engine:start', async () => {
    const { service, events, engine } = open('no-engine');
    expect((await engine.lifecycle()).state).toBe('stopped');
    await service.fix({ fix: 'start-engine' });
    expect((await engine.lifecycle()).state).toBe('running');
    const operations = events.events.filter((e) => e.channel === 'operations:progressed').map((e) => e.payload as Operation);
    expect(operations[0]).toMatchObject({ kind: 'setup', target: 'the Docker engine', state: 'running' });
    expect(new Set(operations.map((o) => o.id)).size).toBe(1);
    expect(operations.at(-1)).toMatchObject({ state: 'succeeded', progress: 1 });
  });

  it('refuses a fix no check offers, and a second fix while one runs, changing nothing', async () => {
    const { service, engine } = open('ready');
    await engine.lifecycle(); // the simulated engine writes its own state on first use, before any setup request
    const snapshot = (): string => JSON.stringify(fs.readdirSync(temp.dir).sort().map((name) => [name, fs.readFileSync(path.join(temp.dir, name), 'utf8')]));
    const before = snapshot();
    expect((await rejection(service.fix({ fix: 'install-wsl' }))).code).toBe('CONFLICT');
    expect(snapshot()).toBe(before);

    let gate = (): void => undefined;
    const opened = new Promise<void>((resolve) => (gate = resolve));
    const held = open('wsl-missing', () => opened);
    const running = held.service.fix({ fix: 'install-wsl' });
    await expect.poll(() => held.events.events.length).toBeGreaterThan(1);
    expect((await rejection(held.service.fix({ fix: 'install-wsl' }))).code).toBe('CONFLICT');
    gate();
    expect((await running).checks.find((c) => c.id === 'wsl')?.status).toBe('ok');
  });

  it('cancels a running fix: the operation fails, the machine is unchanged', async () => {
    const { service, backend, events } = open('wsl-missing', (_ms, signal) => new Promise<void>((_resolve, reject) => signal.addEventListener('abort', () => reject(new Error('aborted')))));
    const before = JSON.stringify(backend.machine());
    const running = service.fix({ fix: 'install-wsl' });
    await expect.poll(() => events.events.length).toBeGreaterThan(1);
    expect(service.cancel('install-wsl')).toEqual({ cancelled: true });
    expect((await rejection(running)).message).toMatch(/Cancelled/);
    expect(JSON.stringify(backend.machine())).toBe(before);
    expect((events.events.filter((e) => e.channel === 'operations:progressed').at(-1)?.payload as Operation).state).toBe('failed');
    expect((await rejection(Promise.resolve().then(() => service.cancel('install-wsl')))).code).toBe('NOT_FOUND');
  });
});
