import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ContainerSummary } from '../../../../shared/model/container';
import { MAX_CONFIG_FILES, parseConfigFiles, parseWorkingDir, projectFacts } from '../../../../electron/services/compose/compose-labels';

function container(name: string, labels: Record<string, string>, state: ContainerSummary['state'] = 'running'): ContainerSummary {
  return {
    id: Buffer.from(name).toString('hex').padEnd(64, '0').slice(0, 64),
    name,
    image: 'busybox',
    imageId: 'sha256:1',
    command: 'sh',
    state,
    status: state,
    created: 1,
    ports: [],
    composeProject: labels['com.docker.compose.project'] ?? null,
    composeService: labels['com.docker.compose.service'] ?? null,
    labels,
    networks: [],
    mounts: [],
  };
}

const labelsOf = (project: string, service: string, extra: Record<string, string> = {}): Record<string, string> => ({
  'com.docker.compose.project': project,
  'com.docker.compose.service': service,
  'com.docker.compose.project.working_dir': '/home/dev/shop',
  'com.docker.compose.project.config_files': '/home/dev/shop/compose.yaml',
  ...extra,
});

describe('Compose labels', () => {
  it('groups containers by project with working dir, config files, sorted services and counts', () => {
    const facts = projectFacts(
      [
        container('shop-web-1', labelsOf('shop', 'web')),
        container('other', {}),
        container('shop-db-1', labelsOf('shop', 'db'), 'exited'),
        container('blog-web-1', labelsOf('blog', 'web', { 'com.docker.compose.project.working_dir': '/srv/blog', 'com.docker.compose.project.config_files': '/srv/blog/compose.yml' })),
      ],
      'linux',
    );
    expect(facts).toEqual([
      { name: 'blog', validName: true, workingDir: '/srv/blog', configFiles: ['/srv/blog/compose.yml'], services: ['web'], containers: 1, running: 1, problem: null },
      { name: 'shop', validName: true, workingDir: '/home/dev/shop', configFiles: ['/home/dev/shop/compose.yaml'], services: ['db', 'web'], containers: 2, running: 1, problem: null },
    ]);
  });

  it('resolves config files docker-compose v1 wrote relative to the working directory, and keeps absolute ones', () => {
    expect(parseConfigFiles('docker-compose.yml,docker-compose.override.yml', '/srv/app', 'linux')).toEqual(['/srv/app/docker-compose.yml', '/srv/app/docker-compose.override.yml']);
    expect(parseConfigFiles('/srv/app/a.yml, ../b.yml,,', '/srv/app', 'linux')).toEqual(['/srv/app/a.yml', '/srv/b.yml']);
    expect(parseConfigFiles('a.yml', null, 'linux')).toEqual([]);
    expect(parseConfigFiles('compose.yaml', 'C:\\Users\\me\\shop', 'win32')).toEqual(['C:\\Users\\me\\shop\\compose.yaml']);
  });

  it('drops hostile paths: relative or NUL-holding working dirs, line breaks, too many files', () => {
    expect(parseWorkingDir('relative/dir', 'linux')).toBeNull();
    expect(parseWorkingDir('/srv/a\0b', 'linux')).toBeNull();
    expect(parseWorkingDir('/srv/a\nb', 'linux')).toBeNull();
    expect(parseWorkingDir(`/${'a'.repeat(5000)}`, 'linux')).toBeNull();
    expect(parseWorkingDir('/srv/./app/../app', 'linux')).toBe('/srv/app');
    expect(parseConfigFiles('/a.yml,/b\0.yml,/c\n.yml', '/srv', 'linux')).toEqual(['/a.yml']);
    expect(parseConfigFiles(Array.from({ length: MAX_CONFIG_FILES + 1 }, (_, i) => `/f${i}.yml`).join(','), '/srv', 'linux')).toBeNull();
  });

  it('marks a project that cannot be acted on with the reason, and never passes on a name Compose would refuse', () => {
    const facts = projectFacts(
      [
        container('a', { 'com.docker.compose.project': 'Bad Name;rm', 'com.docker.compose.project.working_dir': '/x', 'com.docker.compose.project.config_files': '/x/c.yml' }),
        container('b', { 'com.docker.compose.project': 'nodir', 'com.docker.compose.project.config_files': '/x/c.yml' }),
        container('c', { 'com.docker.compose.project': 'relative', 'com.docker.compose.project.working_dir': 'x', 'com.docker.compose.project.config_files': '/x/c.yml' }),
        container('d1', labelsOf('split', 'a')),
        container('d2', labelsOf('split', 'b', { 'com.docker.compose.project.working_dir': '/elsewhere' })),
        container('e', { 'com.docker.compose.project': 'nofiles', 'com.docker.compose.project.working_dir': '/x' }),
        container('f', labelsOf('svc', 'bad\u0007service')),
      ],
      'linux',
    );
    const byName = new Map(facts.map((fact) => [fact.name, fact]));
    expect(byName.get('Bad Name;rm')).toMatchObject({ validName: false, problem: expect.stringContaining('not a Compose project name') });
    expect(byName.get('nodir')?.problem).toContain('no working_dir label');
    expect(byName.get('relative')?.problem).toContain('not an absolute path');
    expect(byName.get('split')?.problem).toContain('different working directories');
    expect(byName.get('nofiles')?.problem).toContain('no config_files label');
    expect(byName.get('svc')).toMatchObject({ services: [], problem: null });
  });

  it('never throws and keeps every path absolute whatever the labels hold', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.string({ maxLength: 200 }), fc.string({ maxLength: 400 }), fc.string({ maxLength: 40 }), (project, dir, files, service) => {
        const facts = projectFacts(
          [container('x', { 'com.docker.compose.project': project, 'com.docker.compose.project.working_dir': dir, 'com.docker.compose.project.config_files': files, 'com.docker.compose.service': service })],
          'linux',
        );
        for (const fact of facts) {
          if (fact.workingDir !== null) expect(fact.workingDir.startsWith('/')).toBe(true);
          for (const file of fact.configFiles) expect(file.startsWith('/') && !file.includes('\0')).toBe(true);
          if (!fact.validName) expect(fact.problem).not.toBeNull();
        }
      }),
    );
  });
});
