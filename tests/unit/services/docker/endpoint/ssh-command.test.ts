import { describe, expect, it } from 'vitest';
import { parseSshEndpoint, sshCommandLine, sshDialArgs } from '../../../../../electron/services/docker/endpoint/ssh-command';

describe('parseSshEndpoint', () => {
  it('takes user, host and port apart as the docker CLI does, leaving what is absent to ssh and its config', () => {
    expect(parseSshEndpoint('ssh://lightdock-test')).toEqual({ user: null, host: 'lightdock-test', port: null });
    expect(parseSshEndpoint('ssh://root@127.0.0.1:2222')).toEqual({ user: 'root', host: '127.0.0.1', port: 2222 });
    expect(parseSshEndpoint('ssh://me@[::1]:22/')).toEqual({ user: 'me', host: '::1', port: 22 });
    expect(parseSshEndpoint('ssh://ad%5Cme@build_box.example.com')).toEqual({ user: 'ad\\me', host: 'build_box.example.com', port: null });
  });

  it('refuses anything ssh could read as an option, a password, a path or a bad port, with one sentence', () => {
    for (const endpoint of [
      'ssh://-oProxyCommand=x',
      'ssh://-lroot@box',
      'ssh://%2Doops@box',
      'ssh://me:secret@box',
      'ssh://box/var/run/docker.sock',
      'ssh://box?x=1',
      'ssh://box#frag',
      'ssh://box:0',
      'ssh://box:70000',
      'ssh://bo%20x',
      'ssh://',
      'tcp://box:2375',
      'not a url',
    ]) {
      expect(() => parseSshEndpoint(endpoint), endpoint).toThrowError(expect.objectContaining({ code: 'VALIDATION', message: expect.stringMatching(/^".*" is not a usable ssh:\/\/ endpoint: .+\.$/) }));
    }
  });
});

describe('sshDialArgs', () => {
  it('builds the docker CLI connhelper command: options, then -- and the host, then docker system dial-stdio', () => {
    expect(sshDialArgs({ user: null, host: 'lightdock-test', port: null }, null)).toEqual([
      '-o',
      'BatchMode=yes',
      '-o',
      'ConnectTimeout=10',
      '-T',
      '--',
      'lightdock-test',
      'docker',
      'system',
      'dial-stdio',
    ]);
    expect(sshDialArgs({ user: 'root', host: '::1', port: 2222 }, '/tmp/t/ssh_config')).toEqual([
      '-F',
      '/tmp/t/ssh_config',
      '-l',
      'root',
      '-p',
      '2222',
      '-o',
      'BatchMode=yes',
      '-o',
      'ConnectTimeout=10',
      '-T',
      '--',
      '::1',
      'docker',
      'system',
      'dial-stdio',
    ]);
  });

  it('refuses a LIGHTDOCK_SSH_CONFIG that is not an absolute path', () => {
    expect(() => sshDialArgs({ user: null, host: 'box', port: null }, 'ssh_config')).toThrowError(expect.objectContaining({ code: 'VALIDATION', message: expect.stringContaining('LIGHTDOCK_SSH_CONFIG') }));
    expect(() => sshDialArgs({ user: null, host: 'box', port: null }, '-oProxyCommand=x')).toThrowError(expect.objectContaining({ code: 'VALIDATION' }));
  });

  it('shows the connection as a person would type it', () => {
    expect(sshCommandLine({ user: null, host: 'lightdock-test', port: null })).toBe('ssh lightdock-test');
    expect(sshCommandLine({ user: 'root', host: '127.0.0.1', port: 2222 })).toBe('ssh -p 2222 root@127.0.0.1');
  });
});
