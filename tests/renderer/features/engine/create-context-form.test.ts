import { describe, expect, it } from 'vitest';
import { checkCreateContextForm, contextRequestOf, EMPTY_CREATE_CONTEXT_FORM, isTcpHost } from '../../../../renderer/src/features/engine/create-context-form';

const form = (patch: Partial<typeof EMPTY_CREATE_CONTEXT_FORM>) => ({ ...EMPTY_CREATE_CONTEXT_FORM, ...patch });

describe('the create-context form', () => {
  it('makes the request docker context create takes: trimmed, no empty description, TLS only for tcp:// and only when set', () => {
    expect(contextRequestOf(form({ name: ' lab ', host: ' ssh://dev@lab:2222 ', description: '  ', ca: '/ca.pem' }))).toEqual({ name: 'lab', host: 'ssh://dev@lab:2222' });
    expect(contextRequestOf(form({ name: 'lab', host: 'tcp://lab:2375' }))).toEqual({ name: 'lab', host: 'tcp://lab:2375' });
    expect(contextRequestOf(form({ name: 'lab', host: 'TCP://lab:2376', skipVerify: true, description: ' VM ' }))).toEqual({
      name: 'lab',
      host: 'TCP://lab:2376',
      description: 'VM',
      tls: { ca: null, cert: null, key: null, skipVerify: true },
    });
    expect(isTcpHost('tcp://x:1')).toBe(true);
    expect(isTcpHost('ssh://x')).toBe(false);
  });

  it('accepts what the contract accepts, IPv6 literals included', () => {
    for (const host of ['ssh://build-box', 'ssh://dev@10.0.0.5:2222', 'tcp://127.0.0.1:2376', 'tcp://[::1]:2375']) {
      const check = checkCreateContextForm(form({ name: 'lab', host }), ['default']);
      expect(check.problems).toEqual({});
      expect(check.request?.host).toBe(host);
    }
  });

  it('gives each field its schema message, and the rules the schema cannot know', () => {
    const bad = checkCreateContextForm(form({ name: '_x', host: 'unix:///var/run/docker.sock' }), []);
    expect(bad.request).toBeUndefined();
    expect(bad.problems).toEqual({
      name: 'Not a Docker context name.',
      host: 'Not an ssh:// or tcp:// Docker endpoint (ssh://[user@]host[:port] or tcp://host:port).',
    });
    expect(checkCreateContextForm(form({ name: 'default', host: 'ssh://x' }), ['default']).problems).toEqual({ name: 'A context named "default" exists already.' });
    expect(checkCreateContextForm(form({ name: 'a', host: 'tcp://x:1', ca: 'ca.pem', cert: '/c.pem' }), []).problems).toEqual({
      ca: 'Not an absolute file path.',
      key: 'Give the key of the client certificate too.',
    });
    expect(checkCreateContextForm(form({ name: 'a', host: 'tcp://x:1', key: 'C:\\certs\\key.pem' }), []).problems).toEqual({ cert: 'Give the client certificate of this key too.' });
  });
});
