import type { EventChannel, EventPayload, InvokeChannel } from '../../shared/ipc/contract';
import type { IpcResult } from '../../shared/ipc/result';

type Emit = <C extends EventChannel>(channel: C, payload: EventPayload<C>) => void;

/** The files channels of the fake host. */
export class FakeFiles {
  constructor(private readonly emit: Emit) {}

  /** The answer for one of its channels, or undefined for any other channel. */
  answer(channel: InvokeChannel, request: unknown): IpcResult<unknown> | undefined {
    void this.emit;
    void channel;
    void request;
    return undefined;
  }
}
