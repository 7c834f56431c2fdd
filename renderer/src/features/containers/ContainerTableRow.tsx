import { memo } from 'react';
import IconButton from '@mui/material/IconButton';
import ChevronRight from '@mui/icons-material/ChevronRight';
import ExpandMore from '@mui/icons-material/ExpandMore';
import type { ContainerRow } from '../../../../shared/model/container';
import type { ComposeProject } from '../../../../shared/model/compose';
import { useComposeRow } from '../compose/compose-row-context';
import { ProjectActionsMenu } from '../compose/ProjectActionsMenu';
import { hrefFor } from '../../navigation/route';
import { ActionsCell, CpuCell, MemoryCell, ProjectCpuCell, ProjectMemoryCell } from './ContainerLiveCells';
import type { ContainerNode, ContainerTreeNode, ProjectNode } from './container-tree';
import { stateClass } from './containers-table-style';
import { shownPorts } from './published-ports';
import type { OptionalColumns } from './table-columns';

/** What one visible row of the containers table is told. */
export interface RowProps {
  node: ContainerTreeNode;
  depth: number;
  expanded: boolean;
  onToggleExpanded: (id: string) => void;
  selected: boolean;
  partlySelected: boolean;
  onToggleSelected: (node: ContainerTreeNode, selected: boolean) => void;
  index: number;
  /** The optional columns shown at this window width. */
  columns: OptionalColumns;
}

/** A native checkbox (cheaper than MUI's in a virtualized table) with its name and an indeterminate state. */
export function SelectBox({ label, checked, indeterminate = false, onChange }: { label: string; checked: boolean; indeterminate?: boolean; onChange: (checked: boolean) => void }): React.JSX.Element {
  return (
    <input
      type="checkbox"
      aria-label={label}
      checked={checked}
      ref={(input) => {
        if (input) input.indeterminate = indeterminate;
      }}
      onChange={(event) => onChange(event.target.checked)}
    />
  );
}

function projectSummary(count: number, running: number, project: ComposeProject | undefined): string {
  const counts = count === 0 ? 'down, no containers' : `${count} ${count === 1 ? 'container' : 'containers'} · ${running} running`;
  const dir = project?.workingDir ?? null;
  return dir === null ? `Compose project · ${counts}` : `Compose project · ${counts} · ${dir}`;
}

function projectTooltip(project: ComposeProject | undefined): string | undefined {
  if (project === undefined) return undefined;
  const files = project.configFiles.length === 0 ? 'unknown' : project.configFiles.join(', ');
  return `Working directory: ${project.workingDir ?? 'unknown'}\nConfig files: ${files}`;
}

function ProjectRow({ node, expanded, onToggleExpanded, selected, partlySelected, onToggleSelected, index, columns }: RowProps & { node: ProjectNode }): React.JSX.Element {
  const running = node.containers.filter((container) => container.state === 'running').length;
  const count = node.containers.length;
  const compose = useComposeRow();
  const project = compose?.projects.get(node.project);
  return (
    <tr className={selected ? 'project selected' : 'project'} aria-rowindex={index + 2} data-project={node.project}>
      <td className="select">
        <SelectBox label={`Select project ${node.project}`} checked={selected} indeterminate={partlySelected} onChange={(on) => onToggleSelected(node, on)} />
      </td>
      <td>
        <IconButton
          size="small"
          sx={{ ml: -1, mr: 0.5 }}
          onClick={() => onToggleExpanded(node.id)}
          aria-expanded={expanded}
          aria-label={`${expanded ? 'Collapse' : 'Expand'} project ${node.project}`}
        >
          {expanded ? <ExpandMore fontSize="small" /> : <ChevronRight fontSize="small" />}
        </IconButton>
        <span className="project-name">{node.project}</span>
      </td>
      <td colSpan={1 + Number(columns.image) + Number(columns.ports)} className="muted" title={projectTooltip(project)}>
        {projectSummary(count, running, project)}
      </td>
      <td className="number">
        <ProjectCpuCell containers={node.containers} />
      </td>
      <td className="number">
        <ProjectMemoryCell containers={node.containers} />
      </td>
      <td>{compose !== null && <ProjectActionsMenu name={node.project} project={project} onAction={compose.onAction} />}</td>
    </tr>
  );
}

function PortCell({ container }: { container: ContainerRow }): React.JSX.Element {
  const shown = shownPorts(container.ports);
  if (shown.length === 0) return <td className="muted">—</td>;
  return (
    <td className="ports">
      {shown.map((port) =>
        port.url === null ? (
          <span key={port.key}>{port.text}</span>
        ) : (
          // The visible port text is in the name outside parentheses, which screen-reader matching (WCAG 2.5.3) ignores.
          <a key={port.key} href={port.url} target="_blank" rel="noopener noreferrer" aria-label={`Open ${port.url}, ${container.name} port ${port.text}`}>
            {port.text}
          </a>
        ),
      )}
    </td>
  );
}

function ContainerLine({ node, depth, selected, onToggleSelected, index, columns }: RowProps & { node: ContainerNode }): React.JSX.Element {
  const row = node.container;
  return (
    <tr className={selected ? 'selected' : undefined} aria-rowindex={index + 2} data-depth={depth} data-id={row.id}>
      <td className="select">
        <SelectBox label={`Select ${row.name}`} checked={selected} onChange={(on) => onToggleSelected(node, on)} />
      </td>
      <td className={depth > 0 ? 'nested' : undefined} title={columns.image ? undefined : `${row.name} (${row.image})`}>
        <a href={hrefFor('container', row.id)} aria-label={`Open ${row.name}`}>
          {row.name}
        </a>
      </td>
      {columns.image && <td title={row.image}>{row.image}</td>}
      <td title={row.status}>
        <span className={stateClass(row.state)}>{row.state}</span>
      </td>
      {columns.ports && <PortCell container={row} />}
      <td className="number">
        <CpuCell id={row.id} />
      </td>
      <td className="number">
        <MemoryCell id={row.id} />
      </td>
      <td>
        <ActionsCell row={row} />
      </td>
    </tr>
  );
}

/** One visible row, a project's or a container's, re-rendered only when its node, place or selection changes. */
export const ContainerTableRow = memo(function ContainerTableRow(props: RowProps): React.JSX.Element {
  return props.node.kind === 'project' ? <ProjectRow {...props} node={props.node} /> : <ContainerLine {...props} node={props.node} />;
});
