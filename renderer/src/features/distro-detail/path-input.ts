import { AbsolutePath } from '../../../../shared/model/distro';

/** The format a file name implies: `.vhdx` (any case) is a VHDX, anything else a tar archive. */
export function formatOfFile(filePath: string): 'tar' | 'vhdx' {
  return /\.vhdx$/i.test(filePath.trim()) ? 'vhdx' : 'tar';
}

/** Why a typed path is not acceptable (the contract's own sentence), or null when it is; empty input is "required". */
export function pathProblem(value: string): string | null {
  if (value.trim() === '') return 'Required.';
  const parsed = AbsolutePath.safeParse(value.trim());
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? 'Not a valid path.');
}
