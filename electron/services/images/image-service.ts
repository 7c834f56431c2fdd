import path from 'node:path';
import type { BuildRequest, ImageDetail } from '../../../shared/model/image-detail';
import type { JobSummary } from '../../../shared/model/job';
import type { ActionDeps } from '../action-deps';
import type { RegistryAuth } from '../docker/container-engine';
import { imageSegment } from '../docker/dockerode/engine-paths';
import { checkBuildContext, dockerfileBaseImages, packBuildContext, readSmallFile } from './build-context';
import { registryOf } from './image-reference';
import { registryAuth, type RegistryAuthSource } from './registry-auth';

/**
 * Image detail and tag, and pull, push and build as jobs (`jobs:progressed` carries their layers and log).
 * Registry credentials come from the docker CLI's config.json and credential helpers, read for each job and never
 * kept; a build's folder and Dockerfile are checked before its job starts, so a bad request starts nothing.
 */
export class ImageService {
  constructor(private readonly deps: ActionDeps) {}

  private get authSource(): RegistryAuthSource {
    return { env: this.deps.env, homeDir: this.deps.homeDir, logger: this.deps.logger };
  }

  /** An image in full: config, layers (history) and the containers made from it. */
  async inspect(id: string): Promise<ImageDetail> {
    return (await this.deps.engine.current()).inspectImage(id);
  }

  /** `docker tag source target`; answers the target. */
  async tag(source: string, target: string): Promise<{ target: string }> {
    await (await this.deps.engine.current()).tagImage(source, target);
    return { target };
  }

  /** Starts a pull job (title "Pull <ref>"); its result is the pulled image's id. */
  pull(reference: string): JobSummary {
    imageSegment(reference);
    return this.deps.jobs.start({ kind: 'pull', target: reference, title: `Pull ${reference}` }, async (reporter, signal) => {
      const engine = await this.deps.engine.current();
      const auth = await registryAuth(this.authSource, registryOf(reference));
      await engine.pullImage(reference, auth, (message) => reporter.message(message), signal);
      const pulled = await engine.inspectImage(reference);
      reporter.result(pulled.id);
      reporter.status(`Pulled ${reference}.`);
    });
  }

  /** Starts a push job (title "Push <ref>"); its result is the pushed manifest's digest. */
  push(reference: string): JobSummary {
    imageSegment(reference);
    return this.deps.jobs.start({ kind: 'push', target: reference, title: `Push ${reference}` }, async (reporter, signal) => {
      const engine = await this.deps.engine.current();
      const auth = await registryAuth(this.authSource, registryOf(reference));
      await engine.pushImage(reference, auth, (message) => reporter.message(message), signal);
      reporter.status(`Pushed ${reference}.`);
    });
  }

  /** Starts a build job (title "Build <tag or folder>") once the folder and Dockerfile check out; its result is the image id. */
  build(request: BuildRequest): JobSummary {
    const context = checkBuildContext(request.contextPath, request.dockerfile);
    if (request.tag !== null) imageSegment(request.tag);
    const title = `Build ${request.tag ?? context.folder}`;
    return this.deps.jobs.start({ kind: 'build', target: context.folder, title }, async (reporter, signal) => {
      const engine = await this.deps.engine.current();
      const bases = dockerfileBaseImages(readSmallFile(path.join(context.folder, context.dockerfile)));
      const registries = [...new Set(bases.map(registryOf))];
      const auths = (await Promise.all(registries.map((registry) => registryAuth(this.authSource, registry)))).filter((auth): auth is RegistryAuth => auth !== null);
      const tar = packBuildContext(context);
      try {
        await engine.buildImage(
          tar,
          {
            dockerfile: context.dockerfile,
            tag: request.tag,
            buildArgs: Object.fromEntries(request.buildArgs.map((arg) => [arg.name, arg.value])),
            noCache: request.noCache,
            pull: request.pull,
          },
          auths,
          (message) => reporter.message(message),
          signal,
        );
      } finally {
        (tar as NodeJS.ReadableStream & { destroy(): void }).destroy();
      }
      reporter.status(request.tag === null ? 'Built.' : `Built ${request.tag}.`);
    });
  }
}
