import { describe, expect, it } from 'vitest';
import {
  byConcern,
  crossingCount,
  crossingLabel,
  crossingPhrase,
  formatMBps,
  kindLabel,
  knowsAnything,
  locationLabel,
  slowdownText,
} from '../../../../renderer/src/features/files/files-words';
import { fakeFilesSubjects } from '../../fake-files';

describe('files words', () => {
  it('names the drive an entry crosses to, or says a Windows drive when the letter is unknown', () => {
    expect(crossingLabel({ drive: 'C' })).toBe('Windows drive C: — crosses the 9p boundary');
    expect(crossingLabel({ drive: null })).toBe('Windows drive — crosses the 9p boundary');
  });

  it('says where files stay for every location and what every kind is', () => {
    expect(locationLabel({ location: 'windows-drive', drive: 'D' })).toBe('Windows drive D:');
    expect(locationLabel({ location: 'linux', drive: null })).toBe('Linux filesystem (ext4)');
    expect(locationLabel({ location: 'volume', drive: null })).toBe('Docker volume');
    expect(locationLabel({ location: 'tmpfs', drive: null })).toBe('tmpfs (memory)');
    expect(locationLabel({ location: 'unknown', drive: null })).toBe('Unknown');
    expect(['working-directory', 'bind-mount', 'volume', 'tmpfs'].map((kind) => kindLabel(kind as never))).toEqual([
      'Working directory',
      'Bind mount',
      'Volume',
      'tmpfs',
    ]);
  });

  it('counts the entries that cross the boundary and phrases the count', () => {
    expect(crossingCount(fakeFilesSubjects())).toBe(3);
    expect(crossingCount([])).toBe(0);
    expect(crossingPhrase(1)).toBe('1 directory on a Windows drive');
    expect(crossingPhrase(0)).toBe('0 directories on Windows drives');
    expect(crossingPhrase(3)).toBe('3 directories on Windows drives');
  });

  it('formats throughput and slowdown with few digits', () => {
    expect(formatMBps(0.854)).toBe('0.85 MB/s');
    expect(formatMBps(42.54)).toBe('42.5 MB/s');
    expect(formatMBps(1850.4)).toBe('1,850 MB/s');
    expect(slowdownText(84.3)).toBe('84× slower');
    expect(slowdownText(2.54)).toBe('2.5× slower');
    expect(slowdownText(1.01)).toBe('about as fast');
  });

  it('knows something only when a subject runs or lists a directory', () => {
    const subjects = fakeFilesSubjects();
    expect(knowsAnything(subjects)).toBe(true);
    expect(knowsAnything(subjects.filter((subject) => subject.id === 'docker-desktop'))).toBe(false);
    expect(knowsAnything([])).toBe(false);
  });

  it('puts the subjects with the most on Windows drives first, then the running ones, keeping the report order within each', () => {
    expect(byConcern(fakeFilesSubjects()).map((subject) => subject.name)).toEqual([
      'Ubuntu-24.04',
      'shop-web-1',
      'shop-api-1',
      'Debian',
      'shop-db-1',
      'monitor',
      'sidecar',
      'docker-desktop',
      'redis',
    ]);
  });
});
