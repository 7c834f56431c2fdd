import type { FsFileText, FsListing } from '../../../shared/model/container-files';
import type { ActionDeps } from '../action-deps';
import { ServiceError } from '../errors';

const notYet = (): ServiceError => new ServiceError('UNAVAILABLE', 'Browsing container files is not available yet.');

/** A container's filesystem through the Engine API archive endpoints (stub until the files work lands). */
export class ContainerFilesService {
  constructor(private readonly deps: ActionDeps) {}

  /** One page of a folder. */
  async list(_id: string, _path: string, _offset: number): Promise<FsListing> {
    void this.deps;
    throw notYet();
  }

  /** A file's text. */
  async read(_id: string, _path: string): Promise<FsFileText> {
    throw notYet();
  }

  /** Saves a file or folder as a tar on this machine. */
  async download(_id: string, _path: string, _filePath: string): Promise<{ filePath: string; sizeBytes: number }> {
    throw notYet();
  }

  /** Copies a local file into a folder of the container. */
  async upload(_id: string, _folder: string, _filePath: string): Promise<{ path: string; sizeBytes: number }> {
    throw notYet();
  }
}
