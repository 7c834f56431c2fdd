import type { EventChannel, EventPayload, InvokeChannel } from '../../shared/ipc/contract';
import { fail, ok, type IpcResult } from '../../shared/ipc/result';
import { ComposeAction, ComposeProjectName, type ComposeCli, type ComposeProject } from '../../shared/model/compose';
import type { FakeJobs } from './fake-jobs';

type Emit = <C extends EventChannel>(channel: C, payload: EventPayload<C>) => void;

/** The Compose CLI the fake host reports by default: the v2 plugin. */
export const FAKE_COMPOSE_CLI: ComposeCli = { available: true, command: ['docker', 'compose'], version: '2.29.7', hint: null, simulated: false };

/** The seeded project "shop" (its containers are the fake engine's shop-web-1, shop-api-1 and shop-db-1). */
export const SHOP_PROJECT: ComposeProject = {
  name: 'shop',
  workingDir: '/home/dev/shop',
  configFiles: ['/home/dev/shop/compose.yaml', '/home/dev/shop/compose.override.yaml'],
  services: ['api', 'db', 'web'],
  containers: 3,
  running: 3,
  actionable: true,
  reason: null,
};

/** One Compose request the fake host received. */
export type ComposeCall = { channel: 'compose:act'; project: string; action: ComposeAction } | { channel: 'compose:up-file'; file: string };

/**
 * The fake host's compose:cli, compose:projects, compose:act and compose:up-file: a CLI and a project list a test may
 * replace, every started action recorded in `calls` and started as a job of the shared fake jobs (named as the host
 * names them, "Compose down shop"), which the test then moves with `jobs.progress` and `jobs.finish`.
 */
export class FakeCompose {
  cli: ComposeCli = { ...FAKE_COMPOSE_CLI };
  projects: ComposeProject[] = [{ ...SHOP_PROJECT }];
  readonly calls: ComposeCall[] = [];

  /** `_emit` is the host's push, unused: a test changes `projects`, and the end of a Compose job makes the page read them again. */
  constructor(
    _emit: Emit,
    private readonly jobs: FakeJobs,
  ) {}

  /** The answer for one of its channels, or undefined for any other channel. */
  answer(channel: InvokeChannel, request: unknown): IpcResult<unknown> | undefined {
    switch (channel) {
      case 'compose:cli':
        return ok({ ...this.cli, command: [...this.cli.command] });
      case 'compose:projects':
        return ok(this.projects.map((project) => ({ ...project })));
      case 'compose:act': {
        const { project, action } = request as { project: string; action: string };
        if (!ComposeProjectName.safeParse(project).success || !ComposeAction.safeParse(action).success) return fail('VALIDATION', 'Invalid request for compose:act.');
        if (!this.cli.available) return fail('UNAVAILABLE', this.cli.hint ?? 'No Compose CLI.');
        if (!this.projects.some((known) => known.name === project)) return fail('NOT_FOUND', `No Compose project named ${project}.`);
        const parsed = ComposeAction.parse(action);
        this.calls.push({ channel: 'compose:act', project, action: parsed });
        return ok(this.jobs.start('compose', project, `Compose ${parsed} ${project}`));
      }
      case 'compose:up-file': {
        const { file } = request as { file: string };
        if (!file.startsWith('/')) return fail('VALIDATION', 'Invalid request for compose:up-file.');
        if (file.includes('missing')) return fail('NOT_FOUND', `No such file: ${file}.`);
        this.calls.push({ channel: 'compose:up-file', file });
        return ok(this.jobs.start('compose', file, `Compose up ${file}`));
      }
      default:
        return undefined;
    }
  }
}
