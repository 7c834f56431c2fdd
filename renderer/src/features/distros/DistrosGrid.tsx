import { useMemo } from 'react';
import Chip from '@mui/material/Chip';
import Check from '@mui/icons-material/Check';
import type { Distro } from '../../../../shared/model/distro';
import { hrefFor } from '../../navigation/route';
import { DistroRowActions } from './DistroRowActions';
import { DistroStatePill } from './DistroStateChip';
import type { DistroAction } from './useDistros';
import { SmallTable, type SmallTableColumn } from '../../components/SmallTable';

const distroName = (distro: Distro): string => distro.name;

/** Props of the distro table. */
export interface DistrosGridProps {
  distros: readonly Distro[];
  pending: ReadonlyMap<string, DistroAction>;
  busy: boolean;
  onAction: (action: DistroAction, name: string) => void;
}

/**
 * The distro table, labelled "Distros": name (a link to its detail page), state (its word in a coloured pill), WSL version, default flag and the
 * row actions. It sizes to its rows and renders every row, so each one is in the DOM.
 */
export function DistrosGrid({ distros, pending, busy, onAction }: DistrosGridProps): React.JSX.Element {
  const columns = useMemo<SmallTableColumn<Distro>[]>(
    () => [
      {
        field: 'name',
        headerName: 'Name',
        minWidth: 160,
        render: (row) => (
          <a href={hrefFor('distro', row.name)}>{row.name}</a>
        ),
      },
      {
        field: 'state',
        headerName: 'State',
        width: 140,
        render: (row) => <DistroStatePill state={row.state} />,
      },
      {
        field: 'version',
        headerName: 'Version',
        width: 110,
        value: (row) => `WSL ${row.version}`,
      },
      {
        field: 'isDefault',
        headerName: 'Default',
        width: 130,
        render: (row) =>
          row.isDefault ? <Chip size="small" color="primary" variant="outlined" icon={<Check />} label="Default" /> : null,
      },
      {
        field: 'actions',
        headerName: 'Actions',
        width: 170,
        sortable: false,
        render: (row) => (
          <DistroRowActions distro={row} running={pending.get(row.name)} busy={busy} onAction={onAction} />
        ),
      },
    ],
    [pending, busy, onAction],
  );

  return (
    <SmallTable label="Distros" rows={distros} columns={columns} getRowId={distroName} hideWhenNarrow={['version']} />
  );
}
