import { ServiceError } from '../../errors';
import { sshCommandLine, type SshDestination } from './ssh-command';

/** How an ssh child ended: its exit code (null when killed), the signal, and the tail of its stderr. */
export interface SshExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** Ways ssh says it could not reach the host, each with the words used in the sentence. */
const UNREACHABLE: Array<[RegExp, string]> = [
  [/Connection refused/i, 'the connection was refused'],
  [/Could not resolve hostname|Name or service not known|nodename nor servname|Temporary failure in name resolution/i, 'its name could not be resolved'],
  [/timed out/i, 'the connection timed out'],
  [/No route to host|Network is unreachable/i, 'there is no route to it'],
  [/kex_exchange_identification|Connection closed by remote host|Connection reset by peer/i, 'it closed the connection during the handshake'],
];

/**
 * Turns a failed `ssh … docker system dial-stdio` into one UNAVAILABLE ServiceError naming what to do: unknown or
 * changed host key, refused login, unreachable host, unreadable ssh config, docker missing or too old on the remote
 * host, the remote engine not running or refusing the user. Null when the exit was clean (code 0, no signal).
 */
export function classifySshFailure(exit: SshExit, destination: SshDestination): ServiceError | null {
  if (exit.code === 0 && exit.signal === null) return null;
  const { stderr } = exit;
  const host = destination.host;
  const command = sshCommandLine(destination);
  const fail = (message: string, kind: string): ServiceError =>
    new ServiceError('UNAVAILABLE', message, { kind, exitCode: exit.code, signal: exit.signal, stderr: lastLines(stderr, 5) });
  if (/REMOTE HOST IDENTIFICATION HAS CHANGED|Host key for .* has changed/i.test(stderr)) {
    return fail(
      `The host key of ${host} has changed since it was saved in known_hosts (possibly someone is intercepting the connection); if the change is expected, remove the old key with "ssh-keygen -R ${host}" and connect once with "${command}".`,
      'host-key-changed',
    );
  }
  if (/Host key verification failed|No \S+ host key is known for/i.test(stderr)) {
    return fail(`The host key of ${host} is not known; connect once with "${command}" to accept it, or add it to known_hosts.`, 'host-key-unknown');
  }
  if (/Permission denied \(|Too many authentication failures|No more authentication methods/i.test(stderr)) {
    return fail(
      `${host} refused the ssh login; add your public key to the remote authorized_keys and make it available to ssh (ssh-agent, or IdentityFile in ~/.ssh/config), then check with "${command}".`,
      'auth',
    );
  }
  for (const [pattern, why] of UNREACHABLE) {
    if (pattern.test(stderr)) return fail(`Could not reach ${host} over ssh: ${why}; check the host name, port and network, then try "${command}".`, 'unreachable');
  }
  if (/Bad configuration option|Can't open user config file|Bad owner or permissions on|terminating, \d+ bad configuration options/i.test(stderr)) {
    return fail(`ssh could not read its configuration (${lastLines(stderr, 1)}); fix the ssh config file.`, 'ssh-config');
  }
  if (exit.code === 127 || /\bdocker\b[^\n]*(command not found|not found)/i.test(stderr)) {
    return fail(`The docker command was not found on ${host}; install the Docker CLI there, or put it on the PATH of non-interactive ssh sessions.`, 'docker-missing');
  }
  if (/unknown command "?dial-stdio|is not a docker command|unknown flag/i.test(stderr)) {
    return fail(`The docker command on ${host} is too old for "docker system dial-stdio" (Docker 18.09 or newer is needed); update it there.`, 'docker-too-old');
  }
  if (/permission denied while trying to connect to the Docker daemon/i.test(stderr)) {
    return fail(`Docker on ${host} refused the ssh user; add that user to the docker group there.`, 'docker-permission');
  }
  if (/Cannot connect to the Docker daemon|Is the docker daemon running|error during connect/i.test(stderr)) {
    return fail(`Docker is not running on ${host} (its docker command could not reach the engine); start it there or pick another context.`, 'docker-down');
  }
  const said = lastLines(stderr, 1);
  const how = exit.signal !== null ? `was ended by ${exit.signal}` : `exited with code ${exit.code ?? 'unknown'}`;
  return fail(`ssh to ${host} ${how}${said === '' ? '' : ` (${said})`}; check it with "${command} docker system dial-stdio".`, 'ssh-failed');
}

/** The ServiceError for an `ssh` that could not be started at all (not installed, not on PATH). */
export function sshSpawnFailure(error: NodeJS.ErrnoException): ServiceError {
  if (error.code === 'ENOENT') {
    return new ServiceError('UNAVAILABLE', 'The ssh command was not found; install the OpenSSH client to reach ssh:// engines.', { kind: 'ssh-missing' });
  }
  return new ServiceError('UNAVAILABLE', `ssh could not be started (${error.code ?? error.message}); check the OpenSSH client.`, { kind: 'ssh-spawn' });
}

/** The last `count` non-empty lines of ssh's stderr, joined with ` / `, without carriage returns or control bytes. */
function lastLines(stderr: string, count: number): string {
  const lines = stderr
    .split(/\r?\n/)
    .map((line) => [...line].filter((char) => char >= ' ' && char !== '\u007f').join('').trim())
    .filter((line) => line !== '' && !/^@+$/.test(line));
  return lines.slice(-count).join(' / ').slice(0, 300);
}
