import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { eventually } from '../../../helpers/docker-engine';
import { useSimulatedTestServices } from '../../../helpers/compose-test-services';
import { rejection } from '../../../helpers/service-error';

const simulated = useSimulatedTestServices();

async function shopStates(): Promise<string[]> {
  return (await simulated.services.engine.list()).filter((container) => container.composeProject === 'shop').map((container) => `${container.name}:${container.state}`).sort();
}

describe('Compose on the simulated engine', () => {
  it('answers a modelled CLI and lists the seeded project', async () => {
    const { compose } = simulated.services;
    expect(await compose.cli()).toEqual({ available: true, command: ['lightdock-simulated-compose'], version: null, hint: null, simulated: true });
    expect(await compose.projects()).toEqual([
      expect.objectContaining({ name: 'shop', workingDir: '/home/dev/shop', configFiles: ['/home/dev/shop/compose.yaml'], services: ['api', 'db', 'web'], containers: 3, running: 3, actionable: true }),
    ]);
  });

  it('takes the project down (its containers gone) and brings it back up from its row', async () => {
    const { compose, jobs } = simulated.services;
    const down = await jobs.wait((await compose.act('shop', 'down')).id);
    expect(down.state).toBe('succeeded');
    expect(jobs.get(down.id).lines).toContain(' Container shop-web-1  Removed');
    expect(await shopStates()).toEqual([]);
    expect((await compose.projects()).find((project) => project.name === 'shop')).toMatchObject({ containers: 0, actionable: true });

    const up = await jobs.wait((await compose.act('shop', 'up')).id);
    expect(up.error).toBeUndefined();
    expect(await shopStates()).toEqual(['shop-api-1:running', 'shop-db-1:running', 'shop-web-1:running']);
    expect((await compose.projects()).find((project) => project.name === 'shop')).toMatchObject({ containers: 3, running: 3 });
  });

  it('restarts, prints a line per service on pull, and follows logs until cancelled', async () => {
    const { compose, jobs } = simulated.services;
    expect((await jobs.wait((await compose.act('shop', 'restart')).id)).state).toBe('succeeded');
    expect(await shopStates()).toEqual(['shop-api-1:running', 'shop-db-1:running', 'shop-web-1:running']);
    const pull = await jobs.wait((await compose.act('shop', 'pull')).id);
    expect(jobs.get(pull.id).lines.filter((line) => line.endsWith('Pulled'))).toEqual([' api Pulled', ' db Pulled', ' web Pulled']);
    const logs = await compose.act('shop', 'logs');
    await eventually(() => expect(jobs.get(logs.id).lines.some((line) => line.startsWith('shop-web-1  | '))).toBe(true));
    expect((await jobs.cancel(logs.id)).state).toBe('cancelled');
  });

  it('brings up a new project from a Compose file, named after its folder and labelled as Compose labels it', async () => {
    const { compose, jobs, engine } = simulated.services;
    const folder = path.join(simulated.dataDir, 'My-Blog');
    fs.mkdirSync(folder);
    const file = path.join(folder, 'compose.yaml');
    fs.writeFileSync(file, 'services:\n  web:\n    image: busybox:1.36\n    command: ["sh", "-c", "echo hi"]\n    ports: ["127.0.0.1:8089:80"]\n    environment:\n      MODE: blog\n');
    const ended = await jobs.wait((await compose.upFile(file)).id);
    expect(ended.error).toBeUndefined();
    const web = (await engine.list()).find((container) => container.name === 'my-blog-web-1');
    expect(web).toMatchObject({ state: 'running', composeProject: 'my-blog', composeService: 'web' });
    expect(web?.labels['com.docker.compose.project.config_files']).toBe(file);
    expect((await compose.projects()).find((project) => project.name === 'my-blog')).toMatchObject({ workingDir: folder, configFiles: [file], actionable: true });
  });

  it('refuses a malformed Compose file before creating anything', async () => {
    const { compose, engine } = simulated.services;
    const before = (await engine.list()).length;
    const folder = path.join(simulated.dataDir, 'broken');
    fs.mkdirSync(folder);
    const cases = ['services: [', 'services: {}\n', 'services:\n  web:\n    command: sh\n', 'services:\n  web:\n    image: busybox\n    ports: ["nope"]\n', 'name: x\n'];
    for (const [index, text] of cases.entries()) {
      const file = path.join(folder, `c${index}.yml`);
      fs.writeFileSync(file, text);
      expect((await rejection(compose.upFile(file))).code).toBe('VALIDATION');
    }
    expect((await engine.list()).length).toBe(before);
  });
});
