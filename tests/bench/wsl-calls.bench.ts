// How many times Lightdock runs wsl.exe per user action and while idle: the browser host over the fake wsl.exe, whose
// call log (FAKE_WSL_LOG) is counted line by line. Counts, not times, so they hold on any machine.
import fs from 'node:fs';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import Conf from 'conf';
import type { Browser, BrowserContext, Page } from 'playwright';
import { systemClock, silentLogger } from '../../electron/services/ports';
import { SETTINGS_NAME } from '../../electron/services/settings/settings';
import { SettingsService } from '../../electron/services/settings/settings-service';
import { SimulatedWslBackend } from '../../electron/services/wsl/simulated/simulated-wsl-backend';
import { hostEnv } from '../helpers/host-env';
import { benchDataDir } from './bench-services';
import { launchChromium, openBenchPage, startBrowserHost, type RunningHost } from './browser-host';
import { reportBench, runBench, type Figure } from './bench-report';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FAKE_WSL = path.join(root, 'tests/helpers/fake-wsl/wsl.mjs');
const FAKE_REG = path.join(root, 'tests/helpers/fake-reg/reg.mjs');
const CLI = path.join(root, 'out/cli/lightdock.js');

/** How long an idle window is watched (ms); the goal is stated per minute. */
const IDLE_MS = Number(process.env['LIGHTDOCK_BENCH_IDLE_MS'] ?? 60_000);
/** An action is over once the UI shows its result and the log has been quiet this long. */
const QUIET_MS = 1_500;
/** The host's external-change poll runs every 5 s; an action is started right after one so the next falls outside it. */
const POLL_MS = 5_000;
const ACTION_GOAL = 2;
const IDLE_LIST_GOAL_PER_MIN = 12;

/** One wsl.exe call as the fake logs it. */
interface LoggedCall {
  argv: string[];
}

/** What a wsl.exe call is for: reading the list, probing a running distro, changing something, or anything else. */
type CallKind = 'list' | 'probe' | 'action' | 'other';
const KINDS: readonly CallKind[] = ['list', 'probe', 'action', 'other'];

const ACTION_FLAGS = ['--terminate', '-t', '--set-default', '-s', '--setdefault', '--shutdown', '--install', '--export', '--import', '--unregister', '--set-version', '--manage'];

/** Sorts a call: `-l -v`/`-l -q` lists, the probe script run in a distro, a start (`--exec /bin/true`) or another change, or other. */
function kindOf(argv: readonly string[]): CallKind {
  const exec = argv.indexOf('--exec');
  if (exec >= 0) {
    const command = argv.slice(exec + 1);
    if (command[0] === '/bin/true') return 'action';
    // The probe reads /proc/meminfo among the rest (probe-script.ts); other scripts (memory, files) are "other".
    if (command[0] === '/bin/sh' && (command[2] ?? '').includes('==meminfo==')) return 'probe';
    return 'other';
  }
  if (argv.some((arg) => ACTION_FLAGS.includes(arg))) return 'action';
  if ((argv.includes('--list') || argv.includes('-l')) && !argv.includes('--online') && !argv.includes('-o')) return 'list';
  return 'other';
}

/** The fake's call log: how many calls so far, and the calls since a mark. */
class CallLog {
  constructor(readonly file: string) {}

  private all(): LoggedCall[] {
    if (!fs.existsSync(this.file)) return [];
    return fs
      .readFileSync(this.file, 'utf8')
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as LoggedCall);
  }

  mark(): number {
    return this.all().length;
  }

  since(mark: number): LoggedCall[] {
    return this.all().slice(mark);
  }

  /** Resolves once the log has not grown for `quietMs` (at most `limitMs`). */
  async quiet(quietMs = QUIET_MS, limitMs = 8_000): Promise<void> {
    const started = Date.now();
    let count = this.mark();
    let changedAt = Date.now();
    while (Date.now() - started < limitMs) {
      await sleep(100);
      const now = this.mark();
      if (now !== count) {
        count = now;
        changedAt = Date.now();
      } else if (Date.now() - changedAt >= quietMs) return;
    }
  }

  /**
   * Waits (at most one poll period and a bit) for the host's next idle list and the calls it brings, so the work that
   * follows has a whole period before the next poll; returns at once when nothing polls.
   */
  async afterPoll(): Promise<void> {
    const mark = this.mark();
    const started = Date.now();
    while (Date.now() - started < POLL_MS + 1_000) {
      await sleep(50);
      if (this.since(mark).some((call) => kindOf(call.argv) === 'list')) {
        await this.quiet(300, 2_000);
        return;
      }
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Counts per kind. */
type Counts = Record<CallKind, number>;

function countsOf(calls: readonly LoggedCall[]): Counts {
  const counts: Counts = { list: 0, probe: 0, action: 0, other: 0 };
  for (const call of calls) counts[kindOf(call.argv)] += 1;
  return counts;
}

function total(counts: Counts): number {
  return KINDS.reduce((sum, kind) => sum + counts[kind], 0);
}

function describe(counts: Counts): string {
  return KINDS.map((kind) => `${kind} ${counts[kind]}`).join(', ');
}

/** One measured situation: its name, its counts, the calls themselves (for the notes) and its goal. */
interface Measured {
  what: string;
  counts: Counts;
  calls: LoggedCall[];
  goal: { label: string; pass: boolean } | null;
}

function perAction(what: string, calls: LoggedCall[]): Measured {
  const counts = countsOf(calls);
  return { what, counts, calls, goal: { label: `≤ ${ACTION_GOAL} calls`, pass: total(counts) <= ACTION_GOAL } };
}

/** The argv of a call, shortened for a note (the probe script is long). */
function shortArgv(call: LoggedCall): string {
  return call.argv.map((arg) => (arg.length > 24 ? `${arg.slice(0, 12)}…` : arg)).join(' ');
}

/** Runs `lightdock <args>` from the built CLI with `env`; rejects when it fails. */
function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [CLI, ...args], { cwd: root, env, timeout: 30_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`lightdock ${args.join(' ')} failed: ${stderr || error.message}`));
      else resolve(stdout);
    });
  });
}

/** Clicks a button and waits until `done` holds and the log is quiet; the calls made meanwhile. */
async function measure(log: CallLog, act: () => Promise<void>, done: () => Promise<void>): Promise<LoggedCall[]> {
  await log.afterPoll();
  const mark = log.mark();
  await act();
  await done();
  await log.quiet();
  return log.since(mark);
}

/** Waits until the button named `name` (its aria-label or its text) is enabled, or disabled. */
async function buttonState(page: Page, name: string, state: 'enabled' | 'disabled'): Promise<void> {
  await page.waitForFunction(
    ([label, wanted]) =>
      [...document.querySelectorAll('button')].some(
        (button) => (button.getAttribute('aria-label') ?? button.textContent?.trim()) === label && button.disabled === (wanted === 'disabled'),
      ),
    [name, state] as const,
    { timeout: 20_000 },
  );
}

function enabled(page: Page, name: string): Promise<void> {
  return buttonState(page, name, 'enabled');
}

function disabled(page: Page, name: string): Promise<void> {
  return buttonState(page, name, 'disabled');
}

async function main(): Promise<void> {
  const startedAt = performance.now();
  const dataDir = benchDataDir('wsl-calls');
  // The fake wsl.exe reads and writes the simulated host's state file: seed it with the `ready` scenario (three stopped distros).
  const seed = new SimulatedWslBackend(dataDir, 'ready', systemClock, silentLogger);
  seed.reseedIfScenarioDiffers('ready');
  await seed.listDistros();
  // A returning user: the setup wizard was seen, so it does not open by itself (on Linux its Windows check fails).
  const settings = new SettingsService(new Conf<Record<string, unknown>>({ cwd: dataDir, configName: SETTINGS_NAME }), silentLogger);
  settings.set({ ...settings.get(), setup: { seen: true } });
  const log = new CallLog(path.join(dataDir, 'wsl-calls.jsonl'));
  const cliLog = new CallLog(path.join(dataDir, 'wsl-calls-cli.jsonl'));
  const env: NodeJS.ProcessEnv = {
    ...hostEnv({ dataDir, engine: 'simulated' }),
    LIGHTDOCK_WSL_BACKEND: 'cli',
    LIGHTDOCK_WSL_EXE: FAKE_WSL,
    LIGHTDOCK_REG_EXE: FAKE_REG,
    LIGHTDOCK_WSLCONFIG: path.join(dataDir, '.wslconfig'),
    FAKE_WSL_LOG: log.file,
  };
  const measured: Measured[] = [];
  let host: RunningHost | null = null;
  let browser: Browser | null = null;
  let context: BrowserContext | null = null;
  try {
    host = await startBrowserHost(env);
    const url = host.url;
    browser = await launchChromium();
    const opened = await openBenchPage(browser, { width: 1400, height: 1000 });
    context = opened.context;
    const page = opened.page;
    /** Moves the running app to another page, as its navigation does (the hash). */
    const goTo = (hash: string) => () =>
      page.evaluate((target) => {
        window.location.hash = target;
      }, hash);

    // A cold load of the app on the Distros page (the app starts, the shell and the page read what they need).
    let mark = log.mark();
    await page.goto(`${url}#/distros`);
    await page.getByRole('button', { name: 'Start Ubuntu-24.04' }).waitFor({ timeout: 30_000 });
    await log.quiet();
    const cold = log.since(mark);
    measured.push({ what: 'cold load of the app at #/distros', counts: countsOf(cold), calls: cold, goal: null });

    // Opening the Distros page from another page of the running app.
    await goTo('#/containers')();
    await page.getByRole('heading', { name: 'Containers' }).first().waitFor({ timeout: 20_000 });
    await log.quiet();
    measured.push(
      perAction(
        'opening the Distros page',
        await measure(log, goTo('#/distros'), () => page.getByRole('button', { name: 'Start Ubuntu-24.04' }).waitFor({ timeout: 20_000 })),
      ),
    );

    const click = (name: string) => () => page.getByRole('button', { name, exact: true }).click();
    measured.push(perAction('start', await measure(log, click('Start Ubuntu-24.04'), () => enabled(page, 'Terminate Ubuntu-24.04'))));
    measured.push(perAction('terminate', await measure(log, click('Terminate Ubuntu-24.04'), () => enabled(page, 'Start Ubuntu-24.04'))));
    measured.push(perAction('set default', await measure(log, click('Set Debian as default'), () => disabled(page, 'Set Debian as default'))));

    // The CLI in its own process, nothing cached: its calls go to their own log, apart from the host's polling.
    mark = cliLog.mark();
    await runCli(['distros', 'start', 'docker-desktop'], { ...env, FAKE_WSL_LOG: cliLog.file });
    measured.push(perAction('`lightdock distros start docker-desktop` (CLI)', cliLog.since(mark)));
    // The open window learns of the CLI's start from the host's poll.
    await enabled(page, 'Terminate docker-desktop');
    await log.quiet();

    measured.push(
      perAction(
        "opening a distro's detail page (docker-desktop, running)",
        await measure(log, goTo('#/distro/docker-desktop'), () => page.getByRole('toolbar', { name: 'Actions for docker-desktop' }).waitFor({ timeout: 20_000 })),
      ),
    );

    await goTo('#/distros')();
    await enabled(page, 'Terminate docker-desktop');
    await log.quiet();
    measured.push(
      perAction(
        'shutdown',
        await measure(log, click('Shut down WSL'), async () => {
          await enabled(page, 'Start docker-desktop');
          await enabled(page, 'Shut down WSL');
        }),
      ),
    );

    // One idle minute with the Distros page open and visible.
    await log.quiet();
    mark = log.mark();
    await sleep(IDLE_MS);
    const idleOpen = log.since(mark);
    const idleOpenCounts = countsOf(idleOpen);
    const perMinute = (count: number): number => (count * 60_000) / IDLE_MS;
    measured.push({
      what: 'one idle minute with the Distros page open',
      counts: idleOpenCounts,
      calls: idleOpen,
      goal: {
        label: `≤ ${IDLE_LIST_GOAL_PER_MIN} lists, no probe, nothing else`,
        pass: perMinute(idleOpenCounts.list) <= IDLE_LIST_GOAL_PER_MIN && idleOpenCounts.probe === 0 && idleOpenCounts.action + idleOpenCounts.other === 0,
      },
    });

    // One idle minute with no window: the page's connection closes; the host keeps running.
    await context.close();
    context = null;
    await sleep(2_000);
    mark = log.mark();
    await sleep(IDLE_MS);
    const idleClosed = log.since(mark);
    const idleClosedCounts = countsOf(idleClosed);
    measured.push({
      what: 'one idle minute with no window',
      counts: idleClosedCounts,
      calls: idleClosed,
      goal: { label: '0 calls', pass: total(idleClosedCounts) === 0 },
    });
  } finally {
    await context?.close();
    await browser?.close();
    await host?.stop();
  }

  const figures: Figure[] = measured.map((entry) => ({
    measure: `wsl.exe calls: ${entry.what}`,
    value: total(entry.counts),
    unit: 'calls',
    references: [],
    ratio: null,
    goal: entry.goal,
    notes: [
      `wsl.exe calls for ${entry.what}: ${describe(entry.counts)}` +
        (entry.calls.length > 0 && entry.calls.length <= 12 ? ` (${entry.calls.map(shortArgv).join('; ')})` : ''),
    ],
  }));
  figures[0]?.notes.push(
    'counted from the fake wsl.exe call log (FAKE_WSL_LOG) of the browser host with LIGHTDOCK_WSL_BACKEND=cli, in Chromium; each UI action is started right after the host\'s idle poll and counted until the UI shows its result and the log has been quiet 1.5 s; the CLI run has its own log',
  );
  reportBench('wsl-calls', figures, startedAt);
}

runBench(main);
