import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import InputAdornment from '@mui/material/InputAdornment';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Search from '@mui/icons-material/Search';
import { CONTAINER_STATES } from '../../../../shared/model/container-states';
import { NO_PROJECT, type ContainerFilter, type ProjectCount } from './filter-containers';

/** Props of the filter bar: the filter, its setter, and the projects to offer. */
export interface ContainerFiltersProps {
  filter: ContainerFilter;
  onChange: (filter: ContainerFilter) => void;
  projects: readonly ProjectCount[];
}

function projectLabel({ project, count }: ProjectCount): string {
  return `${project === NO_PROJECT ? 'No project' : project} (${count})`;
}

/** Up to this many Compose projects get a chip each; more get a "Project" select, so the table keeps its room. */
const MAX_PROJECT_CHIPS = 6;

/**
 * The search box ("Search containers"), the state filter ("State") and the Compose project filter, so a project can
 * be shown on its own: one toggle chip per project (a group named "Compose projects"; each chip says if it is
 * pressed), or, past MAX_PROJECT_CHIPS projects, a select named "Project".
 */
export function ContainerFilters({ filter, onChange, projects }: ContainerFiltersProps): React.JSX.Element {
  const chips: { value: string; label: string }[] = [
    { value: 'all', label: 'All projects' },
    ...projects.map((entry) => ({ value: entry.project, label: projectLabel(entry) })),
  ];
  return (
    <Stack spacing={1.5}>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1.5}>
        <TextField
          size="small"
          type="search"
          label="Search containers"
          value={filter.text}
          onChange={(event) => onChange({ ...filter, text: event.target.value })}
          sx={{ minWidth: 260, flexGrow: 1, maxWidth: 480 }}
          slotProps={{
            input: {
              startAdornment: (
                <InputAdornment position="start">
                  <Search fontSize="small" />
                </InputAdornment>
              ),
            },
          }}
        />
        <TextField
          select
          size="small"
          label="State"
          value={filter.state}
          onChange={(event) => onChange({ ...filter, state: event.target.value as ContainerFilter['state'] })}
          sx={{ minWidth: 160 }}
        >
          <MenuItem value="all">All states</MenuItem>
          {CONTAINER_STATES.map((state) => (
            <MenuItem key={state} value={state}>
              {state}
            </MenuItem>
          ))}
        </TextField>
        {projects.length > MAX_PROJECT_CHIPS && (
          <TextField
            select
            size="small"
            label="Project"
            value={filter.project}
            onChange={(event) => onChange({ ...filter, project: event.target.value })}
            sx={{ minWidth: 200 }}
          >
            {chips.map((chip) => (
              <MenuItem key={chip.value} value={chip.value}>
                {chip.label}
              </MenuItem>
            ))}
          </TextField>
        )}
      </Stack>
      {projects.length > 0 && projects.length <= MAX_PROJECT_CHIPS && (
        <Box role="group" aria-label="Compose projects" sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }}>
          {chips.map((chip) => {
            const pressed = filter.project === chip.value;
            return (
              <Chip
                key={chip.value}
                label={chip.label}
                clickable
                aria-pressed={pressed}
                color={pressed ? 'primary' : 'default'}
                variant={pressed ? 'filled' : 'outlined'}
                onClick={() => onChange({ ...filter, project: chip.value })}
              />
            );
          })}
        </Box>
      )}
    </Stack>
  );
}
