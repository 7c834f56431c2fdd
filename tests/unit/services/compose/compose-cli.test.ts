import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMPOSE_INSTALL_HINT, detectComposeCli } from '../../../../electron/services/compose/compose-cli';
import { RecordingLogger } from '../../../helpers/recording';
import { makeTempDir } from '../../../helpers/temp-dir';
import { fakePath, writeScript } from './fake-bin';

let temp: ReturnType<typeof makeTempDir>;
let bin: string;
let calls: string;

beforeEach(() => {
  temp = makeTempDir();
  bin = path.join(temp.dir, 'bin');
  fs.mkdirSync(bin);
  calls = path.join(temp.dir, 'calls.txt');
});
afterEach(() => temp.cleanup());

const env = (): NodeJS.ProcessEnv => ({ PATH: fakePath(bin) });
const recorded = (): string[] => (fs.existsSync(calls) ? fs.readFileSync(calls, 'utf8').trim().split('\n') : []);

describe('detectComposeCli', () => {
  it('prefers `docker compose` (the v2 plugin) and reads its short version', async () => {
    writeScript(bin, 'docker', `echo "docker $*" >> '${calls}'; [ "$1" = compose ] && [ "$2" = version ] && [ "$3" = --short ] && echo 2.29.7 && exit 0; exit 1`);
    writeScript(bin, 'docker-compose', `echo "docker-compose $*" >> '${calls}'; echo 1.29.2`);
    const logger = new RecordingLogger();
    expect(await detectComposeCli(env(), logger)).toEqual({ available: true, command: ['docker', 'compose'], version: '2.29.7', hint: null, simulated: false });
    expect(recorded()).toEqual(['docker compose version --short']);
    expect(logger.lines.some((line) => line.message.includes('detecting'))).toBe(true);
  });

  it('falls back to docker-compose when docker has no compose plugin', async () => {
    writeScript(bin, 'docker', `echo "docker $*" >> '${calls}'; echo "docker: 'compose' is not a docker command." >&2; exit 1`);
    writeScript(bin, 'docker-compose', `echo "docker-compose $*" >> '${calls}'; echo 1.29.2`);
    expect(await detectComposeCli(env(), new RecordingLogger())).toMatchObject({ available: true, command: ['docker-compose'], version: '1.29.2' });
    expect(recorded()).toEqual(['docker compose version --short', 'docker-compose version --short']);
  });

  it('takes a CLI whose version output is not a version, without the version', async () => {
    writeScript(bin, 'docker-compose', `printf '\\033[31mweird\\n'`);
    expect(await detectComposeCli(env(), new RecordingLogger())).toMatchObject({ available: true, command: ['docker-compose'], version: null });
  });

  it('says how to install Compose when neither answers', async () => {
    writeScript(bin, 'docker', 'exit 125');
    expect(await detectComposeCli(env(), new RecordingLogger())).toEqual({ available: false, command: [], version: null, hint: COMPOSE_INSTALL_HINT, simulated: false });
    expect(COMPOSE_INSTALL_HINT).toContain('sudo apt install docker-compose-plugin');
    expect(COMPOSE_INSTALL_HINT).toContain('Docker Desktop includes it');
  });

  it('gives up on a CLI that hangs after 5 s and tries the next', async () => {
    writeScript(bin, 'docker', 'exec sleep 30');
    writeScript(bin, 'docker-compose', 'echo 1.29.2');
    const started = Date.now();
    expect(await detectComposeCli(env(), new RecordingLogger())).toMatchObject({ available: true, command: ['docker-compose'] });
    expect(Date.now() - started).toBeLessThan(15_000);
  }, 20_000);
});
