import type { BoundaryCost, FilesReport } from '../../../shared/model/files';
import { ServiceError } from '../errors';
import type { InsightDeps } from '../insight-deps';

/** The Files view: which working directories and bind mounts of each distro and container live on a Windows drive, what that costs, and how to move them. */
export class FilesService {
  constructor(private readonly deps: InsightDeps) {}

  /** Every distro and container (or the one named). */
  async report(filter: { distro?: string | undefined; container?: string | undefined }): Promise<FilesReport> {
    void this.deps;
    void filter;
    throw new ServiceError('INTERNAL', 'Not built yet.');
  }

  /** Times the boundary in one running distro (modelled on the simulated host); bounded and cancellable. */
  async measure(name: string): Promise<BoundaryCost> {
    void name;
    throw new ServiceError('INTERNAL', 'Not built yet.');
  }
}
