import type { ImageSummary, PruneResult } from '../../../shared/model/engine';
import type { ImageDetail } from '../../../shared/model/image-detail';
import { formatByteCount, widest } from './format-output';

const shortId = (id: string): string => id.replace(/^sha256:/, '').slice(0, 12);

function when(seconds: number): string {
  return seconds > 0 ? new Date(seconds * 1000).toISOString().replace('.000Z', 'Z') : 'unknown';
}

/** `docker images`-like table: one row per tag (one `<none>` row for a dangling image); a sentence when there are none. */
export function formatImageTable(images: ImageSummary[]): string {
  if (images.length === 0) return 'No images.';
  const rows = images.flatMap((image) =>
    (image.tags.length === 0 ? ['<none>'] : image.tags).map((tag) => [tag, shortId(image.id), formatByteCount(image.sizeBytes), String(image.containers), when(image.created)]),
  );
  const header = ['REFERENCE', 'IMAGE ID', 'SIZE', 'USED BY', 'CREATED'];
  const widths = header.map((title, column) => widest(title.length, rows.map((row) => (row[column] ?? '').length)) + 2);
  const line = (cells: string[]): string => cells.map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0))).join('');
  return [line(header), ...rows.map(line)].join('\n');
}

const list = (values: string[] | null): string => (values === null || values.length === 0 ? '-' : values.join(' '));
const oneLine = (text: string, max: number): string => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

/** An image as `lightdock images inspect` prints it: identity and config, then its layers (newest first) and its containers. */
export function formatImageDetail(detail: ImageDetail): string {
  const facts: [string, string][] = [
    ['Id', detail.id],
    ['Tags', list(detail.tags)],
    ['Digests', list(detail.digests)],
    ['Size', formatByteCount(detail.sizeBytes)],
    ['Created', when(detail.created)],
    ['Platform', `${detail.os ?? 'unknown'}/${detail.architecture ?? 'unknown'}`],
    ['Cmd', list(detail.config.cmd)],
    ['Entrypoint', list(detail.config.entrypoint)],
    ['WorkingDir', detail.config.workingDir ?? '-'],
    ['User', detail.config.user ?? '-'],
    ['Ports', list(detail.config.exposedPorts)],
    ['Volumes', list(detail.config.volumes)],
    ['Env', list(detail.config.env)],
    ['Used by', detail.usedBy.length === 0 ? '-' : detail.usedBy.map((c) => `${c.name} (${c.state})`).join(', ')],
  ];
  const labelWidth = widest(0, facts.map(([label]) => label.length)) + 2;
  const layerRows = detail.layers.map((layer) => [layer.id === null ? '<missing>' : shortId(layer.id), formatByteCount(layer.sizeBytes), oneLine(layer.createdBy, 100)]);
  const idWidth = widest(5, layerRows.map((row) => (row[0] ?? '').length)) + 2;
  const sizeWidth = widest(4, layerRows.map((row) => (row[1] ?? '').length)) + 2;
  return [
    ...facts.map(([label, value]) => `${`${label}:`.padEnd(labelWidth)}${value}`),
    '',
    `${'LAYER'.padEnd(idWidth)}${'SIZE'.padEnd(sizeWidth)}CREATED BY`,
    ...layerRows.map(([id = '', size = '', by = '']) => `${id.padEnd(idWidth)}${size.padEnd(sizeWidth)}${by}`),
  ].join('\n');
}

/** A prune's answer in one line or two: what went and the space reclaimed. */
export function formatImagePrune(result: PruneResult): string {
  if (result.deleted.length === 0) return 'No dangling images to remove.';
  return `Removed ${result.deleted.length} image${result.deleted.length === 1 ? '' : 's'}, ${formatByteCount(result.reclaimedBytes)} reclaimed.`;
}
