import type { WebSocket } from 'ws';

/** How much one browser socket may hold unsent: pause its sources above one bound, resume below another, drop it above the last. */
export interface FlowBounds {
  pauseAboveBytes: number;
  resumeBelowBytes: number;
  closeAboveBytes: number;
}

/** 4 MiB buffered pauses the client's sources, 1 MiB resumes them, 16 MiB (pushes that cannot pause) drops the client. */
export const DEFAULT_FLOW_BOUNDS: FlowBounds = { pauseAboveBytes: 4 * 1024 * 1024, resumeBelowBytes: 1024 * 1024, closeAboveBytes: 16 * 1024 * 1024 };

/**
 * Sends text frames on one socket with backpressure: after every send and every completed write it looks at
 * `bufferedAmount`; crossing `pauseAboveBytes` reports `onFlow(false)` once, falling to `resumeBelowBytes` reports
 * `onFlow(true)` once, and passing `closeAboveBytes` terminates the socket, so nothing it buffers grows past that.
 */
export class SocketFlow {
  private flowing = true;

  constructor(
    private readonly socket: WebSocket,
    private readonly bounds: FlowBounds,
    private readonly onFlow: (flowing: boolean) => void,
  ) {}

  /** Queues one frame if the socket is open; frames for a closing or closed socket are dropped. */
  send(text: string): void {
    if (this.socket.readyState !== this.socket.OPEN) return;
    this.socket.send(text, () => this.check());
    this.check();
  }

  /** Bytes queued on the socket and not yet handed to the kernel. */
  get buffered(): number {
    return this.socket.bufferedAmount;
  }

  private check(): void {
    if (this.socket.readyState !== this.socket.OPEN) return;
    const buffered = this.socket.bufferedAmount;
    if (buffered > this.bounds.closeAboveBytes) {
      this.socket.terminate();
    } else if (this.flowing && buffered > this.bounds.pauseAboveBytes) {
      this.flowing = false;
      this.onFlow(false);
    } else if (!this.flowing && buffered <= this.bounds.resumeBelowBytes) {
      this.flowing = true;
      this.onFlow(true);
    }
  }
}
