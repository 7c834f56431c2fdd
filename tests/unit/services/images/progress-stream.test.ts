import { PassThrough } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ProgressMessage } from '../../../../electron/services/docker/container-engine';
import { ServiceError } from '../../../../electron/services/errors';
import { parseProgressLine, PROGRESS_LINE_BYTES, readProgressStream } from '../../../../electron/services/images/progress-stream';

function collect(stream: PassThrough, signal = new AbortController().signal): { messages: ProgressMessage[]; done: Promise<void> } {
  const messages: ProgressMessage[] = [];
  return { messages, done: readProgressStream(stream, (m) => messages.push(m), signal) };
}

describe('parseProgressLine', () => {
  it('keeps well-typed fields and drops the rest', () => {
    expect(parseProgressLine('{"id":"abc123abc123","status":"Downloading","progressDetail":{"current":10,"total":100},"progress":"[=>  ]"}')).toEqual({
      id: 'abc123abc123',
      status: 'Downloading',
      progress: '[=>  ]',
      progressDetail: { current: 10, total: 100 },
    });
    expect(parseProgressLine('{"id":{},"status":5,"progressDetail":{"current":"x","total":-1},"stream":["a"],"aux":{"ID":7,"Digest":"sha256:1"}}')).toEqual({
      progressDetail: {},
      aux: { Digest: 'sha256:1' },
    });
    expect(parseProgressLine('{"progressDetail":{"current":1e400,"total":NaN}}')).toBeNull();
    expect(parseProgressLine('{"progressDetail":{"current":1e308}}')).toEqual({ progressDetail: { current: Number.MAX_SAFE_INTEGER } });
  });

  it('answers null for blank lines, non-JSON, and JSON that is not an object', () => {
    for (const line of ['', '   ', 'not json', '{"unterminated":', '[1,2]', 'null', '"text"', '42']) expect(parseProgressLine(line)).toBeNull();
  });

  it('cuts long strings', () => {
    const message = parseProgressLine(JSON.stringify({ status: 's'.repeat(10_000), stream: 'x'.repeat(200_000) }));
    expect(message?.status?.length).toBe(512);
    expect(message?.stream?.length).toBe(64 * 1024);
  });

  it('never throws and keeps only strings and finite non-negative counts, whatever the line', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.jsonValue().map((v) => JSON.stringify({ id: v, status: v, progressDetail: { current: v, total: v }, aux: v }))), (line) => {
        const message = parseProgressLine(line);
        if (message === null) return;
        for (const key of ['id', 'status', 'progress', 'stream', 'error'] as const) if (key in message) expect(typeof message[key]).toBe('string');
        for (const value of [message.progressDetail?.current, message.progressDetail?.total]) {
          if (value !== undefined) expect(Number.isFinite(value) && value >= 0).toBe(true);
        }
      }),
    );
  });
});

describe('readProgressStream', () => {
  it('hands over every message whatever the chunk boundaries, skipping lines that are not JSON', async () => {
    const stream = new PassThrough();
    const { messages, done } = collect(stream);
    const text = '{"status":"Pulling from x"}\nGARBAGE\n{"id":"aaaaaaaaaaaa","status":"Downloading","progressDetail":{"current":5,"total":9}}\r\n{"status":"last"}';
    for (let i = 0; i < text.length; i += 7) stream.write(text.slice(i, i + 7));
    stream.end();
    await done;
    expect(messages.map((m) => m.status)).toEqual(['Pulling from x', 'Downloading', 'last']);
  });

  it('drops a line longer than the bound instead of growing, and goes on', async () => {
    const stream = new PassThrough();
    const { messages, done } = collect(stream);
    stream.write(`{"status":"${'x'.repeat(PROGRESS_LINE_BYTES + 10)}`);
    stream.write('"}\n{"status":"after"}\n');
    stream.end();
    await done;
    expect(messages).toEqual([{ status: 'after' }]);
  });

  it("rejects with the engine's words on an error message and destroys the stream", async () => {
    const stream = new PassThrough();
    const { messages, done } = collect(stream);
    stream.write('{"status":"Preparing"}\n{"errorDetail":{"message":"unauthorized: authentication required"},"error":"unauthorized: authentication required"}\n{"status":"never"}\n');
    await expect(done).rejects.toMatchObject({ code: 'INTERNAL', message: 'unauthorized: authentication required' });
    expect(messages.map((m) => m.status ?? m.error)).toEqual(['Preparing', 'unauthorized: authentication required']);
    expect(stream.destroyed).toBe(true);
  });

  it('maps a missing image to NOT_FOUND', async () => {
    const stream = new PassThrough();
    const { done } = collect(stream);
    stream.end('{"error":"manifest for 127.0.0.1:5000/x:9 not found: manifest unknown: manifest unknown"}\n');
    const error = await done.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceError);
    expect(error).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('rejects when the stream fails or closes early', async () => {
    const failing = new PassThrough();
    const failed = collect(failing).done;
    failing.destroy(new Error('socket hang up'));
    await expect(failed).rejects.toMatchObject({ code: 'UNAVAILABLE', message: expect.stringContaining('socket hang up') });
    const closing = new PassThrough();
    const closed = collect(closing).done;
    closing.destroy();
    await expect(closed).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });

  it('rejects "Cancelled." and destroys the stream when the signal aborts', async () => {
    const stream = new PassThrough();
    const controller = new AbortController();
    const { done } = collect(stream, controller.signal);
    stream.write('{"status":"Downloading"}\n');
    controller.abort();
    await expect(done).rejects.toMatchObject({ code: 'TIMEOUT', message: 'Cancelled.' });
    expect(stream.destroyed).toBe(true);
  });
});
