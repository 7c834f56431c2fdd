import type { WslConfigIssue } from '../../../../shared/model/wslconfig';

/** One physical line: its text and the terminator it had (`\r\n`, `\n`, `\r`, or none at the end). */
export interface WslConfigLine {
  text: string;
  eol: string;
}

/** A `key = value` entry as WSL reads it; it may span lines joined by a trailing `\`. */
export interface WslConfigEntry {
  /** The section it sits in as written, `''` before any section. */
  section: string;
  /** The key as written. */
  name: string;
  /** `section.name` lower-cased, the way WSL compares keys; just the name when outside a section. */
  key: string;
  /** The value after quotes, escapes and trailing blanks are handled; null when the value is malformed. */
  value: string | null;
  /** 1-based first and last physical line. */
  line: number;
  endLine: number;
  /** Column where the value starts on the first line, and where it ends (before blanks and a comment) on the last. */
  valueStart: number;
  valueEnd: number;
}

/** A `[section]` header. */
export interface WslConfigSection {
  name: string;
  line: number;
}

/** The file as lines plus what WSL reads from them; `serializeWslConfig` gives back the exact text. */
export interface WslConfigDocument {
  bom: boolean;
  lines: WslConfigLine[];
  sections: WslConfigSection[];
  entries: WslConfigEntry[];
  /** Lines WSL would skip with a warning (bad section, bad key, missing `=`, bad escape, open quote). */
  syntaxIssues: WslConfigIssue[];
}

const isAlpha = (c: string | undefined): boolean => c !== undefined && /^[A-Za-z]$/.test(c);
const isAlnum = (c: string | undefined): boolean => c !== undefined && /^[A-Za-z0-9]$/.test(c);
const isHSpace = (c: string | undefined): boolean => c === ' ' || c === '\t';

/** Splits text into lines, each keeping its own terminator, so joining them gives the text back. */
function splitLines(text: string): WslConfigLine[] {
  const lines: WslConfigLine[] = [];
  const terminator = /\r\n|\n|\r/g;
  let start = 0;
  let match: RegExpExecArray | null;
  while ((match = terminator.exec(text)) !== null) {
    lines.push({ text: text.slice(start, match.index), eol: match[0] });
    start = match.index + match[0].length;
  }
  if (start < text.length) lines.push({ text: text.slice(start), eol: '' });
  return lines;
}

type ValueResult = { ok: true; value: string; endLine: number; valueEnd: number } | { ok: false; endLine: number; message: string };

/** Reads a value from (lineIndex, column) the way WSL's parser does: quotes, `\\ \" \n \t \b`, `\` continuation, `#`. */
function readValue(lines: WslConfigLine[], lineIndex: number, column: number): ValueResult {
  let value = '';
  let trimmed = 0;
  let inQuote = false;
  let index = lineIndex;
  let col = column;
  let valueEnd = column;
  for (;;) {
    const text = lines[index]?.text ?? '';
    if (col >= text.length) break;
    const ch = text[col];
    if (ch === '"') {
      inQuote = !inQuote;
    } else if (ch === '\\') {
      const next = text[col + 1];
      if (next === undefined) {
        if (index + 1 < lines.length && lines[index]?.eol !== '') {
          index += 1;
          col = 0;
          valueEnd = 0;
          continue;
        }
        return { ok: false, endLine: index, message: 'A "\\" at the end of the file continues nothing.' };
      }
      const escapes: Record<string, string> = { '\\': '\\', '"': '"', b: '\b', n: '\n', t: '\t' };
      const escaped = escapes[next];
      if (escaped === undefined) {
        return { ok: false, endLine: index, message: `Invalid escaped character '\\${next}': write "\\\\" for a backslash (C:\\\\wsl\\\\kernel).` };
      }
      value += escaped;
      col += 1;
    } else if (ch === '#' && !inQuote) {
      break;
    } else {
      value += ch;
    }
    col += 1;
    if (!isHSpace(ch)) {
      trimmed = value.length;
      valueEnd = col;
    }
  }
  if (inQuote) return { ok: false, endLine: index, message: 'Expected a closing " before the end of the line.' };
  return { ok: true, value: value.slice(0, trimmed), endLine: index, valueEnd };
}

/**
 * Parses `.wslconfig` text exactly as WSL's `ParseConfigFile` reads it (gitconfig style: `[section]`,
 * `key = value`, `#` comments, quotes, escapes, `\` continuation, keys of letters and digits), while
 * keeping every line, terminator and the BOM so nothing is lost when writing back.
 */
export function parseWslConfig(text: string): WslConfigDocument {
  const bom = text.startsWith('\uFEFF');
  const lines = splitLines(bom ? text.slice(1) : text);
  const doc: WslConfigDocument = { bom, lines, sections: [], entries: [], syntaxIssues: [] };
  let section = '';
  for (let i = 0; i < lines.length; i += 1) {
    const text = lines[i]?.text ?? '';
    const lineNumber = i + 1;
    let col = 0;
    while (isHSpace(text[col])) col += 1;
    const first = text[col];
    if (first === undefined || first === '#') continue;
    if (first === '[') {
      col += 1;
      const start = col;
      if (!isAlpha(text[col])) {
        doc.syntaxIssues.push({ line: lineNumber, key: null, message: 'Invalid section name: it must start with a letter, for example [wsl2].' });
        continue;
      }
      while (isAlnum(text[col])) col += 1;
      const name = text.slice(start, col);
      if (text[col] !== ']') {
        doc.syntaxIssues.push({ line: lineNumber, key: null, message: `Expected ']' after the section name [${name}.` });
        continue;
      }
      col += 1;
      while (isHSpace(text[col])) col += 1;
      if (col < text.length && text[col] !== '#') {
        doc.syntaxIssues.push({ line: lineNumber, key: null, message: `Expected the end of the line after [${name}].` });
        continue;
      }
      section = name;
      doc.sections.push({ name, line: lineNumber });
      continue;
    }
    if (!isAlpha(first)) {
      doc.syntaxIssues.push({ line: lineNumber, key: null, message: 'Invalid key name: a key starts with a letter and has only letters and digits.' });
      continue;
    }
    const start = col;
    while (isAlnum(text[col])) col += 1;
    const name = text.slice(start, col);
    const key = (section === '' ? name : `${section}.${name}`).toLowerCase();
    while (isHSpace(text[col])) col += 1;
    if (text[col] !== '=') {
      doc.syntaxIssues.push({ line: lineNumber, key, message: `Expected '=' after the key ${name}.` });
      continue;
    }
    col += 1;
    while (isHSpace(text[col])) col += 1;
    const result = readValue(lines, i, col);
    if (!result.ok) doc.syntaxIssues.push({ line: lineNumber, key, message: result.message });
    doc.entries.push({
      section,
      name,
      key,
      value: result.ok ? result.value : null,
      line: lineNumber,
      endLine: result.endLine + 1,
      valueStart: col,
      valueEnd: result.ok ? result.valueEnd : (lines[result.endLine]?.text.length ?? 0),
    });
    i = result.endLine;
  }
  return doc;
}

/** The exact text the document was parsed from (BOM, terminators and all). */
export function serializeWslConfig(doc: WslConfigDocument): string {
  return (doc.bom ? '\uFEFF' : '') + doc.lines.map((l) => l.text + l.eol).join('');
}

/** A value written so WSL reads it back unchanged: backslashes and quotes escaped, quoted when it needs to be. */
export function encodeWslConfigValue(value: string): string {
  const escaped = value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\t/g, '\\t').replaceAll('\b', '\\b');
  return /[#]|^\s|\s$/.test(value) ? `"${escaped}"` : escaped;
}

/** The terminator the file mostly uses (`\n` for a new file). */
function dominantEol(doc: WslConfigDocument): string {
  const counts = new Map<string, number>();
  for (const line of doc.lines) if (line.eol !== '') counts.set(line.eol, (counts.get(line.eol) ?? 0) + 1);
  let best = '\n';
  let bestCount = 0;
  for (const [eol, count] of counts) {
    if (count > bestCount) {
      best = eol;
      bestCount = count;
    }
  }
  return best;
}

/** The last entry when it ends the file with a `\` that continues nothing: any line added after it would become part of its value. */
function danglingEntry(doc: WslConfigDocument): WslConfigEntry | undefined {
  const last = doc.entries[doc.entries.length - 1];
  const endsWithBackslash = last !== undefined && last.endLine === doc.lines.length && (doc.lines[last.endLine - 1]?.text.endsWith('\\') ?? false);
  return last && last.value === null && endsWithBackslash ? last : undefined;
}

/**
 * Sets `section.name` to `value` in place, or removes it when `value` is null, keeping every other byte:
 * the first occurrence is rewritten (its spacing, trailing comment and line ending kept), a missing key
 * is added at the end of its section (the section is appended when missing; both go before a last entry
 * whose `\` continues nothing, which would swallow them), and removing deletes every occurrence.
 * `key` is matched case-insensitively; `canonicalName` is the spelling used when the key is added.
 */
export function setWslConfigKey(text: string, key: string, value: string | null, canonicalName?: string): string {
  const doc = parseWslConfig(text);
  const wanted = key.toLowerCase();
  const dot = key.indexOf('.');
  const sectionName = key.slice(0, dot);
  const name = canonicalName ?? key.slice(dot + 1);
  const matches = doc.entries.filter((e) => e.key === wanted);
  const lines = [...doc.lines];
  if (value === null) {
    for (const entry of [...matches].reverse()) lines.splice(entry.line - 1, entry.endLine - entry.line + 1);
    return serializeWslConfig({ ...doc, lines });
  }
  const encoded = encodeWslConfigValue(value);
  const first = matches[0];
  if (first) {
    const head = lines[first.line - 1]?.text.slice(0, first.valueStart) ?? '';
    const last = lines[first.endLine - 1];
    const tail = last?.text.slice(first.valueEnd) ?? '';
    lines.splice(first.line - 1, first.endLine - first.line + 1, { text: head + encoded + tail, eol: last?.eol ?? '' });
    return serializeWslConfig({ ...doc, lines });
  }
  const eol = dominantEol(doc);
  const newLine = { text: `${name}=${encoded}`, eol };
  const headerIndex = doc.sections.findIndex((s) => s.name.toLowerCase() === sectionName.toLowerCase());
  const header = doc.sections[headerIndex];
  const dangling = danglingEntry(doc);
  if (header) {
    const nextHeader = doc.sections[headerIndex + 1];
    const inSection = doc.entries.filter((e) => e.line > header.line && (!nextHeader || e.line < nextHeader.line));
    let after = inSection.length > 0 ? Math.max(...inSection.map((e) => e.endLine)) : header.line;
    if (dangling && dangling.endLine === after) after = dangling.line - 1;
    const previous = lines[after - 1];
    if (previous && previous.eol === '') lines[after - 1] = { ...previous, eol };
    lines.splice(after, 0, newLine);
    return serializeWslConfig({ ...doc, lines });
  }
  const danglingHeader = dangling ? [...doc.sections].reverse().find((s) => s.line < dangling.line) : undefined;
  if (danglingHeader) {
    lines.splice(danglingHeader.line - 1, 0, { text: `[${sectionName}]`, eol }, newLine, { text: '', eol });
    return serializeWslConfig({ ...doc, lines });
  }
  const last = lines[lines.length - 1];
  if (last && last.eol === '') lines[lines.length - 1] = { ...last, eol };
  if (lines.length > 0 && lines[lines.length - 1]?.text.trim() !== '') lines.push({ text: '', eol });
  lines.push({ text: `[${sectionName}]`, eol }, newLine);
  return serializeWslConfig({ ...doc, lines });
}
