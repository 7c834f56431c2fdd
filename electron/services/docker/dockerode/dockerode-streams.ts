import { StringDecoder } from 'node:string_decoder';
import type { Duplex, Readable } from 'node:stream';
import type Docker from 'dockerode';
import type { ContainerStats, LogLine } from '../../../../shared/model/container';
import type { ExecHandle, StreamHandle } from '../container-engine';
import { LineSplitter } from '../line-splitter';
import { LogLineReader } from '../log-demux';
import { containerSegment, engineIdSegment } from './engine-paths';
import { mapEngineError } from './map-engine-error';
import { computeStats, hasPreviousSample, type DockerStatsJson } from '../stats-math';

/** How long the engine may take to answer a request that opens a stream or runs a quick probe. */
const REQUEST_TIMEOUT_MS = 10_000;
/** A stats line is one JSON document; this bounds a malformed one. */
const MAX_STATS_LINE_BYTES = 1024 * 1024;
/** A freshly started exec may not accept a resize yet (the docker CLI retries too). */
const RESIZE_ATTEMPTS = 5;
const RETRY_DELAY_MS = 100;
/** How long a closed terminal waits for the engine to hang up before the socket is destroyed. */
const CLOSE_GRACE_MS = 1_000;

type StreamLike = Readable | NodeJS.ReadableStream;

/**
 * Streams stats samples of one container (Engine API `stream=true`), split on newlines rather than chunks;
 * the first sample, which has no previous sample, is dropped. `onEnd` fires once when the engine ends the
 * stream or it fails, never after `stop()`.
 */
export function streamStats(
  docker: Docker,
  ref: string,
  onSample: (sample: ContainerStats) => void,
  onEnd: (error?: Error) => void,
): StreamHandle {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS);
  const splitter = new LineSplitter(MAX_STATS_LINE_BYTES);
  let stream: StreamLike | null = null;
  let done = false;
  const finish = (error?: Error): void => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    onEnd(error);
  };
  const options = { stream: true, abortSignal: controller.signal } as { stream: true };
  Promise.resolve()
    .then(() => docker.getContainer(containerSegment(ref)).stats(options))
    .then((opened) => {
      clearTimeout(timer);
      stream = opened;
      if (done) {
        destroy(opened);
        return;
      }
      opened.on('data', (chunk: Buffer) => {
        for (const line of splitter.push(chunk)) {
          const raw = parseStatsLine(line);
          if (raw && hasPreviousSample(raw)) onSample(computeStats(raw, containerName(raw, ref)));
        }
      });
      opened.on('end', () => finish());
      opened.on('close', () => finish());
      opened.on('error', (error: Error) => finish(engineError(error, docker)));
    })
    .catch((error: unknown) => finish(engineError(error, docker)));
  return {
    stop: () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      controller.abort();
      if (stream) destroy(stream);
    },
  };
}

/**
 * Follows a container's logs (`follow` always on, so the engine streams instead of buffering): inspects
 * `Config.Tty` first, demultiplexes non-TTY output, reassembles lines and parses the timestamp prefix.
 * `onEnd` fires once when the engine ends the stream (container gone) or it fails, never after `stop()`.
 */
export async function followLogs(
  docker: Docker,
  ref: string,
  options: { tail: number; timestamps: boolean },
  onLines: (lines: LogLine[]) => void,
  onEnd: (error?: Error) => void,
): Promise<StreamHandle & { tty: boolean }> {
  const container = docker.getContainer(containerSegment(ref));
  const info = await timed((signal) => container.inspect({ abortSignal: signal }), docker);
  const tty = info.Config?.Tty === true;
  const stream: StreamLike = await timed(
    (signal) =>
      docker.getContainer(engineIdSegment(info.Id)).logs({
        follow: true,
        stdout: true,
        stderr: true,
        tail: options.tail,
        timestamps: options.timestamps,
        abortSignal: signal,
      }),
    docker,
  );
  const reader = new LogLineReader({ tty, timestamps: options.timestamps });
  let done = false;
  const finish = (error?: Error): void => {
    if (done) return;
    done = true;
    const rest = reader.end();
    if (rest.length > 0) onLines(rest);
    onEnd(error);
  };
  stream.on('data', (chunk: Buffer) => {
    if (done) return;
    const lines = reader.push(chunk);
    if (lines.length > 0) onLines(lines);
  });
  stream.on('end', () => finish());
  stream.on('close', () => finish());
  stream.on('error', (error: Error) => finish(engineError(error, docker)));
  return {
    tty,
    stop: () => {
      if (done) return;
      done = true;
      destroy(stream);
    },
  };
}

/**
 * Opens an interactive terminal: an exec with a TTY (`TERM=xterm-256color`) started over a hijacked
 * connection, resized after start; the command defaults to /bin/bash when the container has one, else
 * /bin/sh. `onExit` fires once with the exec's exit code (null if it is still running) when the
 * connection closes; `close()` ends the connection.
 */
export async function openExec(
  docker: Docker,
  ref: string,
  options: { cols: number; rows: number; command?: string[] },
  onOutput: (data: string) => void,
  onExit: (exitCode: number | null) => void,
): Promise<ExecHandle> {
  const container = docker.getContainer(containerSegment(ref));
  const command = options.command ?? (await defaultShell(docker, container));
  const created = await timed(
    (signal) =>
      container.exec({
        Cmd: command,
        AttachStdin: true,
        AttachStdout: true,
        AttachStderr: true,
        Tty: true,
        Env: ['TERM=xterm-256color'],
        abortSignal: signal,
      }),
    docker,
  );
  const exec = docker.getExec(engineIdSegment(created.id));
  const socket: Duplex = await timed((signal) => exec.start({ hijack: true, stdin: true, Tty: true, abortSignal: signal }), docker);
  const decoder = new StringDecoder('utf8');
  let exited = false;
  socket.on('data', (chunk: Buffer) => {
    const text = decoder.write(chunk);
    if (text.length > 0) onOutput(text);
  });
  socket.on('error', () => socket.destroy());
  socket.on('close', () => {
    const text = decoder.end();
    if (text.length > 0) onOutput(text);
    void exitCodeOf(docker, exec).then((code) => {
      if (exited) return;
      exited = true;
      onExit(code);
    });
  });
  const resize = async (cols: number, rows: number): Promise<void> => {
    await timed((signal) => exec.resize({ h: rows, w: cols, abortSignal: signal }), docker);
  };
  await withRetries(() => resize(options.cols, options.rows), RESIZE_ATTEMPTS).catch(() => undefined);
  return {
    write: (data) => {
      if (socket.writable) socket.write(data);
    },
    resize,
    pause: () => void socket.pause(),
    resume: () => void socket.resume(),
    close: () => {
      if (socket.destroyed) return;
      // Docker cannot kill an exec and keeps its PTY open, so nothing hangs the shell up: interrupt the
      // foreground job (Ctrl-C), then end the shell at its now empty prompt (Ctrl-D), as closing a terminal would.
      // Ctrl-D goes a moment later because the terminal discards input queued behind an interrupt.
      if (socket.writable) socket.write(INTERRUPT_KEY);
      setTimeout(() => {
        if (socket.writable) socket.write(END_OF_INPUT_KEY);
        socket.end();
        setTimeout(() => socket.destroy(), CLOSE_GRACE_MS).unref();
      }, HANG_UP_STEP_MS).unref();
    },
  };
}

/** Keys sent before closing a terminal: Ctrl-C for the foreground job, then Ctrl-D for the shell, this far apart. */
const INTERRUPT_KEY = '\x03';
const END_OF_INPUT_KEY = '\x04';
const HANG_UP_STEP_MS = 150;

/** `['/bin/bash']` when the container can run it (a quick `test -x /bin/bash`), else `['/bin/sh']`. */
async function defaultShell(docker: Docker, container: Docker.Container): Promise<string[]> {
  const created = await timed(
    (signal) => container.exec({ Cmd: ['test', '-x', '/bin/bash'], AttachStdout: true, AttachStderr: true, abortSignal: signal }),
    docker,
  );
  const probe = docker.getExec(engineIdSegment(created.id));
  const output: StreamLike = await timed((signal) => probe.start({ Detach: false, Tty: false, abortSignal: signal }), docker);
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => {
      destroy(output);
      resolve();
    }, REQUEST_TIMEOUT_MS);
    const settle = (): void => {
      clearTimeout(timer);
      resolve();
    };
    output.on('end', settle);
    output.on('close', settle);
    output.on('error', settle);
    output.resume();
  });
  return (await exitCodeOf(docker, probe)) === 0 ? ['/bin/bash'] : ['/bin/sh'];
}

/** The exec's exit code once it has stopped running; null if it is still running after a short wait. */
async function exitCodeOf(docker: Docker, exec: Docker.Exec): Promise<number | null> {
  for (let attempt = 0; attempt < 10; attempt += 1) {
    try {
      const info = await timed((signal) => exec.inspect({ abortSignal: signal }), docker);
      if (!info.Running) return info.ExitCode;
    } catch {
      return null;
    }
    await delay(RETRY_DELAY_MS);
  }
  return null;
}

async function withRetries(action: () => Promise<void>, attempts: number): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await action();
      return;
    } catch (error) {
      if (attempt >= attempts) throw error;
      await delay(RETRY_DELAY_MS);
    }
  }
}

/**
 * Runs one engine request with a deadline on its answer only (a stream it opens is not cut later, unlike
 * the socket `timeout`); failures become ServiceErrors.
 */
async function timed<T>(request: (signal: AbortSignal) => Promise<T>, docker: Docker): Promise<T> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS);
  try {
    return await request(controller.signal);
  } catch (error) {
    throw engineError(error, docker);
  } finally {
    clearTimeout(timer);
  }
}

function parseStatsLine(line: string): DockerStatsJson | null {
  if (line.trim().length === 0) return null;
  try {
    return JSON.parse(line) as DockerStatsJson;
  } catch {
    return null;
  }
}

function containerName(raw: DockerStatsJson, ref: string): string {
  const name = raw.name ?? ref;
  return name.startsWith('/') ? name.slice(1) : name;
}

function destroy(stream: StreamLike): void {
  const destroyable = stream as { destroy?: () => void };
  destroyable.destroy?.();
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** What dockerode threw, as the port's ServiceErrors (the dockerode engine's own mapping). */
export function engineError(error: unknown, docker: Docker): Error {
  const mapped = mapEngineError(error, endpointOf(docker), REQUEST_TIMEOUT_MS);
  return mapped instanceof Error ? mapped : new Error(String(mapped));
}

/** The endpoint a dockerode instance talks to, for error messages. */
export function endpointOf(docker: Docker): string {
  const modem = docker.modem as { socketPath?: unknown; host?: unknown; port?: unknown; protocol?: unknown };
  if (typeof modem.socketPath === 'string') {
    return modem.socketPath.startsWith('//./pipe/') ? `npipe://${modem.socketPath}` : `unix://${modem.socketPath}`;
  }
  return `${String(modem.protocol ?? 'http')}://${String(modem.host ?? 'localhost')}:${String(modem.port ?? '')}`;
}
