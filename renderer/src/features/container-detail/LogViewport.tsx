import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import Box from '@mui/material/Box';
import type { NumberedLine } from './useLogStream';

/** Height of one log line in pixels; lines do not wrap so the window maths stays exact. */
export const LINE_HEIGHT = 20;
const OVERSCAN = 20;
/** The viewport height assumed before layout has measured it (and in layout-less test DOMs). */
const FALLBACK_HEIGHT = 480;

// Styles made once; what changes per line (its position, the canvas height) goes in `style`, so a stream of new lines
// never makes emotion generate and insert a class per position, which restyled the whole page on every batch.
const CANVAS_SX = { position: 'relative', minWidth: 'max-content' } as const;
const ROW_SX = { position: 'absolute', left: 0, right: 0, px: 1, whiteSpace: 'pre', borderLeft: 3 } as const;
const STDOUT_ROW_SX = { ...ROW_SX, borderColor: 'transparent' } as const;
const STDERR_ROW_SX = { ...ROW_SX, borderColor: 'warning.main' } as const;
const TIMESTAMP_SX = { color: 'text.secondary', mr: 1 } as const;

/** Props of the log viewport: the lines to show, whether to stick to the newest, and how a scroll away is reported. */
export interface LogViewportProps {
  label: string;
  lines: readonly NumberedLine[];
  showTimestamps: boolean;
  follow: boolean;
  onScrolledAway: () => void;
}

/**
 * A windowed log view (role "log", named by `label`): only the lines in view plus a margin are in the DOM, so
 * thousands of lines stay cheap. While `follow` is on it keeps the newest line in view; scrolling up reports
 * `onScrolledAway` so the caller can turn following off. stderr lines carry an amber left edge.
 */
export function LogViewport({ label, lines, showTimestamps, follow, onScrolledAway }: LogViewportProps): React.JSX.Element {
  const ref = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(FALLBACK_HEIGHT);

  useEffect(() => {
    const element = ref.current;
    if (element === null || typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(() => setHeight(element.clientHeight || FALLBACK_HEIGHT));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useLayoutEffect(() => {
    const element = ref.current;
    if (element === null || !follow) return;
    element.scrollTop = element.scrollHeight;
    setScrollTop(element.scrollTop);
  }, [follow, lines]);

  const first = Math.max(0, Math.floor(scrollTop / LINE_HEIGHT) - OVERSCAN);
  const last = Math.min(lines.length, Math.ceil((scrollTop + height) / LINE_HEIGHT) + OVERSCAN);
  const shown = lines.slice(first, last);

  return (
    <Box
      ref={ref}
      role="log"
      aria-label={label}
      tabIndex={0}
      onScroll={(event) => {
        const element = event.currentTarget;
        setScrollTop(element.scrollTop);
        const atBottom = element.scrollTop + element.clientHeight >= element.scrollHeight - LINE_HEIGHT;
        if (follow && !atBottom) onScrolledAway();
      }}
      sx={{
        height: '60vh',
        minHeight: 240,
        overflow: 'auto',
        fontFamily: 'ui-monospace, "Cascadia Mono", "DejaVu Sans Mono", Menlo, Consolas, monospace',
        fontSize: 13,
        lineHeight: `${LINE_HEIGHT}px`,
        bgcolor: (theme) => (theme.palette.mode === 'dark' ? 'grey.900' : 'grey.50'),
        border: 1,
        borderColor: 'divider',
        borderRadius: 1,
      }}
    >
      <Box sx={CANVAS_SX} style={{ height: lines.length * LINE_HEIGHT }}>
        {shown.map((line, index) => (
          <Box key={line.seq} sx={line.stream === 'stderr' ? STDERR_ROW_SX : STDOUT_ROW_SX} style={{ top: (first + index) * LINE_HEIGHT }}>
            {showTimestamps && line.timestamp !== null && (
              <Box component="span" sx={TIMESTAMP_SX}>
                {line.timestamp}
              </Box>
            )}
            {line.text}
          </Box>
        ))}
      </Box>
    </Box>
  );
}
