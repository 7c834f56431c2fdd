import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { invokeContract, type EventChannel, type InvokeChannel } from '../../../shared/ipc/contract';
import type { LightdockApi } from '../../../shared/ipc/lightdock-api';
import type { IpcResult } from '../../../shared/ipc/result';
import type { SetupCheck, SetupReport } from '../../../shared/model/setup-check';
import { SetupPage } from '../../../renderer/src/pages/SetupPage';

configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  cleanup();
  delete window.lightdock;
});

const fix = (id: NonNullable<SetupCheck['fix']>['id'], change: Partial<NonNullable<SetupCheck['fix']>> = {}): NonNullable<SetupCheck['fix']> => ({
  id,
  label: id === 'enable-features' ? 'Enable the Windows features' : id === 'install-wsl' ? 'Install WSL' : id === 'restart' ? 'Restart Windows' : id,
  kind: id === 'restart' || id === 'firmware' ? 'instructions' : 'run',
  unavailableReason: null,
  elevated: id === 'enable-features' || id === 'install-wsl',
  cancellable: id === 'enable-features',
  instructions: id === 'restart' ? ['Restart Windows from the Start menu.'] : [],
  ...change,
});

const check = (id: SetupCheck['id'], title: string, status: SetupCheck['status'], extra: Partial<SetupCheck> = {}): SetupCheck => ({
  id,
  title,
  status,
  detail: `${title}: ${status}.`,
  docsUrl: `https://learn.microsoft.com/windows/wsl/${id}`,
  ...extra,
});

function report(platform: SetupCheck, wsl: SetupCheck, change: Partial<SetupReport> = {}): SetupReport {
  return {
    checks: [check('windows', 'Windows', 'ok'), check('memory', 'Memory', 'ok'), check('virtualization', 'Virtualization', 'ok'), platform, wsl],
    rebootPending: false,
    resume: null,
    attention: null,
    regressed: [],
    canReboot: true,
    ...change,
  };
}

const FEATURES_OFF = report(
  check('vm-platform', 'Virtual Machine Platform feature', 'fail', { fix: fix('enable-features') }),
  check('wsl', 'WSL installed and current', 'fail', { fix: fix('install-wsl', { unavailableReason: 'Fix “Virtual Machine Platform feature” first.' }) }),
);
const PENDING = report(check('vm-platform', 'Virtual Machine Platform feature', 'warn', { fix: fix('restart') }), check('wsl', 'WSL installed and current', 'unknown'), {
  rebootPending: true,
  resume: { checkId: 'vm-platform', fixId: 'enable-features', at: 1, rebooted: false },
});
const RESUMED = report(check('vm-platform', 'Virtual Machine Platform feature', 'ok'), check('wsl', 'WSL installed and current', 'fail', { fix: fix('install-wsl') }), {
  resume: { checkId: 'vm-platform', fixId: 'enable-features', at: 1, rebooted: true },
  attention: 'resume',
});

/** A host for the setup channels: answers from `answers` (checked against the contract), records requests, can hold one channel. */
class SetupHost implements LightdockApi {
  readonly calls: { channel: InvokeChannel; request: unknown }[] = [];
  private held: Promise<void> | null = null;
  private release: () => void = () => undefined;
  constructor(private readonly answers: Partial<Record<InvokeChannel, () => IpcResult<unknown>>>) {}
  hold(): () => void {
    this.held = new Promise((resolve) => (this.release = resolve));
    return () => {
      this.held = null;
      this.release();
    };
  }
  async invoke<C extends InvokeChannel>(channel: C, request: never): Promise<IpcResult<never>> {
    this.calls.push({ channel, request });
    invokeContract[channel].request.parse(request);
    if (channel === 'setup:fix' && this.held) await this.held;
    const answer = this.answers[channel]?.() ?? { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `No ${channel} here.` } };
    if (answer.ok) invokeContract[channel].response.parse(answer.value);
    return answer as IpcResult<never>;
  }
  on(_channel: EventChannel, _listener: (payload: never) => void): () => void {
    return () => undefined;
  }
  ready(): void {}
  requests(channel: InvokeChannel): unknown[] {
    return this.calls.filter((c) => c.channel === channel).map((c) => c.request);
  }
}

function renderPage(host: SetupHost): SetupHost {
  window.lightdock = host;
  render(<SetupPage />);
  return host;
}

describe('SetupPage', { timeout: 20_000 }, () => {
  it('shows each check with its status word and docs link, acknowledging them, and a blocked fix with its reason', async () => {
    const host = renderPage(new SetupHost({ 'setup:checks': () => ({ ok: true, value: FEATURES_OFF }) }));
    expect(await screen.findByText('2 checks fail; each offers its fix below, in order.')).toBeTruthy();
    expect(screen.getAllByText('Passed')).toHaveLength(3);
    expect(screen.getAllByText('Failed')).toHaveLength(2);
    expect(screen.getByRole('link', { name: 'Read more about “WSL installed and current”' }).getAttribute('href')).toBe('https://learn.microsoft.com/windows/wsl/wsl');
    const install = screen.getByRole('button', { name: 'Install WSL' }) as HTMLButtonElement;
    expect(install.disabled).toBe(true);
    expect(screen.getByText('Not available yet: Fix “Virtual Machine Platform feature” first.')).toBeTruthy();
    expect(host.requests('setup:checks')).toEqual([{ acknowledge: true }]);
  });

  it('runs a fix with Cancel while it runs, then offers the restart with its instructions', async () => {
    const host = new SetupHost({ 'setup:checks': () => ({ ok: true, value: FEATURES_OFF }), 'setup:fix': () => ({ ok: true, value: PENDING }), 'setup:cancel': () => ({ ok: true, value: { cancelled: true } }) });
    renderPage(host);
    const release = host.hold();
    fireEvent.click(await screen.findByRole('button', { name: 'Enable the Windows features' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(host.requests('setup:cancel')).toEqual([{ fix: 'enable-features' }]));
    expect((screen.getByRole('button', { name: 'Check again' }) as HTMLButtonElement).disabled).toBe(true);
    release();
    expect(await screen.findByText(/Windows needs a restart to finish a change/)).toBeTruthy();
    expect(host.requests('setup:fix')).toEqual([{ fix: 'enable-features' }]);
    expect(screen.getByText('Restart Windows from the Start menu.')).toBeTruthy();
    expect(screen.getByText('Needs attention')).toBeTruthy();
  });

  it('restarts the simulated machine and says where it carries on', async () => {
    const host = renderPage(new SetupHost({ 'setup:checks': () => ({ ok: true, value: PENDING }), 'setup:reboot': () => ({ ok: true, value: RESUMED }) }));
    fireEvent.click(await screen.findByRole('button', { name: 'Restart Windows (simulated)' }));
    expect(await screen.findByText('Welcome back: Windows restarted. The wizard carries on from “Virtual Machine Platform feature”.')).toBeTruthy();
    expect(host.requests('setup:reboot')).toEqual([{ enableFirmwareVirtualization: false }]);
  });

  it('offers no simulated restart on real Windows', async () => {
    renderPage(new SetupHost({ 'setup:checks': () => ({ ok: true, value: { ...PENDING, canReboot: false } }) }));
    expect(await screen.findByText('Restart Windows from the Start menu.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Restart/ })).toBeNull();
  });

  it('shows a failed fix as an error and keeps the checks', async () => {
    const host = new SetupHost({ 'setup:checks': () => ({ ok: true, value: FEATURES_OFF }), 'setup:fix': () => ({ ok: false, error: { code: 'CONFLICT', message: 'The administrator prompt was declined, so nothing changed.' } }) });
    renderPage(host);
    fireEvent.click(await screen.findByRole('button', { name: 'Enable the Windows features' }));
    expect(await screen.findByText('The administrator prompt was declined, so nothing changed. (CONFLICT)')).toBeTruthy();
    expect(screen.getAllByText('Failed')).toHaveLength(2);
  });

  it('says when the checks cannot run, and retries', async () => {
    let answer: IpcResult<unknown> = { ok: false, error: { code: 'INTERNAL', message: 'Boom.' } };
    const host = renderPage(new SetupHost({ 'setup:checks': () => answer }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/The setup checks could not be run: Boom\. \(INTERNAL\)/);
    answer = { ok: true, value: report(check('vm-platform', 'Virtual Machine Platform feature', 'ok'), check('wsl', 'WSL installed and current', 'ok')) };
    fireEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText(/Everything is ready/)).toBeTruthy();
    expect(host.requests('setup:checks')).toHaveLength(2);
  });
});
