import type { InvokeChannel, InvokeRequest, InvokeResponse } from '../../../shared/ipc/contract';
import { containerRow } from '../../../shared/model/container';
import type { ClientContext } from '../../services/ports';
import { ServiceError } from '../../services/errors';
import type { Services } from './compose-services';

/** One handler per contract channel; a missing channel is a compile error. */
export type InvokeHandlers = {
  [C in InvokeChannel]: (request: InvokeRequest<C>, client: ClientContext) => Promise<InvokeResponse<C>>;
};

/** Maps every channel of the contract to the service call that answers it. */
export function createInvokeHandlers(services: Services): InvokeHandlers {
  const { wsl, hostInfo, engine, streams, setup, notifications, generalSettings, memory, memoryHistory, network, files } = services;
  const { jobs, run, imageActions, compose, containerFiles } = services;
  return {
    'app:info': async () => hostInfo,
    'app:status': () => wsl.status(hostInfo),
    'app:visibility': async ({ visible }, client) => {
      streams.setVisibility(client.id, visible);
      memoryHistory.setVisibility(client.id, visible);
      wsl.setVisibility(client.id, visible);
      return { visible };
    },
    'distros:list': () => wsl.list(),
    'distros:show': ({ name }) => wsl.show(name),
    'distros:start': ({ name }) => wsl.start(name),
    'distros:terminate': ({ name }) => wsl.terminate(name),
    'distros:set-default': ({ name }) => wsl.setDefault(name),
    'distros:list-online': () => wsl.listOnline(),
    'distros:install': ({ name }) => wsl.install(name),
    'distros:export': ({ name, filePath, format }) => wsl.exportDistro(name, filePath, format),
    'distros:import': (request) => wsl.importDistro(request),
    'distros:unregister': ({ name, confirm }) => wsl.unregister(name, confirm),
    'distros:compact': ({ name }) => wsl.compact(name),
    'distros:set-sparse': ({ name, sparse }) => wsl.setSparse(name, sparse),
    'distros:set-version': ({ name, version }) => wsl.setVersion(name, version),
    'wsl:shutdown': () => wsl.shutdown(),
    'vm:info': ({ live }) => wsl.vm(live ?? true),
    'vm:watch': async (_request, client) => wsl.watchVm(client.id),
    'vm:unwatch': async ({ subscriptionId }, client) => {
      wsl.unwatchVm(client.id, subscriptionId);
      return {};
    },
    'operations:cancel': async ({ id }) => ({ cancelled: wsl.cancelOperation(id) }),
    'vm:restart': () => wsl.restartVm(),
    'wslconfig:get': () => wsl.wslConfig(),
    'wslconfig:set': ({ key, value }) => wsl.setWslConfig(key, value),
    'engine:status': () => engine.status(),
    'engine:contexts': () => engine.contexts(),
    'engine:use-context': ({ name }) => engine.useContext(name),
    'engine:probe-context': ({ name }) => engine.probeContext(name),
    'engine:create-context': (request) => engine.createContext(request),
    'engine:remove-context': ({ name }) => engine.removeContext(name),
    'engine:lifecycle': () => engine.lifecycle(),
    'engine:start': () => engine.startEngine(),
    'engine:stop': () => engine.stopEngine(),
    'containers:list': async () => (await engine.list()).map(containerRow),
    'containers:inspect': ({ id }) => engine.inspect(id),
    'containers:act': ({ ids, action, force, removeVolumes }) => engine.act(ids, action, { force, removeVolumes }),
    'containers:stats': ({ ids }) => engine.stats(ids),
    'images:list': () => engine.images(),
    'images:remove': ({ id, force }) => engine.removeImage(id, force ?? false),
    'images:prune': () => engine.pruneImages(),
    'volumes:list': () => engine.volumes(),
    'volumes:remove': ({ name, force }) => engine.removeVolume(name, force ?? false),
    'volumes:prune': () => engine.pruneVolumes(),
    'networks:list': () => engine.networks(),
    'logs:follow': ({ id, tail, timestamps }, client) => streams.followLogs(client.id, id, { tail, timestamps }),
    'logs:stop': async ({ subscriptionId }, client) => {
      streams.stop(client.id, subscriptionId);
      return {};
    },
    'stats:watch': ({ ids }, client) => streams.watchStats(client.id, ids),
    'stats:stop': async ({ subscriptionId }, client) => {
      streams.stop(client.id, subscriptionId);
      return {};
    },
    'exec:open': ({ id, cols, rows, command }, client) => streams.openExec(client.id, id, { cols, rows, command }),
    'exec:input': async ({ sessionId, data }, client) => {
      streams.input(client.id, sessionId, data);
      return {};
    },
    'exec:resize': async ({ sessionId, cols, rows }, client) => {
      await streams.resize(client.id, sessionId, cols, rows);
      return {};
    },
    'exec:close': async ({ sessionId }, client) => {
      streams.stop(client.id, sessionId);
      return {};
    },
    'setup:checks': ({ acknowledge }) => setup.report({ acknowledge: acknowledge ?? false }),
    'setup:fix': (request) => setup.fix(request),
    'setup:cancel': async ({ fix }) => setup.cancel(fix),
    'setup:reboot': (request) => setup.reboot(request),
    'notifications:list': async () => notifications.list(),
    'notifications:mark-read': async ({ ids }) => notifications.markRead(ids),
    'notifications:clear': async () => notifications.clear(),
    'settings:general': async () => generalSettings.get(),
    'settings:set-general': async (patch) => generalSettings.update(patch),
    'memory:report': () => memory.report(),
    'memory:history': ({ resolution }) => memoryHistory.history(resolution),
    'memory:watch': (_request, client) => memoryHistory.watch(client.id),
    'memory:unwatch': async ({ subscriptionId }, client) => {
      memoryHistory.unwatch(client.id, subscriptionId);
      return {};
    },
    'memory:reclaim': () => memory.reclaim(),
    'memory:stop-containers': ({ ids }) => memory.stopContainers(ids),
    'network:map': ({ checkPorts }) => network.map({ checkPorts: checkPorts ?? false }),
    'network:check-port': (request) => network.checkPort(request),
    'files:report': ({ distro, container }) => files.report({ distro, container }),
    'files:measure': ({ name }) => files.measure(name),
    'containers:plan': ({ spec }) => run.plan(spec),
    'containers:run': ({ spec }) => run.run(spec),
    'images:inspect': ({ id }) => imageActions.inspect(id),
    'images:tag': ({ source, target }) => imageActions.tag(source, target),
    'images:pull': async ({ reference }) => imageActions.pull(reference),
    'images:push': async ({ reference }) => imageActions.push(reference),
    'images:build': async (request) => imageActions.build(request),
    'jobs:list': async () => jobs.list(),
    'jobs:get': async ({ jobId }) => jobs.get(jobId),
    'jobs:cancel': ({ jobId }) => jobs.cancel(jobId),
    'compose:cli': () => compose.cli(),
    'compose:projects': () => compose.projects(),
    'compose:act': ({ project, action }) => compose.act(project, action),
    'compose:up-file': ({ file }) => compose.upFile(file),
    'container-files:list': ({ id, path, offset }) => containerFiles.list(id, path, offset ?? 0),
    'container-files:read': ({ id, path }) => containerFiles.read(id, path),
    'container-files:download': ({ id, path, filePath }) => containerFiles.download(id, path, filePath),
    'container-files:upload': ({ id, folder, filePath }) => containerFiles.upload(id, folder, filePath),
    'dialog:pick-path': async (request) => {
      if (services.pickPath === null) throw new ServiceError('UNAVAILABLE', 'This host has no file picker; type the path instead.');
      return { path: await services.pickPath(request) };
    },
  };
}
