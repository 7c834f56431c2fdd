import type { EventChannel, EventPayload, InvokeChannel } from '../../shared/ipc/contract';
import type { IpcResult } from '../../shared/ipc/result';
import type { FakeJobs } from './fake-jobs';

type Emit = <C extends EventChannel>(channel: C, payload: EventPayload<C>) => void;

/** The fake host's container-files:list, read, download and upload (a stub until its feature lands: it answers nothing). */
export class FakeContainerFiles {
  constructor(
    private readonly emit: Emit,
    private readonly jobs: FakeJobs,
  ) {}

  /** The answer for one of its channels, or undefined for any other channel. */
  answer(_channel: InvokeChannel, _request: unknown): IpcResult<unknown> | undefined {
    void this.emit;
    void this.jobs;
    return undefined;
  }
}
