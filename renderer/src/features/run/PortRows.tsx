import { memo } from 'react';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import type { RunProblem } from '../../../../shared/model/run-container';
import { emptyPortRow, nextRowKey, problemOn, type PortRow } from './run-form';
import { RowList } from './RowList';

/** Props of the published-ports editor. */
export interface PortRowsProps {
  rows: readonly PortRow[];
  disabled: boolean;
  /** The form's problems; each row shows its own (`ports.<row>`). */
  problems: readonly RunProblem[];
  onChange: (rows: PortRow[]) => void;
}

const PROTOCOLS: readonly PortRow['protocol'][] = ['tcp', 'udp', 'sctp'];

/**
 * The `-p` rows: host address (127.0.0.1 unless changed), host port (empty: the engine picks one), container port
 * and protocol, each field named with its row number ("Host port 1").
 */
function Rows({ rows, disabled, problems, onChange }: PortRowsProps): React.JSX.Element {
  const change = (key: number, patch: Partial<PortRow>): void => onChange(rows.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  return (
    <RowList
      rows={rows}
      noun="port"
      idPrefix="run-port"
      emptyText="No published ports: nothing outside reaches it except through its networks."
      disabled={disabled}
      problemOf={(index) => problemOn(problems, `ports.${index}`)}
      onAdd={() => onChange([...rows, emptyPortRow(nextRowKey(rows))])}
      onRemove={(key) => onChange(rows.filter((row) => row.key !== key))}
      renderRow={(row, index, { describedBy, error }) => {
        const input = (name: string, extra: Record<string, unknown> = {}) => ({
          htmlInput: { 'aria-label': `${name} ${index + 1}`, 'aria-describedby': describedBy, spellCheck: false, ...extra },
        });
        return (
          <>
            <TextField
              size="small"
              label="Host IP"
              value={row.hostIp}
              onChange={(event) => change(row.key, { hostIp: event.target.value })}
              error={error}
              disabled={disabled}
              sx={{ flex: '1 1 110px', maxWidth: 170 }}
              slotProps={input('Host IP')}
            />
            <TextField
              size="small"
              label="Host port"
              placeholder="any"
              value={row.hostPort}
              onChange={(event) => change(row.key, { hostPort: event.target.value })}
              error={error}
              disabled={disabled}
              sx={{ flex: '1 1 88px', maxWidth: 120 }}
              slotProps={input('Host port', { inputMode: 'numeric' })}
            />
            <TextField
              size="small"
              label="Container port"
              value={row.containerPort}
              onChange={(event) => change(row.key, { containerPort: event.target.value })}
              error={error}
              disabled={disabled}
              sx={{ flex: '1 1 118px', maxWidth: 150 }}
              slotProps={input('Container port', { inputMode: 'numeric' })}
            />
            <TextField
              select
              size="small"
              label="Protocol"
              value={row.protocol}
              onChange={(event) => change(row.key, { protocol: PROTOCOLS.find((protocol) => protocol === event.target.value) ?? 'tcp' })}
              disabled={disabled}
              sx={{ flex: '0 0 84px' }}
              slotProps={{ select: { SelectDisplayProps: { 'aria-label': `Protocol ${index + 1}`, 'aria-labelledby': undefined } } }}
            >
              {PROTOCOLS.map((protocol) => (
                <MenuItem key={protocol} value={protocol}>
                  {protocol}
                </MenuItem>
              ))}
            </TextField>
          </>
        );
      }}
    />
  );
}

/** The published-port rows, drawn again only when its rows or the problems change. */
export const PortRows = memo(Rows);
