import { cloneElement, isValidElement, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { ComponentType, FocusEvent, MouseEvent, ReactElement, Ref, TouchEvent } from 'react';
import type { TooltipProps } from '@mui/material/Tooltip';
import { useForkRef } from '@mui/material/utils';
import { chunkLoader } from '../pages/page-loads';

/** The props MUI's Tooltip keeps for itself; it passes every other one on to its child (Tooltip.js: `...other`). */
const TOOLTIP_OWN_PROPS = new Set([
  'arrow', 'children', 'classes', 'describeChild', 'disableFocusListener', 'disableHoverListener', 'disableInteractive',
  'disableTouchListener', 'enterDelay', 'enterNextDelay', 'enterTouchDelay', 'followCursor', 'id', 'leaveDelay',
  'leaveTouchDelay', 'onClose', 'onOpen', 'open', 'placement', 'slotProps', 'slots', 'title', 'ref',
]);

/** The child props the stand-in reads or composes. */
interface ChildProps {
  className?: string;
  ref?: Ref<Element>;
  onMouseOver?: (event: MouseEvent) => void;
  onMouseLeave?: (event: MouseEvent) => void;
  onMouseDown?: (event: MouseEvent) => void;
  onFocus?: (event: FocusEvent) => void;
  onTouchStart?: (event: TouchEvent) => void;
}

/** Calls the child's own handler, then ours: the order MUI's Tooltip composes them in. */
function composed<E>(ours: (event: E) => void, theirs: ((event: E) => void) | undefined): (event: E) => void {
  return (event) => {
    theirs?.(event);
    ours(event);
  };
}

/** Whether the child's own popup (a menu it opened) is open: it is the popup's anchor, so it must not be replaced now. */
function popupOpen(node: Element | null): boolean {
  return node !== null && (node.getAttribute('aria-expanded') === 'true' || node.querySelector('[aria-expanded="true"]') !== null);
}

/** What the stand-in hands over to MUI's Tooltip when it takes its place: where the focus and the pointer were. */
interface HandOver {
  focus: boolean;
  hover: boolean;
}

/** A tooltip whose code loads in its own chunk (see `LazyTooltip`), and how to load that chunk ahead of need. */
export type LazyTooltipComponent = ((props: TooltipProps) => React.JSX.Element) & { preload: () => Promise<void> };

/**
 * A Tooltip (MUI's props, look and behaviour) whose code `load` brings in its own chunk, so the app bar and the first
 * page paint without it (and without Popper). Until then the child renders with exactly what the closed Tooltip would
 * give it (its `aria-label`, or with `describeChild` its `title`, and the Tooltip's other props), so names stay the
 * same. The first pointer, focus or touch on the child loads the code (`preload` does, at idle); once it is in, the
 * Tooltip takes the child's place (a new DOM node: refs are called with it) and is told where the pointer and the
 * focus are, so the first hover still opens it. The swap is committed at once (no input event lands between the old
 * node and the new), and never while a press on the child is under way or its own popup is open (`aria-expanded`):
 * then the stand-in stays until the next pointer or focus on it, so a click is not split across two nodes and a menu
 * keeps the node it was anchored to.
 */
export function lazyTooltip(load: () => Promise<ComponentType<TooltipProps>>): LazyTooltipComponent {
  const tooltipChunk = chunkLoader(load);
  const waiting = new Set<() => void>();
  // Loads the Tooltip's code (once; again after a failure), and every stand-in on screen hands over to it.
  const preload = (): Promise<void> =>
    tooltipChunk.ensure().then(() => {
      for (const onLoaded of waiting) onLoaded();
    });

  function LazyTooltipView(props: TooltipProps): React.JSX.Element {
    const [loaded, setLoaded] = useState<{ Tooltip: ComponentType<TooltipProps> } | undefined>(() => {
      const Tooltip = tooltipChunk.loaded();
      return Tooltip === undefined ? undefined : { Tooltip };
    });
    const node = useRef<Element | null>(null);
    const hovered = useRef(false);
    const pressed = useRef(false);
    const touched = useRef(false);
    const handOver = useRef<HandOver | undefined>(undefined);
    const children: ReactElement<ChildProps> = isValidElement<ChildProps>(props.children) ? props.children : <span>{props.children}</span>;
    const childRef = useForkRef(children.props.ref, props.ref as Ref<Element> | undefined, node);
    const tooltipRef = useForkRef(props.ref as Ref<Element> | undefined, node);

    // Swaps in the Tooltip; `now` commits it before the next input event (not possible from inside an effect).
    const takeOver = (now: boolean): void => {
      const Tooltip = tooltipChunk.loaded();
      if (Tooltip === undefined || pressed.current || popupOpen(node.current)) return;
      handOver.current = { focus: node.current?.contains(document.activeElement) ?? false, hover: hovered.current };
      if (now) flushSync(() => setLoaded({ Tooltip }));
      else setLoaded({ Tooltip });
    };
    const openProp = props.open;
    useEffect(() => {
      if (loaded !== undefined) return undefined;
      // takeOver reads only refs and the loaded chunk, so the one from this render stays right.
      const onLoaded = (): void => takeOver(true);
      waiting.add(onLoaded);
      if (tooltipChunk.loaded() !== undefined) takeOver(false);
      else if (openProp === true) void preload().catch(() => undefined);
      return () => {
        waiting.delete(onLoaded);
      };
    }, [loaded, openProp]);
    useLayoutEffect(() => {
      const pending = handOver.current;
      handOver.current = undefined;
      const current = node.current;
      if (loaded === undefined || pending === undefined || !(current instanceof HTMLElement)) return;
      if (pending.focus) current.focus();
      if (pending.hover) current.dispatchEvent(new window.MouseEvent('mouseover', { bubbles: true }));
    }, [loaded]);

    if (loaded !== undefined) return <loaded.Tooltip {...props} ref={tooltipRef} />;

    const { describeChild = false, disableFocusListener = false, disableHoverListener = false, disableTouchListener = false, title } = props;
    const other: Record<string, unknown> = Object.fromEntries(Object.entries(props).filter(([name]) => !TOOLTIP_OWN_PROPS.has(name)));
    // The child was pointed at, focused or touched: load the code, or if it is in, hand over to it now.
    const reach = (): void => {
      if (tooltipChunk.loaded() === undefined) void preload().catch(() => undefined);
      else takeOver(true);
    };
    const titleIsString = typeof title === 'string';
    // What MUI's Tooltip gives its child while closed (Tooltip.js: nameOrDescProps, then its other props, then the child's own).
    const nameOrDesc = describeChild
      ? { title: titleIsString && !disableHoverListener ? title : undefined }
      : { 'aria-label': titleIsString ? title : undefined };
    const childProps: ChildProps & Record<string, unknown> = {
      ...nameOrDesc,
      ...other,
      ...children.props,
      className: [props.className, children.props.className].filter(Boolean).join(' ') || undefined,
      ref: childRef,
    };
    if (!disableTouchListener) {
      childProps.onTouchStart = composed(() => {
        touched.current = true;
        reach();
      }, children.props.onTouchStart);
    }
    if (!disableHoverListener) {
      childProps.onMouseOver = composed(() => {
        // A tap's emulated mouseover does not open MUI's Tooltip (it waits for a long press), so it is no hover here.
        if (!touched.current) hovered.current = true;
        reach();
      }, children.props.onMouseOver);
      childProps.onMouseLeave = composed(() => {
        hovered.current = false;
        pressed.current = false;
      }, children.props.onMouseLeave);
    }
    childProps.onMouseDown = composed(() => {
      pressed.current = true;
    }, children.props.onMouseDown);
    if (!disableFocusListener) childProps.onFocus = composed(reach, children.props.onFocus);
    return cloneElement(children, childProps);
  }
  return Object.assign(LazyTooltipView, { preload });
}

/** MUI's Tooltip, with its code (and Popper's) in its own chunk: same props; see `lazyTooltip`. */
export const LazyTooltip = lazyTooltip(() => import('@mui/material/Tooltip').then((module) => module.default));

/** Loads MUI's Tooltip code ahead of the first hover (the app does it once idle). */
export const preloadTooltip = LazyTooltip.preload;
