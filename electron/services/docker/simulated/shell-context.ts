import { SIMULATED_VM, type SimulatedContainer, type SimulatedEngineState } from './engine-state';
import { programProfile, rootListing } from './program-profiles';
import type { ShellContext, ShellInterface, ShellProcess } from './simulated-shell';
import { hostnameOf, macFor, namespacesOf } from './simulated-model';

/** Numeric ids the VM shows for users that only exist inside images. */
const HOST_UIDS: Record<string, string> = { nginx: '101', node: '1000', postgres: '70', redis: '999' };

const VM_PROCESSES: ShellProcess[] = [
  { pid: 1, user: 'root', command: '/init' },
  { pid: 5, user: 'root', command: 'plan9 --control-socket 7 --log-level 4 --server-fd 8 --pipe-fd 10 --log-truncate' },
  { pid: 212, user: 'root', command: '/usr/bin/containerd' },
  { pid: 240, user: 'root', command: '/usr/bin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock' },
];

const isUp = (c: SimulatedContainer): boolean => c.state === 'running' || c.state === 'paused';

/** Every process of the VM as the host pid namespace sees it (what `--pid host` shows). */
function hostProcesses(state: SimulatedEngineState): ShellProcess[] {
  const containers = state.containers.filter(isUp).flatMap((c) => {
    const run = c.runs.at(-1);
    if (!run) return [];
    const shim = { pid: run.hostPid - 1, user: 'root', command: `/usr/bin/containerd-shim-runc-v2 -namespace moby -id ${c.id} -address /run/containerd/containerd.sock` };
    const own = programProfile(c.program, c.startLines).processes.map((p, i) => ({
      pid: run.hostPid + i,
      user: HOST_UIDS[p.user] ?? p.user,
      command: p.command,
    }));
    return [shim, ...own];
  });
  return [...VM_PROCESSES, ...containers].sort((a, b) => a.pid - b.pid);
}

function interfacesOf(state: SimulatedEngineState, c: SimulatedContainer): ShellInterface[] {
  const lo: ShellInterface = { name: 'lo', cidr: '127.0.0.1/8', mac: '00:00:00:00:00:00' };
  const net = c.network;
  switch (net.mode) {
    case 'none':
      return [lo];
    case 'host':
      return [
        lo,
        { name: 'eth0', cidr: '172.29.112.5/20', mac: '00:15:5d:4a:2b:17' },
        ...state.networks
          .filter((n) => n.driver === 'bridge' && n.gateway !== null)
          .map((n) => ({ name: n.name === 'bridge' ? 'docker0' : `br-${n.id.slice(0, 12)}`, cidr: `${n.gateway}/16`, mac: macFor(n.gateway ?? '0.0.0.0') })),
      ];
    case 'container': {
      const owner = state.containers.find((o) => o.id === net.container);
      return owner ? interfacesOf(state, owner) : [lo];
    }
    case 'attached':
      return [lo, ...net.attachments.map((a, i) => ({ name: `eth${i}`, cidr: `${a.ip}/16`, mac: macFor(a.ip) }))];
  }
}

/** What a shell exec'd into the container sees: its pid namespace's processes, cgroup, namespaces, interfaces. */
export function shellContextFor(state: SimulatedEngineState, c: SimulatedContainer): ShellContext {
  const profile = programProfile(c.program, c.startLines);
  const namespaces = namespacesOf(state, c);
  const run = c.runs.at(-1);
  const processes = c.pidHost
    ? [...hostProcesses(state), { pid: state.nextHostPid, user: 'root', command: 'sh' }]
    : [...profile.processes, { pid: Math.max(...profile.processes.map((p) => p.pid)) + 10, user: 'root', command: 'sh' }];
  return {
    hostname: hostnameOf(c),
    kernel: SIMULATED_VM.kernel,
    processes,
    cgroup: '0::/',
    namespaces: {
      ...Object.fromEntries(Object.entries(namespaces).map(([kind, info]) => [kind, info.inode])),
      pid_for_children: namespaces.pid.inode,
      time: run ? 4026531834 : null,
      time_for_children: run ? 4026531834 : null,
    },
    rootListing: rootListing(profile),
    interfaces: interfacesOf(state, c),
    env: {
      PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      HOSTNAME: hostnameOf(c),
      HOME: '/root',
      TERM: 'xterm',
    },
  };
}
