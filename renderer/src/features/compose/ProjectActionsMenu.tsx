import { useState } from 'react';
import IconButton from '@mui/material/IconButton';
import MoreVert from '@mui/icons-material/MoreVert';
import type { ComposeAction, ComposeProject } from '../../../../shared/model/compose';
import { lazyPart } from '../../components/lazy-part';

const ProjectActionsMenuList = lazyPart(() => import('./ProjectActionsMenuList').then((m) => m.ProjectActionsMenuList));

// The menu's code starts loading as soon as the pointer or focus reaches a project's button, ahead of the press.
const preloadMenu = (): Promise<void> => ProjectActionsMenuList.preload().catch(() => undefined);

/** Props of a project's actions menu: the project as the host described it (undefined while loading) and what to run. */
export interface ProjectActionsMenuProps {
  name: string;
  project: ComposeProject | undefined;
  onAction: (project: string, action: ComposeAction) => void;
}

/**
 * The "Project actions <name>" button of a Compose project's row and its menu (ProjectActionsMenuList, whose code
 * loads on the first open, so a row paints without MUI's menu): Up, Down, Restart, Pull and Logs.
 */
export function ProjectActionsMenu({ name, project, onAction }: ProjectActionsMenuProps): React.JSX.Element {
  // The anchor stays once set, so the menu keeps its closing transition; `open` says whether it shows.
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [open, setOpen] = useState(false);
  const menuId = `project-actions-${name}`;
  return (
    <>
      <IconButton
        size="small"
        aria-label={`Project actions ${name}`}
        aria-haspopup="menu"
        aria-controls={open ? menuId : undefined}
        aria-expanded={open}
        onPointerEnter={() => void preloadMenu()}
        onFocus={() => void preloadMenu()}
        onClick={(event) => {
          setAnchor(event.currentTarget);
          setOpen(true);
        }}
      >
        <MoreVert fontSize="small" />
      </IconButton>
      {anchor !== null && (
        <ProjectActionsMenuList id={menuId} anchor={anchor} open={open} onClose={() => setOpen(false)} name={name} project={project} onAction={onAction} />
      )}
    </>
  );
}
