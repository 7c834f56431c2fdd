import { BuildRequest } from '../../../../shared/model/image-detail';
import { referenceProblem } from './image-words';

/** One build-argument row as typed (its key keeps React's rows apart). */
export interface BuildArgRow {
  key: number;
  name: string;
  value: string;
}

/** The build dialog's fields as typed. */
export interface BuildForm {
  contextPath: string;
  dockerfile: string;
  tag: string;
  buildArgs: readonly BuildArgRow[];
  noCache: boolean;
  pull: boolean;
}

/** What is wrong with each field, for the text under it; an empty object means the form can be sent. */
export interface BuildFormProblems {
  contextPath?: string;
  dockerfile?: string;
  tag?: string;
  /** Per build-argument row (by index), what is wrong with its name. */
  buildArgs?: (string | undefined)[];
}

/** Build arguments one build takes at most (the contract's bound). */
export const BUILD_ARGS_MAX = 64;

/** A full path on Linux, macOS or Windows (`/…`, `C:\…`, `\\server\share`); the host resolves nothing relative. */
const FULL_PATH = /^(?:\/|[A-Za-z]:[\\/]|\\\\)/;

function candidate(form: BuildForm): unknown {
  return {
    contextPath: form.contextPath.trim(),
    dockerfile: form.dockerfile.trim() === '' ? 'Dockerfile' : form.dockerfile.trim(),
    tag: form.tag.trim() === '' ? null : form.tag.trim(),
    buildArgs: form.buildArgs.map((row) => ({ name: row.name.trim(), value: row.value })),
    noCache: form.noCache,
    pull: form.pull,
  };
}

/** Checks the form with the contract's BuildRequest schema (plus a full context path, unique argument names) and says what is wrong, per field. */
export function buildFormProblems(form: BuildForm): BuildFormProblems {
  const problems: BuildFormProblems = {};
  const parsed = BuildRequest.safeParse(candidate(form));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [field, index] = issue.path;
      if (field === 'contextPath') problems.contextPath ??= issue.message;
      if (field === 'dockerfile') problems.dockerfile ??= issue.message;
      if (field === 'buildArgs' && typeof index === 'number') {
        problems.buildArgs ??= [];
        problems.buildArgs[index] ??= issue.message;
      }
    }
  }
  if (form.contextPath.trim() === '') problems.contextPath = 'Enter the folder that holds the Dockerfile.';
  else if (!FULL_PATH.test(form.contextPath.trim())) problems.contextPath ??= "Enter the folder's full path (starting with / or a drive letter).";
  if (form.tag.trim() !== '') {
    const tagProblem = referenceProblem(form.tag);
    if (tagProblem !== undefined) problems.tag = tagProblem;
  }
  const seen = new Set<string>();
  form.buildArgs.forEach((row, index) => {
    const name = row.name.trim();
    if (name === '') {
      problems.buildArgs ??= [];
      problems.buildArgs[index] = 'Name this argument, or remove the row.';
    } else if (seen.has(name)) {
      problems.buildArgs ??= [];
      problems.buildArgs[index] ??= `${name} is already set above.`;
    }
    seen.add(name);
  });
  return problems;
}

/** The request the form stands for, or undefined while any field has a problem. */
export function buildRequestOf(form: BuildForm): BuildRequest | undefined {
  const problems = buildFormProblems(form);
  if (Object.keys(problems).length > 0) return undefined;
  const parsed = BuildRequest.safeParse(candidate(form));
  return parsed.success ? parsed.data : undefined;
}
