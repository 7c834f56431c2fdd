import { describe, expect, it } from 'vitest';
import { NetworkProblem } from '../../../../shared/model/network-map';
import { bindingsFromInspect, bindingsFromSummary, isPortTakenError, parseNetworkInspect } from '../../../../electron/services/network/configured-bindings';
import { MIRRORED_LIMITS, networkProblems, type ProblemFacts } from '../../../../electron/services/network/network-problems';
import { publishedPorts } from '../../../../electron/services/network/port-urls';
import { vmInfo } from '../../../helpers/vm-info';
import { container, placement, runningVm, tcp } from './network-fixtures';

const facts = (extra: Partial<ProblemFacts>): ProblemFacts => ({
  placement: placement('wsl-distro'),
  vm: runningVm(),
  containers: [],
  bindings: [],
  failedStarts: [],
  taken: [],
  ports: [],
  ...extra,
});
const kinds = (problems: NetworkProblem[]): string[] => problems.map((p) => p.kind);

describe('configured bindings', () => {
  it("reads a stopped container's fixed host ports from HostConfig.PortBindings, leaving out ports the engine picks", () => {
    const inspect = parseNetworkInspect({
      HostConfig: { PortBindings: { '80/tcp': [{ HostIp: '', HostPort: '8080' }], '53/udp': [{ HostIp: '127.0.0.1', HostPort: '5353' }], '443/tcp': [{ HostIp: '', HostPort: '' }], '9/tcp': null } },
    });
    expect(inspect).not.toBeNull();
    const web = container('web', 'exited', []);
    expect(bindingsFromInspect(web, inspect ?? {})).toEqual([
      { containerId: web.id, containerName: 'web', running: false, privatePort: 80, hostPort: 8080, protocol: 'tcp', hostIp: null },
      { containerId: web.id, containerName: 'web', running: false, privatePort: 53, hostPort: 5353, protocol: 'udp', hostIp: '127.0.0.1' },
    ]);
  });

  it('refuses an inspect document that is not shaped like one', () => {
    expect(parseNetworkInspect({ HostConfig: { PortBindings: { '80/tcp': 'all of them' } } })).toBeNull();
    expect(parseNetworkInspect('not an object')).toBeNull();
  });

  it("knows the engine's words for a taken host port", () => {
    expect(isPortTakenError('driver failed programming external connectivity on endpoint x: Bind for 0.0.0.0:8080 failed: port is already allocated')).toBe(true);
    expect(isPortTakenError('listen tcp4 0.0.0.0:8080: bind: address already in use')).toBe(true);
    expect(isPortTakenError('exec: "nope": executable file not found')).toBe(false);
    expect(isPortTakenError(null)).toBe(false);
  });
});

describe('networkProblems', () => {
  it('names two containers asking for the same host port, with the one holding it', () => {
    const a = container('api', 'running', [tcp(80, 8080)]);
    const b = container('api-old', 'exited', []);
    const bindings = [...bindingsFromSummary(a), { containerId: b.id, containerName: 'api-old', running: false, privatePort: 80, hostPort: 8080, protocol: 'tcp' as const, hostIp: null }];
    const [problem] = networkProblems(facts({ containers: [a, b], bindings }));
    expect(NetworkProblem.parse(problem)).toMatchObject({ kind: 'port-conflict', subjects: [a.id, b.id] });
    expect(problem?.message).toBe('api and api-old both ask for host port 8080/tcp; only one can have it at a time (api has it now).');
  });

  it('does not call ports on two different specific addresses, or on different protocols, a conflict', () => {
    const bindings = [
      { containerId: 'a', containerName: 'a', running: true, privatePort: 80, hostPort: 8080, protocol: 'tcp' as const, hostIp: '127.0.0.1' },
      { containerId: 'b', containerName: 'b', running: false, privatePort: 80, hostPort: 8080, protocol: 'tcp' as const, hostIp: '10.0.0.5' },
      { containerId: 'c', containerName: 'c', running: false, privatePort: 80, hostPort: 8080, protocol: 'udp' as const, hostIp: null },
    ];
    expect(networkProblems(facts({ bindings }))).toEqual([]);
  });

  it('names a host port taken by another process: from a failed start, and from a probe', () => {
    const failed = container('web', 'created', []);
    const stopped = container('cache', 'exited', []);
    const problems = networkProblems(
      facts({
        failedStarts: [{ containerId: failed.id, containerName: 'web', error: 'Bind for 0.0.0.0:8080 failed: port is already allocated' }],
        taken: [{ containerId: stopped.id, containerName: 'cache', running: false, privatePort: 6379, hostPort: 6379, protocol: 'tcp', hostIp: null }],
      }),
    );
    expect(problems.map((p) => [p.kind, p.severity, p.subjects])).toEqual([
      ['port-taken', 'error', [failed.id]],
      ['port-taken', 'warning', [stopped.id]],
    ]);
    expect(problems[0]?.message).toContain('port is already allocated');
    expect(problems[1]?.message).toBe('Host port 6379 that cache asks for is already taken by another process on this machine; cache will fail to start until it is freed.');
  });

  it("localhost forwarding off: Windows reaches ports at the VM's address only; loopback-bound ones not at all", () => {
    const vm = runningVm({ localhostForwarding: false });
    const web = container('web', 'running', [tcp(80, 8080, '127.0.0.1'), tcp(443, 8443, '0.0.0.0')]);
    const ports = publishedPorts([web], { placement: placement('wsl-distro'), vm: vm.network, remoteHost: null });
    const [problem] = networkProblems(facts({ vm, containers: [web], ports }));
    expect(problem).toMatchObject({ kind: 'localhost-forwarding-off', severity: 'warning', subjects: [`${web.id}:8080/tcp`] });
    expect(problem?.message).toContain("the VM's address (172.24.100.5)");
    expect(problem?.message).toContain('1 port(s) bound to 127.0.0.1 inside the VM cannot be reached from Windows at all');
  });

  it("mirrored mode's limits, the VM stopped, no engine, and --network none are named", () => {
    expect(networkProblems(facts({ vm: runningVm({ mode: 'mirrored' }) }))).toEqual([{ id: 'mirrored-limits', kind: 'mirrored-limits', severity: 'info', message: MIRRORED_LIMITS, subjects: [] }]);
    expect(kinds(networkProblems(facts({ vm: vmInfo('Stopped', 0) })))).toEqual(['vm-stopped']);
    expect(kinds(networkProblems(facts({ placement: placement('none'), vm: null })))).toEqual(['engine-unreachable']);
    const isolated = container('isolated', 'running', [], { none: null });
    expect(networkProblems(facts({ containers: [isolated] }))).toEqual([
      { id: `network-none:${isolated.id}`, kind: 'network-none', severity: 'info', message: 'isolated runs with --network none: it has no network, so nothing can reach it and it publishes no port.', subjects: [isolated.id] },
    ]);
  });

  it('on this Linux machine, a stopped WSL VM is not a problem of the engine', () => {
    expect(networkProblems(facts({ placement: placement('linux-host'), vm: vmInfo('Stopped', 0) }))).toEqual([]);
  });
});
