import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ComposeProjectName } from '../../../shared/model/compose';
import { RunSpec } from '../../../shared/model/run-container';
import type { Clock, Logger } from '../ports';
import { JsonStateFile } from '../storage/json-state-file';

/** File name of the projects Lightdock took down, inside the data directory. */
export const DOWN_PROJECTS_FILE = 'compose-down-projects.json';
/** Projects remembered at most (the oldest are forgotten first). */
export const DOWN_PROJECTS_KEPT = 32;

/** A project Lightdock took down: enough to bring it up again from its row after its containers are gone. */
export const DownProject = z.object({
  name: ComposeProjectName,
  /** The engine endpoint it ran on; only that engine lists it. */
  endpoint: z.string().max(4096),
  workingDir: z.string().max(4096).nullable(),
  configFiles: z.array(z.string().max(4096)).max(32),
  services: z.array(z.string().max(128)).max(256),
  /** On the simulated engine: the containers to create again on up. */
  specs: z.array(RunSpec).max(64),
  downAt: z.number().int(),
});
export type DownProject = z.infer<typeof DownProject>;

const DownProjectsDocument = z.object({ projects: z.array(DownProject).max(DOWN_PROJECTS_KEPT) });
type DownProjectsDocument = z.infer<typeof DownProjectsDocument>;

/**
 * The projects taken down through Lightdock, per engine endpoint, shared by every process through one JSON file
 * (validated on read, bounded to DOWN_PROJECTS_KEPT), so a project's row and its Up survive its `down`.
 */
export class DownProjects {
  private readonly file: JsonStateFile<DownProjectsDocument>;

  constructor(dataDir: string, clock: Clock, logger: Logger) {
    this.file = new JsonStateFile(path.join(dataDir, DOWN_PROJECTS_FILE), DownProjectsDocument, () => ({ projects: [] }), clock, logger);
  }

  /** The projects remembered for one engine; reading never creates the file (only a `down` does). */
  list(endpoint: string): DownProject[] {
    if (!fs.existsSync(this.file.filePath)) return [];
    return this.file.read().projects.filter((project) => project.endpoint === endpoint);
  }

  /** Remembers a project taken down (replacing an older entry of the same name and engine). */
  remember(project: DownProject): void {
    this.file.update((current) => ({
      projects: [...current.projects.filter((known) => !(known.name === project.name && known.endpoint === project.endpoint)), project].slice(-DOWN_PROJECTS_KEPT),
    }));
  }

  /** Forgets a project (it is up again). */
  forget(name: string, endpoint: string): void {
    if (!this.list(endpoint).some((known) => known.name === name)) return;
    this.file.update((latest) => ({ projects: latest.projects.filter((known) => !(known.name === name && known.endpoint === endpoint)) }));
  }
}
