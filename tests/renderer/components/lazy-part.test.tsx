import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { lazyPart } from '../../../renderer/src/components/lazy-part';

function Greeting({ name }: { name: string }): React.JSX.Element {
  return <p>Hello {name}</p>;
}

describe('lazyPart', () => {
  it('renders nothing until its code has loaded, then the component with its props', async () => {
    let resolve: (component: typeof Greeting) => void = () => undefined;
    const Part = lazyPart(() => new Promise<typeof Greeting>((done) => (resolve = done)));
    const { container } = render(<Part name="Ada" />);
    expect(container.textContent).toBe('');
    resolve(Greeting);
    expect((await screen.findByText('Hello Ada')).tagName).toBe('P');
  });

  it('after preload, a new mount renders the component in its first render', async () => {
    const Part = lazyPart(() => Promise.resolve(Greeting));
    await Part.preload();
    const { container } = render(<Part name="Grace" />);
    expect(container.textContent).toBe('Hello Grace');
  });

  it('a failed load leaves the part empty without breaking its parent, and the next mount tries again', async () => {
    let calls = 0;
    const Part = lazyPart(() => (++calls === 1 ? Promise.reject(new Error('chunk missing')) : Promise.resolve(Greeting)));
    const first = render(
      <div>
        parent <Part name="Linus" />
      </div>,
    );
    await expect(Part.preload()).rejects.toThrow('chunk missing');
    expect(first.container.textContent).toBe('parent ');
    first.unmount();
    render(<Part name="Linus" />);
    expect((await screen.findByText('Hello Linus')).tagName).toBe('P');
    expect(calls).toBe(2);
  });
});
