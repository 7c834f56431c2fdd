import { describeEngineContract, type TestContainerSpec } from '../../contract/engine-contract';
import { DockerodeEngine } from '../../../electron/services/docker/dockerode/dockerode-engine';
import { silentLogger } from '../../../electron/services/ports';
import { docker, TEST_IMAGE, testDockerHost } from '../../helpers/docker-engine';

/** The docker CLI arguments that create the container a contract test asks for. */
function runArgs(spec: TestContainerSpec): string[] {
  const args = [spec.start === false ? 'create' : 'run', ...(spec.start === false ? [] : ['-d']), '--name', spec.name];
  for (const [key, value] of Object.entries(spec.labels)) args.push('--label', `${key}=${value}`);
  if (spec.memory !== undefined) args.push('--memory', String(spec.memory));
  if (spec.nanoCpus !== undefined) args.push('--cpus', String(spec.nanoCpus / 1e9));
  if (spec.pidsLimit !== undefined) args.push('--pids-limit', String(spec.pidsLimit));
  if (spec.pidHost) args.push('--pid', 'host');
  if (spec.networkNone) args.push('--network', 'none');
  if (spec.shareNetWith !== undefined) args.push('--network', `container:${spec.shareNetWith}`);
  if (spec.publish !== undefined) args.push('-p', `127.0.0.1:${spec.publish.hostPort ?? ''}:${spec.publish.containerPort}/tcp`);
  if (spec.tty) args.push('--tty');
  const printed = (spec.logLines ?? []).map((line) => `printf '%s\\n' '${line.replace(/'/g, `'\\''`)}'; `).join('');
  const loop = spec.ticking === true ? 'n=0; while :; do n=$((n+1)); echo "tick-$n"; sleep 0.2; done' : 'while :; do sleep 0.2; done';
  args.push(TEST_IMAGE, 'sh', '-c', `trap "exit 0" TERM; ${printed}${loop}`);
  return args;
}

describeEngineContract('dockerode on a real dockerd', async () => {
  const engine = new DockerodeEngine({
    endpoint: { host: testDockerHost(), context: null, source: 'DOCKER_HOST', tls: null },
    env: {},
    platform: process.platform,
    logger: silentLogger,
  });
  /** Names asked for, recorded before `docker run` so a half-created container is removed too. */
  const created: string[] = [];
  return {
    engine,
    createContainer: async (spec) => {
      created.push(spec.name);
      return (await docker(...runArgs(spec))).trim();
    },
    cleanup: async () => {
      engine.close();
      const leftovers = (await docker('ps', '-aq', '--filter', 'label=lightdock.test=contract')).split('\n').filter((s) => s !== '');
      const ours = await Promise.all(leftovers.map(async (id) => ({ id, name: (await docker('inspect', '-f', '{{.Name}}', id)).trim().replace(/^\//, '') })));
      const mine = ours.filter((c) => created.includes(c.name)).map((c) => c.id);
      if (mine.length > 0) await docker('rm', '-f', ...mine);
    },
  };
});
