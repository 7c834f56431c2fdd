import { describe, expect, it } from 'vitest';
import { renderHook } from '@testing-library/react';
import { fixedRowRange, rowsCovered, useFixedRowWindow } from '../../../../renderer/src/features/containers/use-fixed-row-window';

const ROW = 44;

describe('fixedRowRange', () => {
  it('takes the rows that meet the view at the top, plus three below', () => {
    // 440 px show rows 0..9 exactly; three more below, none above the first.
    expect(fixedRowRange(100, ROW, { scrollTop: 0, height: 440 })).toEqual({ first: 0, last: 12 });
  });

  it('counts a row cut by either edge of the view as shown, and adds three rows each side', () => {
    // 1000..1450 px meets rows 22 (from 968) to 32 (from 1408).
    expect(fixedRowRange(100, ROW, { scrollTop: 1000, height: 450 })).toEqual({ first: 19, last: 35 });
  });

  it('stays within the rows there are', () => {
    expect(fixedRowRange(5, ROW, { scrollTop: 0, height: 800 })).toEqual({ first: 0, last: 4 });
    expect(fixedRowRange(100, ROW, { scrollTop: 100 * ROW - 440, height: 440 })).toEqual({ first: 87, last: 99 });
  });

  it('reads a scroll position past the end (the list just shrank) as the end', () => {
    expect(fixedRowRange(20, ROW, { scrollTop: 5000, height: 440 })).toEqual({ first: 7, last: 19 });
    expect(fixedRowRange(3, ROW, { scrollTop: 5000, height: 440 })).toEqual({ first: 0, last: 2 });
  });

  it('renders only the overscan rows when the view has no height yet, and nothing when there are no rows', () => {
    expect(fixedRowRange(100, ROW, { scrollTop: 0, height: 0 })).toEqual({ first: 0, last: 2 });
    expect(fixedRowRange(0, ROW, { scrollTop: 0, height: 440 })).toBeNull();
  });

  it('takes another overscan when asked', () => {
    expect(fixedRowRange(100, ROW, { scrollTop: 44 * 10, height: 440 }, 0)).toEqual({ first: 10, last: 19 });
  });
});

describe('rowsCovered', () => {
  it('holds while every row in view is already rendered, and not once one is missing', () => {
    const rendered = { scrollTop: 0, height: 440 };
    // Rendered: rows 0..12 (10 in view, three below).
    expect(rowsCovered(100, 44, rendered, { scrollTop: 0, height: 300 })).toBe(true);
    expect(rowsCovered(100, 44, rendered, { scrollTop: 3 * 44, height: 440 })).toBe(true);
    expect(rowsCovered(100, 44, rendered, { scrollTop: 3 * 44 + 1, height: 440 })).toBe(false);
    expect(rowsCovered(100, 44, rendered, { scrollTop: 0, height: 880 })).toBe(false);
    expect(rowsCovered(0, 44, rendered, { scrollTop: 0, height: 880 })).toBe(true);
  });
});

describe('useFixedRowWindow', () => {
  it('windows the first render by initialHeight (not the window height), before anything is measured', () => {
    const scrollRef = { current: null };
    const { result } = renderHook(() => useFixedRowWindow({ count: 1000, rowHeight: 44, scrollRef, initialHeight: () => 440 }));
    expect(result.current.items.map((item) => item.index)).toEqual([...Array(13).keys()]);
    expect(result.current.totalSize).toBe(44_000);
  });

  it('takes the window height when no initialHeight is given', () => {
    const scrollRef = { current: null };
    const { result } = renderHook(() => useFixedRowWindow({ count: 1000, rowHeight: 44, scrollRef }));
    expect(result.current.items).toHaveLength(Math.ceil(window.innerHeight / 44) + 3);
  });
});
