import Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContainerStats, LogLine } from '../../../shared/model/container';
import { followLogs, openExec, streamStats } from '../../../electron/services/docker/dockerode/dockerode-streams';
import { TEST_IMAGE, docker, eventually, testDockerHost } from '../../helpers/docker-engine';

const prefix = `ld-streams-${process.pid}`;
const names = {
  plain: `${prefix}-plain`,
  tty: `${prefix}-tty`,
  ticker: `${prefix}-ticker`,
  busy: `${prefix}-busy`,
  shell: `${prefix}-shell`,
};

let engine: Docker;

/** Collects a followed log until the engine ends it (the container has exited). */
async function logsUntilEnd(ref: string, options: { tail: number; timestamps: boolean }): Promise<{ tty: boolean; lines: LogLine[] }> {
  const lines: LogLine[] = [];
  let ended: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (ended = resolve));
  const handle = await followLogs(engine, ref, options, (batch) => lines.push(...batch), () => ended());
  await done;
  handle.stop();
  return { tty: handle.tty, lines };
}

/** A long run of one character as `a × 40000`, so a failure does not print it. */
function summary(text: string): string {
  return text.length > 100 && /^(.)\1*$/.test(text) ? `${text[0]} × ${text.length}` : text;
}

/** `520KiB`, `1.5MiB`, `23.54GiB`, `0B` → bytes. */
function bytesOf(text: string): number {
  const match = /^([\d.]+)\s*([KMGT]?i?B)$/.exec(text.trim());
  if (!match) throw new Error(`not a size: ${text}`);
  const units: Record<string, number> = { B: 1, KiB: 1024, MiB: 1024 ** 2, GiB: 1024 ** 3, TiB: 1024 ** 4, kB: 1e3, KB: 1e3, MB: 1e6, GB: 1e9 };
  return Number(match[1]) * (units[match[2] ?? 'B'] ?? 1);
}

beforeAll(async () => {
  engine = new Docker({ socketPath: testDockerHost().replace(/^unix:\/\//, '') });
  await docker('rm', '-f', ...Object.values(names)).catch(() => undefined);
  const longLine = 'a'.repeat(40_000);
  await Promise.all([
    docker('run', '-d', '--name', names.plain, TEST_IMAGE, 'sh', '-c', `echo out1; echo err1 >&2; echo out2; echo ${longLine}; printf 'no newline'`),
    docker('run', '-d', '-t', '--name', names.tty, TEST_IMAGE, 'sh', '-c', 'echo tty1; echo tty2 >&2'),
    docker('run', '-d', '--name', names.ticker, TEST_IMAGE, 'sh', '-c', 'i=0; while :; do echo tick $i; i=$((i+1)); sleep 0.1; done'),
    docker('run', '-d', '--cpus', '0.5', '--name', names.busy, TEST_IMAGE, 'sh', '-c', 'while :; do :; done'),
    docker('run', '-d', '--name', names.shell, TEST_IMAGE, 'sleep', '3600'),
  ]);
  await eventually(async () => {
    const states = await docker('inspect', '-f', '{{.State.Status}}', names.plain, names.tty);
    expect(states.trim().split('\n')).toEqual(['exited', 'exited']);
  });
}, 60_000);

afterAll(async () => {
  await docker('rm', '-f', ...Object.values(names)).catch(() => undefined);
}, 60_000);

describe('dockerode streams against a real dockerd', () => {
  it('demultiplexes the logs of a container without a TTY: stdout and stderr apart, long lines whole', async () => {
    const { tty, lines } = await logsUntilEnd(names.plain, { tail: 1000, timestamps: false });
    expect(tty).toBe(false);
    expect(lines.filter((line) => line.stream === 'stderr')).toEqual([{ stream: 'stderr', text: 'err1', timestamp: null }]);
    const stdout = lines.filter((line) => line.stream === 'stdout').map((line) => line.text);
    expect(stdout.map(summary)).toEqual(['out1', 'out2', 'a × 40000', 'no newline']);
  });

  it('parses the timestamps the engine prefixes, joining a long line split into partial messages', async () => {
    const { lines } = await logsUntilEnd(names.plain, { tail: 1000, timestamps: true });
    // The engine stores the 40000-character line as 16 KiB partial messages, each with its own timestamp;
    // they come back as one line with the first timestamp.
    expect(lines.map((line) => summary(line.text)).sort()).toEqual(['a × 40000', 'err1', 'no newline', 'out1', 'out2']);
    for (const line of lines) expect(line.timestamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d+Z$/);
  });

  it('honours tail', async () => {
    const { lines } = await logsUntilEnd(names.plain, { tail: 1, timestamps: false });
    expect(lines).toEqual([{ stream: 'stdout', text: 'no newline', timestamp: null }]);
  });

  it('reads the logs of a TTY container raw: everything on stdout, no frame bytes', async () => {
    const { tty, lines } = await logsUntilEnd(names.tty, { tail: 100, timestamps: false });
    expect(tty).toBe(true);
    expect(lines).toEqual([
      { stream: 'stdout', text: 'tty1', timestamp: null },
      { stream: 'stdout', text: 'tty2', timestamp: null },
    ]);
  });

  it('follows a running container and stops delivering after stop()', async () => {
    const lines: LogLine[] = [];
    let ended = false;
    const handle = await followLogs(engine, names.ticker, { tail: 0, timestamps: false }, (batch) => lines.push(...batch), () => (ended = true));
    await eventually(() => expect(lines.length).toBeGreaterThanOrEqual(3));
    expect(lines.every((line) => /^tick \d+$/.test(line.text) && line.stream === 'stdout')).toBe(true);
    handle.stop();
    const count = lines.length;
    const lastTick = Number(/^tick (\d+)$/.exec(lines.at(-1)?.text ?? '')?.[1]);
    // The positive signal: a follower opened after the stop sees ticks printed well after it.
    const later: LogLine[] = [];
    const witness = await followLogs(engine, names.ticker, { tail: 0, timestamps: false }, (batch) => later.push(...batch), () => undefined);
    try {
      await eventually(() => expect(later.some((line) => Number(/^tick (\d+)$/.exec(line.text)?.[1]) > lastTick + 3)).toBe(true));
    } finally {
      witness.stop();
    }
    expect(lines.length).toBe(count);
    expect(ended).toBe(false);
  });

  it('refuses an unknown container with NOT_FOUND', async () => {
    await expect(followLogs(engine, `${prefix}-missing`, { tail: 0, timestamps: false }, () => undefined, () => undefined)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('streams stats that agree with `docker stats --no-stream` for a busy container limited to half a CPU', async () => {
    const samples: ContainerStats[] = [];
    const handle = streamStats(engine, names.busy, (sample) => samples.push(sample), () => undefined);
    const [cli] = await Promise.all([
      docker('stats', '--no-stream', '--format', '{{json .}}', names.busy),
      eventually(() => expect(samples.length).toBeGreaterThanOrEqual(2), 15_000),
    ]);
    handle.stop();
    const count = samples.length;
    const ours = samples[samples.length - 1]!;
    const theirs = JSON.parse(cli) as { CPUPerc: string; MemUsage: string; PIDs: string };
    const cliCpu = Number.parseFloat(theirs.CPUPerc);
    const [cliUsed, cliLimit] = theirs.MemUsage.split('/').map(bytesOf) as [number, number];
    expect(ours.name).toBe(names.busy);
    expect(Math.abs(ours.cpuPercent - cliCpu)).toBeLessThanOrEqual(15);
    // At most half a CPU (less when the host is busy), and clearly more than idle.
    expect(ours.cpuPercent).toBeGreaterThan(5);
    expect(ours.cpuPercent).toBeLessThan(65);
    expect(Math.abs(ours.memoryUsedBytes - cliUsed)).toBeLessThanOrEqual(Math.max(0.1 * cliUsed, 2 * 1024 * 1024));
    expect(Math.abs(ours.memoryLimitBytes - cliLimit)).toBeLessThanOrEqual(0.01 * cliLimit);
    expect(ours.pids).toBe(Number(theirs.PIDs));
    // The positive signal: a stream opened after the stop gets two samples; the stopped one got none meanwhile.
    const later: ContainerStats[] = [];
    const witness = streamStats(engine, names.busy, (sample) => later.push(sample), () => undefined);
    try {
      await eventually(() => expect(later.length).toBeGreaterThanOrEqual(2), 15_000);
    } finally {
      witness.stop();
    }
    expect(samples.length).toBe(count);
  });

  it('runs a command through a hijacked TTY exec, resizes it, and reports the exit code', async () => {
    let output = '';
    let exitCode: number | null | undefined;
    const exec = await openExec(engine, names.shell, { cols: 80, rows: 24 }, (data) => (output += data), (code) => (exitCode = code));
    exec.write("echo hel''lo\r");
    await eventually(() => expect(output).toMatch(/\r\nhello\r\n/));
    exec.write('stty size\r');
    await eventually(() => expect(output).toContain('24 80'));
    await exec.resize(100, 30);
    exec.write('stty size\r');
    await eventually(() => expect(output).toContain('30 100'));
    exec.write('exit 3\r');
    await eventually(() => expect(exitCode).toBe(3));
  });

  it('opens /bin/sh when the container has no bash, and closing ends the session', async () => {
    let output = '';
    let exitCode: number | null | undefined;
    const exec = await openExec(engine, names.shell, { cols: 80, rows: 24 }, (data) => (output += data), (code) => (exitCode = code));
    exec.write('echo shell=$0\r');
    await eventually(() => expect(output).toMatch(/shell=\/bin\/sh/));
    exec.write('sleep 600\r');
    await eventually(async () => expect(await docker('top', names.shell)).toContain('sleep 600'));
    exec.close();
    await eventually(() => expect(exitCode).not.toBeUndefined(), 5000);
    await eventually(async () => {
      const processes = await docker('top', names.shell);
      expect(processes).not.toContain('sleep 600');
      expect(processes.split('\n').filter((line) => /\/bin\/sh\s*$/.test(line))).toEqual([]);
    }, 5000);
  });
});
