import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { FileEntriesTable } from '../../../../renderer/src/features/files/FileEntriesTable';
import { fakeFilesSubjects } from '../../fake-files';
import { pretendWindowWidth } from '../../window-width';

let restore = (): void => undefined;

afterEach(() => {
  cleanup();
  restore();
});

function ubuntuEntries(): ReturnType<typeof fakeFilesSubjects>[number]['entries'] {
  return fakeFilesSubjects().find((subject) => subject.id === 'Ubuntu-24.04')?.entries ?? [];
}

describe('FileEntriesTable', () => {
  it('shows directory, kind and where on a wide window', () => {
    restore = pretendWindowWidth(1280);
    render(<FileEntriesTable name="Ubuntu-24.04" entries={ubuntuEntries()} />);
    const table = screen.getByRole('table', { name: 'Directories of Ubuntu-24.04' });
    expect(within(table).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual(['Directory', 'Kind', 'Where its files are']);
    expect(within(table).getByText('Windows drive C: — crosses the 9p boundary')).toBeTruthy();
  });

  it('moves the kind under the path below 900 px, keeping the warning', () => {
    restore = pretendWindowWidth(800);
    render(<FileEntriesTable name="Ubuntu-24.04" entries={ubuntuEntries()} />);
    const table = screen.getByRole('table', { name: 'Directories of Ubuntu-24.04' });
    expect(within(table).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual(['Directory', 'Where its files are']);
    const row = within(table).getByText('/mnt/c/Users/alex/web').closest('tr');
    expect(row?.textContent).toContain('Working directory · node, npm');
    expect(row?.textContent).toContain('Windows drive C: — crosses the 9p boundary');
  });
});
