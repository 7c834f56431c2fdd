import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { containerMoveAdvice, distroMoveAdvice, shellQuote, wsl1Advice } from '../../../../electron/services/files/move-advice';
import { makeTempDir } from '../../../helpers/temp-dir';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.cleanup());

/** What a POSIX shell makes of one word: printed back by printf. */
function shellReads(word: string): string {
  return execFileSync('/bin/sh', ['-c', `printf '%s' ${word}`], { encoding: 'utf8', timeout: 5_000 });
}

describe('shellQuote', () => {
  it.each(["it's", 'a b', '$(touch /tmp/x)', '`id`', 'semi;colon', 'new\nline', "''", 'plain/path-1.0', '*', '~/x'])('a shell reads %j back unchanged', (word) => {
    expect(shellReads(shellQuote(word))).toBe(word);
  });

  it('leaves plain paths bare and single-quotes the rest', () => {
    expect(shellQuote('/home/alex/src/web')).toBe('/home/alex/src/web');
    expect(shellQuote("/mnt/c/Users/o'neil")).toBe("'/mnt/c/Users/o'\\''neil'");
  });
});

describe('distroMoveAdvice', () => {
  it('gives mkdir, cp -a and cd with the distro home', () => {
    const advice = distroMoveAdvice({ path: '/mnt/c/Users/alex/src/web', drive: 'C', distro: 'Ubuntu', home: '/home/alex', processes: ['node', 'npm'] });
    expect(advice.commands).toEqual(['mkdir -p /home/alex/src', 'cp -a /mnt/c/Users/alex/src/web /home/alex/src/web', 'cd /home/alex/src/web']);
    expect(advice.target).toBe('/home/alex/src/web');
    expect(advice.text).toMatch(/node, npm work in \/mnt\/c\/Users\/alex\/src\/web on drive C:/);
    expect(advice.text).toMatch(/Ubuntu's own disk/);
  });

  it('copies a project whose names hold quotes and spaces when its commands are run', () => {
    const home = path.join(temp.dir, "alex's home");
    const project = path.join(temp.dir, 'mnt', 'c', "it's a $(web) app");
    fs.mkdirSync(path.join(project, 'src'), { recursive: true });
    fs.writeFileSync(path.join(project, 'src', 'index.js'), 'console.log(1)\n');
    fs.mkdirSync(home);
    const advice = distroMoveAdvice({ path: project, drive: 'C', distro: 'Ubuntu', home, processes: ['node'] });
    const out = execFileSync('/bin/sh', ['-c', `${advice.commands.join(' && ')} && pwd`], { encoding: 'utf8', timeout: 5_000 });
    const target = path.join(home, 'src', "it's a $(web) app");
    expect(out.trim()).toBe(target);
    expect(advice.target).toBe(target);
    expect(fs.readFileSync(path.join(target, 'src', 'index.js'), 'utf8')).toBe('console.log(1)\n');
  });

  it('uses ~ when the home is unknown, with only the part after it quoted', () => {
    const advice = distroMoveAdvice({ path: '/mnt/d/my web', drive: 'D', distro: 'Debian', home: null, processes: [] });
    expect(advice.commands).toEqual(['mkdir -p ~/src', "cp -a '/mnt/d/my web' ~/'src/my web'", "cd ~/'src/my web'"]);
    expect(advice.text).toMatch(/^A process works in/);
  });

  it('never copies a whole drive', () => {
    const advice = distroMoveAdvice({ path: '/mnt/c', drive: 'C', distro: 'Ubuntu', home: '/home/alex', processes: ['bash'] });
    expect(advice.commands).toEqual(['mkdir -p /home/alex/src', 'cd /home/alex/src']);
    expect(advice.text).toMatch(/not the whole drive/);
  });
});

describe('containerMoveAdvice', () => {
  const input = { destination: '/app', readOnly: false, container: 'web', image: 'node:22', home: '/home/alex', compose: null };

  it('copies from where the distro sees the drive and re-runs with the bind from the distro path', () => {
    const advice = containerMoveAdvice({ ...input, source: '/run/desktop/mnt/host/c/Users/alex/web' });
    expect(advice?.commands).toEqual([
      'mkdir -p /home/alex/src',
      'cp -a /mnt/c/Users/alex/web /home/alex/src/web',
      'docker stop web',
      'docker run -v /home/alex/src/web:/app … node:22',
    ]);
    expect(advice?.path).toBe('/app');
    expect(advice?.text).toMatch(/mounts C:\\Users\\alex\\web at \/app/);
    expect(advice?.text).toMatch(/named volume instead \(docker run -v web-data:\/app …\)/);
  });

  it('keeps a read-only bind read-only and reads a Windows path source', () => {
    const advice = containerMoveAdvice({ ...input, readOnly: true, source: 'D:\\work\\site' });
    expect(advice?.commands).toContain('cp -a /mnt/d/work/site /home/alex/src/site');
    expect(advice?.commands.at(-1)).toBe('docker run -v /home/alex/src/site:/app:ro … node:22');
  });

  it('re-creates a Compose service from its project folder', () => {
    const advice = containerMoveAdvice({ ...input, source: '/mnt/c/shop/api', compose: { service: 'api', workingDir: '/home/alex/shop dir' } });
    expect(advice?.commands.slice(-2)).toEqual(["cd '/home/alex/shop dir'", 'docker compose up -d --force-recreate api']);
    expect(advice?.text).toMatch(/Compose file at \/home\/alex\/src\/api/);
  });

  it('has nothing to say about a Linux bind', () => {
    expect(containerMoveAdvice({ ...input, source: '/home/alex/web' })).toBeNull();
  });
});

describe('wsl1Advice', () => {
  it('says everything is on NTFS and how to convert', () => {
    const advice = wsl1Advice('Ubuntu-18.04');
    expect(advice.text).toMatch(/WSL1 distro: its own files \(lxfs\) and the Windows drives \(DrvFs\) are all on NTFS/);
    expect(advice.commands).toEqual(['wsl.exe --set-version Ubuntu-18.04 2']);
  });
});
