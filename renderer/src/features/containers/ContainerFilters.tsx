import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import ArrowDropDown from '@mui/icons-material/ArrowDropDown';
import Search from '@mui/icons-material/Search';
import { CHIP_CLASS, FIELD_CLASS } from '../../components/plain-controls-style';
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

/** An outlined, labelled native select (the browser's own list, so no MUI menu, popover or modal code is needed). */
function OutlinedNativeSelect({ id, label, value, onChange, minWidth, options }: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  minWidth: number;
  options: readonly { value: string; label: string }[];
}): React.JSX.Element {
  return (
    <div className={FIELD_CLASS} style={{ minWidth }}>
      <label className="label" htmlFor={id}>
        {label}
      </label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <ArrowDropDown className="arrow" />
    </div>
  );
}

const STATE_OPTIONS = [{ value: 'all', label: 'All states' }, ...CONTAINER_STATES.map((state) => ({ value: state, label: state }))];

/**
 * The search box ("Search containers"), the state filter ("State") and the Compose project filter, so a project can
 * be shown on its own: one toggle chip per project (a group named "Compose projects"; each chip says if it is
 * pressed), or, past MAX_PROJECT_CHIPS projects, a select named "Project". The controls are native ones in the look
 * of MUI's outlined fields and chips (the shell's `PlainControlsStyles`), which costs the page's first render far less.
 */
export function ContainerFilters({ filter, onChange, projects }: ContainerFiltersProps): React.JSX.Element {
  const chips: { value: string; label: string }[] = [
    { value: 'all', label: 'All projects' },
    ...projects.map((entry) => ({ value: entry.project, label: projectLabel(entry) })),
  ];
  return (
    <Stack spacing={1.5}>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1.5}>
        <div className={FIELD_CLASS} style={{ minWidth: 260, flexGrow: 1, maxWidth: 480 }}>
          <label className="label" htmlFor="container-search">
            Search containers
          </label>
          <Search fontSize="small" className="icon" />
          <input id="container-search" type="search" value={filter.text} onChange={(event) => onChange({ ...filter, text: event.target.value })} />
        </div>
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
          {chips.map((chip) => (
            <button key={chip.value} type="button" className={CHIP_CLASS} aria-pressed={filter.project === chip.value} onClick={() => onChange({ ...filter, project: chip.value })}>
              {chip.label}
            </button>
          ))}
        </Box>
      )}
    </Stack>
  );
}
