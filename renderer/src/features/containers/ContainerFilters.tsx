import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import FormControl from '@mui/material/FormControl';
import InputAdornment from '@mui/material/InputAdornment';
import InputLabel from '@mui/material/InputLabel';
import NativeSelect from '@mui/material/NativeSelect';
import OutlinedInput from '@mui/material/OutlinedInput';
import Stack from '@mui/material/Stack';
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
 * An outlined, labelled native select (the browser's own list, so no MUI menu, popover or modal code is needed to
 * paint the filter bar); its label always sits in the outline, as a value is always chosen.
 */
function OutlinedNativeSelect({ id, label, value, onChange, minWidth, options }: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  minWidth: number;
  options: readonly { value: string; label: string }[];
}): React.JSX.Element {
  return (
    <FormControl size="small" sx={{ minWidth }}>
      <InputLabel htmlFor={id} shrink>
        {label}
      </InputLabel>
      <NativeSelect id={id} value={value} onChange={(event) => onChange(event.target.value)} input={<OutlinedInput label={label} notched />}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </NativeSelect>
    </FormControl>
  );
}

const STATE_OPTIONS = [{ value: 'all', label: 'All states' }, ...CONTAINER_STATES.map((state) => ({ value: state, label: state }))];

/**
 * The search box ("Search containers"), the state filter ("State") and the Compose project filter, so a project can
 * be shown on its own: one toggle chip per project (a group named "Compose projects"; each chip says if it is
 * pressed), or, past MAX_PROJECT_CHIPS projects, a select named "Project". The selects are native ones.
 */
export function ContainerFilters({ filter, onChange, projects }: ContainerFiltersProps): React.JSX.Element {
  const chips: { value: string; label: string }[] = [
    { value: 'all', label: 'All projects' },
    ...projects.map((entry) => ({ value: entry.project, label: projectLabel(entry) })),
  ];
  return (
    <Stack spacing={1.5}>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1.5}>
        <FormControl size="small" sx={{ minWidth: 260, flexGrow: 1, maxWidth: 480 }}>
          <InputLabel htmlFor="container-search">Search containers</InputLabel>
          <OutlinedInput
            id="container-search"
            type="search"
            label="Search containers"
            value={filter.text}
            onChange={(event) => onChange({ ...filter, text: event.target.value })}
            startAdornment={
              <InputAdornment position="start">
                <Search fontSize="small" />
              </InputAdornment>
            }
          />
        </FormControl>
        <OutlinedNativeSelect
          id="container-state-filter"
          label="State"
          value={filter.state}
          onChange={(state) => onChange({ ...filter, state: state as ContainerFilter['state'] })}
          minWidth={160}
          options={STATE_OPTIONS}
        />
        {projects.length > MAX_PROJECT_CHIPS && (
          <OutlinedNativeSelect
            id="container-project-filter"
            label="Project"
            value={filter.project}
            onChange={(project) => onChange({ ...filter, project })}
            minWidth={200}
            options={chips}
          />
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
