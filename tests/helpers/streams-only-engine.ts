import type { ContainerEngine } from '../../electron/services/docker/container-engine';

/** The stream methods a ContainerStreams test fakes; every other method of the port throws if called. */
export type EngineStreams = Pick<ContainerEngine, 'streamStats' | 'followLogs' | 'openExec'>;

/** A docker engine port made of the given stream methods, for tests of ContainerStreams. */
export function streamsOnlyEngine(streams: EngineStreams): ContainerEngine {
  const unused = (): never => {
    throw new Error('not used by ContainerStreams');
  };
  return {
    kind: 'docker',
    endpoint: 'fake://',
    context: null,
    ping: unused,
    listContainers: unused,
    inspectContainer: unused,
    act: unused,
    statsOnce: unused,
    listImages: unused,
    removeImage: unused,
    pruneImages: unused,
    listVolumes: unused,
    removeVolume: unused,
    pruneVolumes: unused,
    listNetworks: unused,
    events: unused,
    engineFacts: unused,
    createContainer: unused,
    inspectImage: unused,
    tagImage: unused,
    pullImage: unused,
    pushImage: unused,
    buildImage: unused,
    getArchive: unused,
    putArchive: unused,
    close: () => undefined,
    ...streams,
  };
}
