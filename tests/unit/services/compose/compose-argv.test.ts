import { describe, expect, it } from 'vitest';
import { composeArgv } from '../../../../electron/services/compose/compose-argv';
import { rejectionSync } from './sync-rejection';

describe('composeArgv', () => {
  it('builds prefix, -p, one -f per file, then the action’s arguments', () => {
    const files = ['/srv/shop/compose.yaml', '/srv/shop/compose.override.yaml'];
    expect(composeArgv({ command: ['docker', 'compose'], project: 'shop', files, action: 'up' })).toEqual([
      'docker', 'compose', '-p', 'shop', '-f', files[0], '-f', files[1], 'up', '-d',
    ]);
    expect(composeArgv({ command: ['docker-compose'], project: 'shop', files: files.slice(0, 1), action: 'down' })).toEqual(['docker-compose', '-p', 'shop', '-f', files[0], 'down']);
    expect(composeArgv({ command: ['docker-compose'], project: 'shop', files: files.slice(0, 1), action: 'restart' }).slice(-1)).toEqual(['restart']);
    expect(composeArgv({ command: ['docker-compose'], project: 'shop', files: files.slice(0, 1), action: 'pull' }).slice(-1)).toEqual(['pull']);
    expect(composeArgv({ command: ['docker-compose'], project: 'shop', files: files.slice(0, 1), action: 'logs' }).slice(-5)).toEqual(['logs', '-f', '--no-color', '--tail', '200']);
    expect(composeArgv({ command: ['docker', 'compose'], project: null, files: ['C:\\shop\\compose.yaml'], action: 'up' })).toEqual(['docker', 'compose', '-f', 'C:\\shop\\compose.yaml', 'up', '-d']);
  });

  it('refuses a project name Compose would not accept, a relative or NUL file, no files and no CLI', () => {
    const base = { command: ['docker', 'compose'], files: ['/srv/c.yml'], action: 'up' as const };
    for (const project of ['Shop', '-shop', 'shop;rm -rf', 'shop name', '', 'a'.repeat(129)]) {
      expect(rejectionSync(() => composeArgv({ ...base, project })).code).toBe('VALIDATION');
    }
    expect(rejectionSync(() => composeArgv({ ...base, project: 'shop', files: ['compose.yaml'] })).code).toBe('VALIDATION');
    expect(rejectionSync(() => composeArgv({ ...base, project: 'shop', files: ['/srv/c\0.yml'] })).code).toBe('VALIDATION');
    expect(rejectionSync(() => composeArgv({ ...base, project: 'shop', files: [] })).code).toBe('VALIDATION');
    expect(rejectionSync(() => composeArgv({ ...base, project: 'shop', command: [] })).code).toBe('UNAVAILABLE');
  });
});
