import { describe, expect, it } from 'vitest';
import { DOCKER_HUB_SERVER, registryOf, splitReference } from '../../../../electron/services/images/image-reference';

describe('splitReference', () => {
  it.each([
    ['busybox', { repository: 'busybox', tag: null, digest: null }],
    ['busybox:1.36', { repository: 'busybox', tag: '1.36', digest: null }],
    ['127.0.0.1:5000/app', { repository: '127.0.0.1:5000/app', tag: null, digest: null }],
    ['127.0.0.1:5000/team/app:1', { repository: '127.0.0.1:5000/team/app', tag: '1', digest: null }],
    ['localhost:5000/app@sha256:abc', { repository: 'localhost:5000/app', tag: null, digest: 'sha256:abc' }],
    ['reg.example:443/app:v1@sha256:abc', { repository: 'reg.example:443/app', tag: 'v1', digest: 'sha256:abc' }],
  ])('%s', (reference, parts) => {
    expect(splitReference(reference)).toEqual(parts);
  });
});

describe('registryOf', () => {
  it.each([
    ['busybox', DOCKER_HUB_SERVER],
    ['library/busybox:1', DOCKER_HUB_SERVER],
    ['docker.io/library/busybox', DOCKER_HUB_SERVER],
    ['team/app:1', DOCKER_HUB_SERVER],
    ['127.0.0.1:5000/app:1', '127.0.0.1:5000'],
    ['localhost/app', 'localhost'],
    ['ghcr.io/owner/app', 'ghcr.io'],
  ])('%s is in %s', (reference, registry) => {
    expect(registryOf(reference)).toBe(registry);
  });
});
