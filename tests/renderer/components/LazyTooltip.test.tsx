import { createRef, type ComponentType, type ReactElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen } from '@testing-library/react';
import Tooltip, { type TooltipProps } from '@mui/material/Tooltip';
import { LazyTooltip, lazyTooltip } from '../../../renderer/src/components/LazyTooltip';

/** A tooltip whose code arrives when the test says so, and how often it was asked for. */
function deferredTooltip(): { Lazy: ReturnType<typeof lazyTooltip>; loads: () => number; arrive: () => Promise<void> } {
  let deliver: (component: ComponentType<TooltipProps>) => void = () => undefined;
  const arrived = new Promise<ComponentType<TooltipProps>>((done) => (deliver = done));
  const load = vi.fn(() => arrived);
  return {
    Lazy: lazyTooltip(load),
    loads: () => load.mock.calls.length,
    arrive: async () => {
      deliver(Tooltip);
      await act(async () => {
        await arrived;
      });
    },
  };
}

/** The attributes by which a Tooltip names or describes its child. */
function namingOf(element: Element): Record<string, string | null> {
  const names = ['aria-label', 'title', 'aria-describedby', 'aria-labelledby', 'data-testid'];
  return Object.fromEntries(names.map((name) => [name, element.getAttribute(name)]));
}

const CASES: { name: string; props: Omit<TooltipProps, 'children'>; child: ReactElement }[] = [
  { name: 'a string title names an unnamed child', props: { title: 'Quick actions' }, child: <button>⚡</button> },
  { name: 'the wrapper of a disabled button is named, the button keeps its own name', props: { title: 'Remove' }, child: <span><button aria-label="Remove web" disabled>x</button></span> },
  { name: "the child's own aria-label wins", props: { title: 'Notifications (2 unread)' }, child: <button aria-label="Notifications">b</button> },
  { name: 'describeChild: the title attribute describes the child', props: { title: 'The host is simulated.', describeChild: true }, child: <button>Simulated</button> },
  { name: 'describeChild without hover listener: no title', props: { title: 'Hidden', describeChild: true, disableHoverListener: true }, child: <button>Plain</button> },
  { name: 'an empty title with the aria-label left undefined', props: { title: '', placement: 'right' }, child: <button aria-label={undefined}>Distros</button> },
  { name: 'a rich title names nothing', props: { title: <b>Rich</b> }, child: <button>Rich child</button> },
  { name: "the Tooltip's other props go to the child", props: { title: 'Tip', 'data-testid': 'tipped' } as Omit<TooltipProps, 'children'>, child: <button>Other</button> },
];

describe('LazyTooltip', () => {
  it.each(CASES)('before its code loads, names the child as MUI Tooltip does: $name', ({ props, child }) => {
    const load = vi.fn(() => Promise.resolve(Tooltip));
    const Lazy = lazyTooltip(load);
    const mui = render(<Tooltip {...props}>{child}</Tooltip>);
    const expected = namingOf(mui.container.firstElementChild!);
    const expectedName = screen.getAllByRole('button').map((button) => button.getAttribute('aria-label') ?? button.textContent);
    mui.unmount();
    const lazy = render(<Lazy {...props}>{child}</Lazy>);
    const stood = lazy.container.firstElementChild!;
    expect(namingOf(stood)).toEqual(expected);
    expect(screen.getAllByRole('button').map((button) => button.getAttribute('aria-label') ?? button.textContent)).toEqual(expectedName);
    expect(stood.hasAttribute('data-mui-internal-clone-element')).toBe(false);
    expect(load).not.toHaveBeenCalled();
  });

  it('a first hover loads the code and, the pointer still there, opens the tooltip; name and ref reach the new node', async () => {
    const { Lazy, loads, arrive } = deferredTooltip();
    const ref = createRef<HTMLButtonElement>();
    render(
      <Lazy title="Quick actions">
        <button ref={ref}>⚡</button>
      </Lazy>,
    );
    expect(ref.current).toBe(screen.getByRole('button', { name: 'Quick actions' }));
    fireEvent.mouseOver(screen.getByRole('button', { name: 'Quick actions' }));
    fireEvent.mouseOver(screen.getByRole('button', { name: 'Quick actions' }));
    expect(loads()).toBe(1);
    expect(screen.queryByRole('tooltip')).toBeNull();
    await arrive();
    expect((await screen.findByRole('tooltip')).textContent).toBe('Quick actions');
    const button = screen.getByRole('button', { name: 'Quick actions' });
    expect(button.hasAttribute('data-mui-internal-clone-element')).toBe(true);
    expect(ref.current).toBe(button);
    fireEvent.mouseLeave(button);
    await vi.waitFor(() => expect(screen.queryByRole('tooltip')).toBeNull());
  });

  it('a press under way when the code comes keeps its node (the click and a menu anchored to it stay whole); the next hover swaps it', async () => {
    const { Lazy, arrive } = deferredTooltip();
    const anchors: Element[] = [];
    render(
      <Lazy title="Quick actions">
        <button onClick={(event) => anchors.push(event.currentTarget)}>⚡</button>
      </Lazy>,
    );
    const pressedNode = screen.getByRole('button', { name: 'Quick actions' });
    fireEvent.mouseOver(pressedNode);
    fireEvent.mouseDown(pressedNode);
    await arrive();
    expect(screen.getByRole('button', { name: 'Quick actions' })).toBe(pressedNode);
    fireEvent.mouseUp(pressedNode);
    fireEvent.click(pressedNode);
    expect(anchors).toEqual([pressedNode]);
    expect(pressedNode.isConnected).toBe(true);
    fireEvent.mouseLeave(pressedNode);
    fireEvent.mouseOver(pressedNode);
    expect((await screen.findByRole('tooltip')).textContent).toBe('Quick actions');
    const swapped = screen.getByRole('button', { name: 'Quick actions' });
    expect(swapped).not.toBe(pressedNode);
    fireEvent.click(swapped);
    expect(anchors).toEqual([pressedNode, swapped]);
  });

  it('a pointer that left before the code came opens nothing', async () => {
    const { Lazy, arrive } = deferredTooltip();
    render(
      <Lazy title="Remove">
        <button>x</button>
      </Lazy>,
    );
    fireEvent.mouseOver(screen.getByRole('button', { name: 'Remove' }));
    fireEvent.mouseLeave(screen.getByRole('button', { name: 'Remove' }));
    await arrive();
    expect(screen.getByRole('button', { name: 'Remove' }).hasAttribute('data-mui-internal-clone-element')).toBe(true);
    await new Promise((done) => setTimeout(done, 200));
    expect(screen.queryByRole('tooltip')).toBeNull();
  });

  it('describeChild: the title describes the child until hovered, then the open tooltip does', async () => {
    const { Lazy, arrive } = deferredTooltip();
    render(
      <Lazy describeChild title="The WSL host is simulated.">
        <button>Simulated</button>
      </Lazy>,
    );
    const standIn = screen.getByRole('button', { name: 'Simulated' });
    expect(standIn.getAttribute('title')).toBe('The WSL host is simulated.');
    fireEvent.mouseOver(standIn);
    await arrive();
    const tooltip = await screen.findByRole('tooltip');
    expect(tooltip.textContent).toBe('The WSL host is simulated.');
    const button = screen.getByRole('button', { name: 'Simulated' });
    expect(button.getAttribute('aria-describedby')).toBe(tooltip.id);
    expect(button.hasAttribute('title')).toBe(false);
  });

  it('keeps the keyboard focus on the child when the Tooltip takes its place', async () => {
    const { Lazy, loads, arrive } = deferredTooltip();
    render(
      <Lazy title="Notifications">
        <button>n</button>
      </Lazy>,
    );
    act(() => screen.getByRole('button', { name: 'Notifications' }).focus());
    expect(loads()).toBe(1);
    await arrive();
    const button = screen.getByRole('button', { name: 'Notifications' });
    expect(button.hasAttribute('data-mui-internal-clone-element')).toBe(true);
    expect(document.activeElement).toBe(button);
  });

  it("while the child's popup is open it keeps its node (the popup's anchor), and hands over on the next hover", async () => {
    const { Lazy, arrive } = deferredTooltip();
    const view = (expanded: boolean): ReactElement => (
      <Lazy title="Quick actions">
        <button aria-haspopup="menu" aria-expanded={expanded}>
          ⚡
        </button>
      </Lazy>
    );
    const { rerender } = render(view(true));
    const anchor = screen.getByRole('button', { name: 'Quick actions' });
    fireEvent.mouseOver(anchor);
    await arrive();
    expect(screen.getByRole('button', { name: 'Quick actions' })).toBe(anchor);
    rerender(view(false));
    expect(screen.getByRole('button', { name: 'Quick actions' })).toBe(anchor);
    fireEvent.mouseOver(anchor);
    expect((await screen.findByRole('tooltip')).textContent).toBe('Quick actions');
    expect(screen.getByRole('button', { name: 'Quick actions' })).not.toBe(anchor);
  });

  it('after preload, a stand-in on screen and a new mount are MUI Tooltips', async () => {
    const load = vi.fn(() => Promise.resolve(Tooltip));
    const Lazy = lazyTooltip(load);
    render(
      <Lazy title="Start debian">
        <button>s</button>
      </Lazy>,
    );
    await act(() => Lazy.preload());
    render(
      <Lazy title="Stop debian">
        <button>t</button>
      </Lazy>,
    );
    expect(load).toHaveBeenCalledTimes(1);
    for (const name of ['Start debian', 'Stop debian']) {
      expect(screen.getByRole('button', { name }).hasAttribute('data-mui-internal-clone-element')).toBe(true);
    }
    fireEvent.mouseOver(screen.getByRole('button', { name: 'Stop debian' }));
    expect((await screen.findByRole('tooltip')).textContent).toBe('Stop debian');
  });

  it("LazyTooltip loads MUI's own Tooltip chunk on the first hover", async () => {
    render(
      <LazyTooltip title="Remove">
        <span>
          <button aria-label="Remove web">x</button>
        </span>
      </LazyTooltip>,
    );
    fireEvent.mouseOver(screen.getByRole('button', { name: 'Remove web' }));
    expect((await screen.findByRole('tooltip')).textContent).toBe('Remove');
  });
});
