import { describe, expect, it } from 'vitest';
import { WebServerFrame } from '../../../shared/ipc/web-protocol';
import { readServerFrame } from '../../../renderer/src/ipc/read-server-frame';

const accepted: unknown[] = [
  { type: 'result', id: 0, result: { ok: true, value: [1, 2] } },
  { type: 'result', id: 7, result: { ok: true, value: null } },
  { type: 'result', id: 3, result: { ok: false, error: { code: 'INTERNAL', message: 'x', details: { a: 1 } } } },
  { type: 'event', channel: 'distros:changed', payload: [] },
  { type: 'event', channel: 'anything', payload: undefined },
];

const refused: unknown[] = [
  null,
  'result',
  [],
  { type: 'evnt', channel: 'distros:changed', payload: [] },
  { type: 'event', channel: 42, payload: [] },
  { type: 'result', id: -1, result: { ok: true, value: 1 } },
  { type: 'result', id: 1.5, result: { ok: true, value: 1 } },
  { type: 'result', id: '1', result: { ok: true, value: 1 } },
  { type: 'result', id: 1, result: { ok: true } },
  { type: 'result', id: 1, result: { ok: false, error: { code: 'INTERNAL' } } },
  { type: 'result', id: 1, result: { ok: false } },
  { type: 'result', id: 1, result: { ok: 'yes', value: 1 } },
  { type: 'result', id: 1 },
];

describe('readServerFrame', () => {
  it('accepts the frames the shared schema accepts, with the same content', () => {
    for (const frame of accepted) {
      expect(WebServerFrame.safeParse(frame).success).toBe(true);
      expect(readServerFrame(frame)).toEqual(frame);
    }
  });

  it('refuses malformed frames (null), as the shared schema does', () => {
    for (const frame of refused) {
      expect(WebServerFrame.safeParse(frame).success).toBe(false);
      expect(readServerFrame(frame)).toBeNull();
    }
  });
});
