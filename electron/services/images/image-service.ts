import type { BuildRequest, ImageDetail } from '../../../shared/model/image-detail';
import type { JobSummary } from '../../../shared/model/job';
import type { ActionDeps } from '../action-deps';
import { ServiceError } from '../errors';

const notYet = (): ServiceError => new ServiceError('UNAVAILABLE', 'This image action is not available yet.');

/** Image detail, tag, and pull, push and build as jobs (stub until the image work lands). */
export class ImageService {
  constructor(private readonly deps: ActionDeps) {}

  /** An image in full. */
  async inspect(_id: string): Promise<ImageDetail> {
    void this.deps;
    throw notYet();
  }

  /** `docker tag`. */
  async tag(_source: string, _target: string): Promise<{ target: string }> {
    throw notYet();
  }

  /** Starts a pull job. */
  pull(_reference: string): JobSummary {
    throw notYet();
  }

  /** Starts a push job. */
  push(_reference: string): JobSummary {
    throw notYet();
  }

  /** Starts a build job. */
  build(_request: BuildRequest): JobSummary {
    throw notYet();
  }
}
