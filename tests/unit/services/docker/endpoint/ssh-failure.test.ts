import { describe, expect, it } from 'vitest';
import { classifySshFailure, sshSpawnFailure } from '../../../../../electron/services/docker/endpoint/ssh-failure';

const box = { user: null, host: 'box', port: null };
const exit = (stderr: string, code: number | null = 255, signal: NodeJS.Signals | null = null) => ({ code, signal, stderr });

/** The sentence and kind a failure is classified as. */
function classify(stderr: string, code: number | null = 255): { message: string; kind: string } {
  const error = classifySshFailure(exit(stderr, code), box);
  if (error === null) throw new Error('expected a failure');
  expect(error.code).toBe('UNAVAILABLE');
  return { message: error.message, kind: (error.details as { kind: string }).kind };
}

describe('classifySshFailure', () => {
  it('answers null for a clean exit', () => {
    expect(classifySshFailure(exit('', 0), box)).toBeNull();
  });

  it('tells a changed host key from an unknown one (both end in "Host key verification failed.")', () => {
    const changed = classify(
      '@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@\r\n@    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @\r\n@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@\r\nIT IS POSSIBLE THAT SOMEONE IS DOING SOMETHING NASTY!\r\nHost key for [127.0.0.1]:2222 has changed and you have requested strict checking.\r\nHost key verification failed.\r\n',
    );
    expect(changed.kind).toBe('host-key-changed');
    expect(changed.message).toContain('ssh-keygen -R box');
    const unknown = classify('No ED25519 host key is known for [127.0.0.1]:2222 and you have requested strict checking.\r\nHost key verification failed.\r\n');
    expect(unknown).toEqual({ kind: 'host-key-unknown', message: 'The host key of box is not known; connect once with "ssh box" to accept it, or add it to known_hosts.' });
  });

  it('says the login was refused, and how to fix it, on "Permission denied"', () => {
    const auth = classify('root@127.0.0.1: Permission denied (publickey).\r\n');
    expect(auth.kind).toBe('auth');
    expect(auth.message).toMatch(/refused the ssh login; add your public key/);
  });

  it('names why the host could not be reached', () => {
    expect(classify('ssh: connect to host 127.0.0.1 port 1: Connection refused\r\n').message).toBe(
      'Could not reach box over ssh: the connection was refused; check the host name, port and network, then try "ssh box".',
    );
    expect(classify('ssh: Could not resolve hostname nowhere.invalid: Name or service not known\r\n').message).toContain('its name could not be resolved');
    expect(classify('ssh: connect to host 10.255.255.1 port 22: Connection timed out\r\n').message).toContain('the connection timed out');
    expect(classify('ssh: connect to host 10.0.0.9 port 22: No route to host\r\n').message).toContain('there is no route to it');
    expect(classify('kex_exchange_identification: read: Connection reset by peer\r\n').kind).toBe('unreachable');
  });

  it('tells a missing or too old docker on the remote host, and a remote engine that is down or refuses the user', () => {
    expect(classify('bash: line 1: docker: command not found\n', 127)).toEqual({
      kind: 'docker-missing',
      message: 'The docker command was not found on box; install the Docker CLI there, or put it on the PATH of non-interactive ssh sessions.',
    });
    expect(classify('sh: 1: docker: not found\n', 127).kind).toBe('docker-missing');
    expect(classify('docker: \'system dial-stdio\' is not a docker command.\n', 1).kind).toBe('docker-too-old');
    expect(classify('Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\n', 1).kind).toBe('docker-down');
    expect(classify('permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock\n', 1).kind).toBe('docker-permission');
  });

  it('reports a broken ssh config, and anything else with ssh\'s last line, never "not running"', () => {
    expect(classify('/tmp/x/ssh_config: line 3: Bad configuration option: bogus\r\n/tmp/x/ssh_config: terminating, 1 bad configuration options\r\n').kind).toBe('ssh-config');
    const other = classify('something odd\r\nchannel 0: open failed: administratively prohibited\r\n', 1);
    expect(other.kind).toBe('ssh-failed');
    expect(other.message).toBe('ssh to box exited with code 1 (channel 0: open failed: administratively prohibited); check it with "ssh box docker system dial-stdio".');
    const killed = classifySshFailure(exit('', null, 'SIGKILL'), box);
    expect(killed?.message).toMatch(/^ssh to box was ended by SIGKILL; /);
    for (const sentence of [other.message, killed?.message ?? '']) expect(sentence).not.toMatch(/not running/);
  });

  it('says when ssh itself is missing', () => {
    const error = Object.assign(new Error('spawn ssh ENOENT'), { code: 'ENOENT' });
    expect(sshSpawnFailure(error).message).toBe('The ssh command was not found; install the OpenSSH client to reach ssh:// engines.');
  });
});
