import { useState } from 'react';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PathField } from '../../../renderer/src/components/PathField';
import { FakeLightdock } from '../fake-lightdock';
import { renderWithHost } from '../render-with-host';

function Harness({ initial = '' }: { initial?: string }): React.JSX.Element {
  const [value, setValue] = useState(initial);
  return <PathField label="Context folder" value={value} onChange={setValue} purpose="folder" />;
}

describe('PathField', () => {
  it('is a plain text field where the host has no picker (the browser host)', async () => {
    const { host } = renderWithHost(<Harness />);
    const field = screen.getByRole('textbox', { name: 'Context folder' });
    fireEvent.change(field, { target: { value: '/srv/app' } });
    expect(field).toHaveProperty('value', '/srv/app');
    await waitFor(() => expect(host.callsTo('app:info')).toHaveLength(1));
    expect(screen.queryByRole('button', { name: 'Browse for Context folder' })).toBeNull();
  });

  it('offers the native picker in the desktop app and fills the field with the chosen path', async () => {
    const host = new FakeLightdock();
    host.info = { ...host.info, canPickPaths: true };
    host.pickedPath = '/home/alex/app';
    renderWithHost(<Harness initial="/home/alex" />, host);
    fireEvent.click(await screen.findByRole('button', { name: 'Browse for Context folder' }));
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Context folder' })).toHaveProperty('value', '/home/alex/app'));
    expect(host.callsTo('dialog:pick-path')).toEqual([{ purpose: 'folder', title: 'Context folder', defaultPath: '/home/alex' }]);
  });

  it('keeps the typed path when the picker is dismissed', async () => {
    const host = new FakeLightdock();
    host.info = { ...host.info, canPickPaths: true };
    host.pickedPath = null;
    renderWithHost(<Harness initial="/srv/typed" />, host);
    fireEvent.click(await screen.findByRole('button', { name: 'Browse for Context folder' }));
    await waitFor(() => expect(host.callsTo('dialog:pick-path')).toHaveLength(1));
    expect(screen.getByRole('textbox', { name: 'Context folder' })).toHaveProperty('value', '/srv/typed');
  });
});
