import { describe, expect, it } from 'vitest';
import type { Operation } from '../../../../shared/model/operation';
import { createOperationsStore } from '../../../../renderer/src/features/operations/operations-store';
import { operationPercent, operationTitle } from '../../../../renderer/src/features/operations/operation-text';

function op(id: string, state: Operation['state'], progress: number | null = null): Operation {
  return { id, kind: 'install', target: 'Ubuntu', state, progress, message: '' };
}

describe('operations store', () => {
  it('lists operations newest first and replaces an operation in place on each push', () => {
    const store = createOperationsStore();
    store.apply(op('a', 'running', 0.1));
    store.apply(op('b', 'running'));
    store.apply(op('a', 'running', 0.6));
    expect(store.get().map((known) => [known.id, known.progress])).toEqual([
      ['b', null],
      ['a', 0.6],
    ]);
  });

  it('notifies subscribers with a new snapshot and stops after unsubscribing', () => {
    const store = createOperationsStore();
    const seen: number[] = [];
    const stop = store.subscribe(() => seen.push(store.get().length));
    const before = store.get();
    store.apply(op('a', 'running'));
    expect(store.get()).not.toBe(before);
    stop();
    store.apply(op('b', 'running'));
    expect(seen).toEqual([1]);
  });

  it('dismisses finished operations only', () => {
    const store = createOperationsStore();
    store.apply(op('a', 'running'));
    store.apply(op('b', 'failed'));
    store.dismiss('a');
    store.dismiss('b');
    expect(store.get().map((known) => known.id)).toEqual(['a']);
  });

  it('keeps at most 20 finished operations, dropping the oldest', () => {
    const store = createOperationsStore();
    store.apply(op('running', 'running'));
    for (let i = 0; i < 25; i += 1) store.apply(op(`done-${i}`, 'succeeded'));
    const ids = store.get().map((known) => known.id);
    expect(ids).toHaveLength(21);
    expect(ids).toContain('running');
    expect(ids).toContain('done-24');
    expect(ids).not.toContain('done-4');
  });
});

describe('operation text', () => {
  it('titles operations by state and gives whole percentages', () => {
    expect(operationTitle({ kind: 'export', target: 'Debian', state: 'running' })).toBe('Exporting Debian');
    expect(operationTitle({ kind: 'set-version', target: 'Debian', state: 'succeeded' })).toBe('Converted Debian');
    expect(operationTitle({ kind: 'compact', target: 'Debian', state: 'failed' })).toBe('Compacting Debian failed');
    expect(operationPercent({ progress: 0.424 })).toBe(42);
    expect(operationPercent({ progress: null })).toBeNull();
  });
});
