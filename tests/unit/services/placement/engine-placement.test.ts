import { describe, expect, it } from 'vitest';
import type { Distro } from '../../../../shared/model/distro';
import type { EngineStatus } from '../../../../shared/model/engine';
import { resolveEnginePlacement } from '../../../../electron/services/placement/engine-placement';

const connected = (kind: EngineStatus['kind'], endpoint: string): Pick<EngineStatus, 'kind' | 'state' | 'endpoint' | 'context'> => ({ kind, state: 'connected', endpoint, context: null });
const distro = (name: string, state: Distro['state'], isDefault = false, version: Distro['version'] = 2): Distro => ({ name, state, version, isDefault });

describe('resolveEnginePlacement', () => {
  it('puts an engine that does not answer nowhere', () => {
    const placement = resolveEnginePlacement({ status: { ...connected('docker', 'unix:///var/run/docker.sock'), state: 'unreachable' }, distros: [], platform: 'linux' });
    expect(placement).toMatchObject({ kind: 'none', distro: null, simulated: false });
  });

  it('puts a local socket on Linux on this machine, with no VM', () => {
    expect(resolveEnginePlacement({ status: connected('docker', 'unix:///run/docker.sock'), distros: [distro('Ubuntu', 'Running', true)], platform: 'linux' })).toMatchObject({ kind: 'linux-host', distro: null });
  });

  it.each(['tcp://10.0.0.5:2376', 'ssh://alex@build-box', 'https://example.test:2376'])('puts %s on another machine', (endpoint) => {
    const placement = resolveEnginePlacement({ status: connected('docker', endpoint), distros: [], platform: 'win32' });
    expect(placement.kind).toBe('remote');
    expect(placement.description).toContain('another machine');
  });

  it('keeps a loopback tcp engine on Windows in the default running distro', () => {
    const placement = resolveEnginePlacement({ status: connected('docker', 'tcp://127.0.0.1:2375'), distros: [distro('docker-desktop', 'Running'), distro('Ubuntu', 'Running', true)], platform: 'win32' });
    expect(placement).toMatchObject({ kind: 'wsl-distro', distro: 'Ubuntu' });
  });

  it("puts Docker Desktop's pipe and the simulated engine in docker-desktop when it runs", () => {
    const distros = [distro('Ubuntu', 'Running', true), distro('docker-desktop', 'Running')];
    expect(resolveEnginePlacement({ status: connected('docker', 'npipe:////./pipe/docker_engine'), distros, platform: 'win32' }).distro).toBe('docker-desktop');
    expect(resolveEnginePlacement({ status: connected('simulated', 'simulated://'), distros, platform: 'linux' })).toMatchObject({ kind: 'wsl-distro', distro: 'docker-desktop', simulated: true });
  });

  it('says so when the engine distro is stopped, and ignores WSL 1 distros', () => {
    const placement = resolveEnginePlacement({ status: connected('simulated', 'simulated://'), distros: [distro('Legacy1', 'Running', true, 1), distro('docker-desktop', 'Stopped')], platform: 'linux' });
    expect(placement.distro).toBeNull();
    expect(placement.description).toBe(
      'The simulated Docker engine answers, but its docker-desktop distro is stopped, so its containers are not placed in the VM; start docker-desktop to see them there.',
    );
  });
});
