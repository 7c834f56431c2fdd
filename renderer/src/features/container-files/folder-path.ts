import { ContainerPath } from '../../../../shared/model/container-files';

/** One breadcrumb: its label and the folder it opens. */
export interface PathSegment {
  label: string;
  path: string;
}

/** The breadcrumbs of a folder: `/` then each folder down to it. */
export function pathSegments(path: string): PathSegment[] {
  const parts = path.split('/').filter((part) => part !== '');
  return [{ label: '/', path: '/' }, ...parts.map((part, i) => ({ label: part, path: `/${parts.slice(0, i + 1).join('/')}` }))];
}

/** `name` inside `folder`. */
export function childPath(folder: string, name: string): string {
  return folder === '/' ? `/${name}` : `${folder}/${name}`;
}

/** The last segment of a path (`root` for `/`), to name a downloaded tar. */
export function baseName(path: string): string {
  const parts = path.split('/').filter((part) => part !== '');
  return parts.at(-1) ?? 'root';
}

/** A typed path made plain (no empty or `.` segments, no trailing `/`), or why it is not a path inside a container. */
export function parseTypedPath(typed: string): { path: string } | { error: string } {
  const checked = ContainerPath.safeParse(typed.trim());
  if (!checked.success) return { error: checked.error.issues[0]?.message ?? 'Not a path inside the container.' };
  const parts = checked.data.split('/').filter((part) => part !== '' && part !== '.');
  return { path: `/${parts.join('/')}` };
}
