import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import http from 'node:http';
import { Duplex } from 'node:stream';
import type { Logger } from '../../ports';
import { sshDialArgs, type SshDestination } from './ssh-command';
import { classifySshFailure, sshSpawnFailure } from './ssh-failure';

/** Bytes of each ssh child's stderr kept for the error sentence (the last ones). */
const STDERR_KEEP = 8 * 1024;
/** Connections (ssh processes) open at once through the pool; each stream (events, logs, stats) holds one. */
const MAX_SOCKETS = 16;
/** Idle connections kept for reuse (as many as the memory sampler's parallel calls); the others end, and their ssh with them. */
const MAX_FREE_SOCKETS = 4;
/** An idle pooled connection ends after this long. */
const IDLE_MS = 30_000;
/** After SIGTERM, how long an ssh child has before SIGKILL. */
const KILL_GRACE_MS = 2_000;

/** Where and how the agent runs ssh. */
export interface SshDialOptions {
  destination: SshDestination;
  /** LIGHTDOCK_SSH_CONFIG: an ssh config file given as `-F`, or null for ssh's own (~/.ssh/config). */
  configFile: string | null;
  /** The environment ssh runs with (SSH_AUTH_SOCK, HOME, PATH…), passed through as the docker CLI does. */
  env: NodeJS.ProcessEnv;
  logger: Logger;
}

/**
 * The Engine API over the user's own ssh, as the docker CLI's connhelper does it: every connection of this
 * keep-alive http.Agent is a new `ssh … -- host docker system dial-stdio` (argument array, no shell, logged) whose
 * stdout and stdin are the socket. A failed ssh ends its socket with the classified ServiceError (ssh-failure.ts).
 * The agent owns its ssh children: `destroy()` kills every one of them, hijacked (exec) connections included.
 */
export class SshDialAgent extends http.Agent {
  private readonly children = new Set<SshStdioSocket>();
  private readonly args: string[];
  private destroyed = false;

  constructor(private readonly dial: SshDialOptions) {
    super({ keepAlive: true, maxSockets: MAX_SOCKETS, maxFreeSockets: MAX_FREE_SOCKETS, timeout: IDLE_MS });
    this.args = sshDialArgs(dial.destination, dial.configFile);
  }

  /** The ssh arguments every connection runs with. */
  get sshArgs(): readonly string[] {
    return this.args;
  }

  /** The ssh children alive now (for tests and diagnostics). */
  get liveProcesses(): number {
    return this.children.size;
  }

  /** One new connection: a new ssh child; never a shell. Refused after `destroy()`. */
  override createConnection(): Duplex {
    const socket = new SshStdioSocket(this.dial, this.args, this.destroyed);
    if (!this.destroyed) {
      this.children.add(socket);
      socket.once('close', () => this.children.delete(socket));
    }
    return socket;
  }

  /** Ends every pooled, busy and hijacked connection and kills their ssh; later connections fail. */
  override destroy(): void {
    this.destroyed = true;
    super.destroy();
    for (const socket of [...this.children]) socket.destroy();
  }
}

/** A Duplex over one ssh child's stdout (readable) and stdin (writable), with the net.Socket methods http uses. */
class SshStdioSocket extends Duplex {
  private readonly child: ChildProcessWithoutNullStreams | null = null;
  private stderr = '';
  private wrote = false;
  private received = false;
  private idleMs = 0;
  private idleTimer: ReturnType<typeof setTimeout> | null = null;
  private killTimer: ReturnType<typeof setTimeout> | null = null;
  private exited = false;
  private referenced = true;
  /** What net.Socket exposes and http.Agent reads (`socket.timeout`). */
  timeout = 0;
  readonly remoteAddress: string;

  constructor(
    private readonly dial: SshDialOptions,
    args: string[],
    refused: boolean,
  ) {
    super({ allowHalfOpen: true });
    this.remoteAddress = dial.destination.host;
    if (refused) {
      process.nextTick(() => this.destroy(new Error('The ssh connection to the engine was closed.')));
      return;
    }
    // `ssh` is looked up on the PATH of `dial.env`, as the docker CLI's exec.Command looks it up on its own.
    dial.logger.info(`Running ssh ${args.join(' ')}`);
    let child: ChildProcessWithoutNullStreams;
    try {
      child = spawn('ssh', args, { shell: false, env: dial.env, stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
    } catch (error) {
      process.nextTick(() => this.destroy(sshSpawnFailure(error as NodeJS.ErrnoException)));
      return;
    }
    this.child = child;
    child.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' || child.pid === undefined) this.destroy(sshSpawnFailure(error));
      else dial.logger.warn(`ssh to ${dial.destination.host}: ${error.message}`);
    });
    // A broken stdin or stderr pipe means ssh is ending: its close (below) says why, with the stderr kept so far.
    child.stdin.on('error', () => undefined);
    child.stdout.on('error', (error) => this.destroy(error));
    child.stderr.on('error', () => undefined);
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (text: string) => {
      this.stderr = (this.stderr + text).slice(-STDERR_KEEP);
    });
    child.stdout.on('data', (chunk: Buffer) => {
      this.received = true;
      this.touch();
      if (!this.push(chunk)) child.stdout.pause();
    });
    child.on('exit', () => {
      this.exited = true;
      if (this.killTimer !== null) clearTimeout(this.killTimer);
    });
    child.on('close', (code: number | null, signal: NodeJS.Signals | null) => this.onChildClose(code, signal));
  }

  /** ssh and its pipes are gone: end the readable side, or fail with what ssh said when it did not do its job. */
  private onChildClose(code: number | null, signal: NodeJS.Signals | null): void {
    this.clearIdle();
    if (this.destroyed) return;
    const failure = classifySshFailure({ code, signal, stderr: this.stderr }, this.dial.destination);
    if (failure !== null && !this.received) {
      this.dial.logger.warn(`ssh to ${this.dial.destination.host} failed: ${failure.message}`, { code, signal, stderr: this.stderr.slice(-1024) });
      this.destroy(failure);
      return;
    }
    if (failure !== null) this.dial.logger.info(`ssh to ${this.dial.destination.host} ended: ${failure.message}`);
    if (this.wrote && !this.received) {
      this.destroy(new Error(`ssh to ${this.dial.destination.host} ended before Docker answered.`));
      return;
    }
    this.push(null);
    this.end();
  }

  override _read(): void {
    this.child?.stdout.resume();
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    const child = this.child;
    if (child === null || child.stdin.destroyed) {
      callback(new Error('The ssh connection to the engine was closed.'));
      return;
    }
    this.wrote = true;
    this.touch();
    // A write that fails (EPIPE: ssh already exited) is not reported here: the child's close says why it ended.
    child.stdin.write(chunk, () => callback());
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.child?.stdin.end();
    callback();
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.clearIdle();
    const child = this.child;
    if (child !== null) {
      child.stdin.destroy();
      child.stdout.destroy();
      if (!this.exited && child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        this.killTimer = setTimeout(() => {
          if (!this.exited) child.kill('SIGKILL');
        }, KILL_GRACE_MS);
        this.killTimer.unref();
      }
    }
    callback(error);
  }

  /** net.Socket API: emits `timeout` after `ms` without traffic (0 turns it off). */
  setTimeout(ms: number, onTimeout?: () => void): this {
    this.idleMs = ms;
    this.timeout = ms;
    if (onTimeout !== undefined) this.once('timeout', onTimeout);
    this.touch();
    return this;
  }

  /** net.Socket API: nothing to do on a pipe. */
  setKeepAlive(): this {
    return this;
  }

  /** net.Socket API: nothing to do on a pipe. */
  setNoDelay(): this {
    return this;
  }

  /** net.Socket API: an idle pooled connection does not keep the process alive (nor do its ssh child and pipes). */
  unref(): this {
    this.referenced = false;
    this.applyRef();
    return this;
  }

  /** net.Socket API: a connection in use keeps the process alive. */
  ref(): this {
    this.referenced = true;
    this.applyRef();
    return this;
  }

  private applyRef(): void {
    const child = this.child;
    if (child === null) return;
    const streams = [child.stdin, child.stdout, child.stderr] as unknown as Array<{ ref?: () => void; unref?: () => void }>;
    if (this.referenced) {
      child.ref();
      for (const stream of streams) stream.ref?.();
    } else {
      child.unref();
      for (const stream of streams) stream.unref?.();
    }
    this.idleTimer?.[this.referenced ? 'ref' : 'unref']();
  }

  private touch(): void {
    this.clearIdle();
    if (this.idleMs <= 0 || this.destroyed) return;
    this.idleTimer = setTimeout(() => this.emit('timeout'), this.idleMs);
    if (!this.referenced) this.idleTimer.unref();
  }

  private clearIdle(): void {
    if (this.idleTimer !== null) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }
}
