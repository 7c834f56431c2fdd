/** Parses `wsl -l -q`: one name per line, the default first, nothing at all when no distro is registered. */
export function parseListQuiet(text: string): string[] {
  return text
    .split(/\r*\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}
