import { describe, expect, it } from 'vitest';
import { buildFormProblems, buildRequestOf, type BuildForm } from '../../../../renderer/src/features/images/build-form';
import { layerCommand, pushHint, referenceProblem, registryHost } from '../../../../renderer/src/features/images/image-words';

describe('registryHost', () => {
  it('finds the host the way docker/distribution does', () => {
    expect(registryHost('127.0.0.1:5000/team/app:1')).toBe('127.0.0.1:5000');
    expect(registryHost('localhost/app')).toBe('localhost');
    expect(registryHost('ghcr.io/owner/app@sha256:abc')).toBe('ghcr.io');
    expect(registryHost('registry:5000/app')).toBe('registry:5000');
    expect(registryHost('team/app:1')).toBeNull();
    expect(registryHost('busybox:1.36')).toBeNull();
  });

  it('words the Push tooltip by where the tag goes', () => {
    expect(pushHint('127.0.0.1:5000/x:1')).toBe('Push to 127.0.0.1:5000');
    expect(pushHint('team/x:1')).toMatch(/Docker Hub: run docker login first/);
    expect(pushHint(undefined)).toMatch(/Tag it first/);
  });
});

describe('referenceProblem', () => {
  it('accepts references and says what is wrong with others', () => {
    expect(referenceProblem('busybox')).toBeUndefined();
    expect(referenceProblem(' 127.0.0.1:5000/team/app:V1 ')).toBeUndefined();
    expect(referenceProblem('127.0.0.1:5000/Team/app')).toMatch(/lowercase/);
    expect(referenceProblem('app:')).toMatch(/^Not an image reference/);
    expect(referenceProblem('  ')).toMatch(/^Enter an image reference/);
  });
});

describe('layerCommand', () => {
  it('drops the #(nop) prefix of metadata steps and shows shell steps as RUN', () => {
    expect(layerCommand('/bin/sh -c #(nop)  CMD ["sh"]')).toBe('CMD ["sh"]');
    expect(layerCommand('/bin/sh -c apk add curl')).toBe('RUN apk add curl');
    expect(layerCommand('RUN /bin/sh -c echo hi # buildkit')).toBe('RUN /bin/sh -c echo hi # buildkit');
    expect(layerCommand('')).toBe('');
  });
});

describe('build form', () => {
  const form: BuildForm = { contextPath: 'C:\\work\\app', dockerfile: ' ', tag: '', buildArgs: [{ key: 1, name: ' V ', value: ' x ' }], noCache: false, pull: false };

  it('turns a good form into the contract request (blank Dockerfile is "Dockerfile", no tag is null)', () => {
    expect(buildFormProblems(form)).toEqual({});
    expect(buildRequestOf(form)).toEqual({ contextPath: 'C:\\work\\app', dockerfile: 'Dockerfile', tag: null, buildArgs: [{ name: 'V', value: ' x ' }], noCache: false, pull: false });
  });

  it('refuses an unnamed argument row and a NUL in the path', () => {
    const problems = buildFormProblems({ ...form, contextPath: '/a\0b', buildArgs: [{ key: 1, name: '', value: 'x' }] });
    expect(problems.contextPath).toBe('A path cannot hold NUL.');
    expect(problems.buildArgs).toEqual(['Name this argument, or remove the row.']);
    expect(buildRequestOf({ ...form, buildArgs: [{ key: 1, name: '', value: 'x' }] })).toBeUndefined();
  });
});
