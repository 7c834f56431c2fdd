import path from 'node:path';
import { z } from 'zod';
import { MemorySample } from '../../../shared/model/memory';
import type { Clock, Logger } from '../ports';
import { JsonStateFile } from '../storage/json-state-file';
import { MAX_NAMED_IN_SAMPLE } from './sample-of-report';

/** File name of the memory history inside the data directory. */
export const MEMORY_HISTORY_FILE = 'memory-history.json';

/** The 1 s ring: 600 points, the last 10 minutes. */
export const SECOND_CAPACITY = 600;

/** The 1 min ring: 1,440 points, the last 24 hours. */
export const MINUTE_CAPACITY = 1440;

const namedAtMost = (record: Record<string, number>): boolean => Object.keys(record).length <= MAX_NAMED_IN_SAMPLE + 1;

/** A stored point: a MemorySample naming no more distros or containers than the sampler keeps. */
const StoredSample = MemorySample.refine((sample) => namedAtMost(sample.distros) && namedAtMost(sample.containers), {
  message: `A history point names at most ${MAX_NAMED_IN_SAMPLE + 1} distros and containers.`,
});

/** What `memory-history.json` holds: both rings, oldest first, each within its capacity. */
export const MemoryHistoryDocument = z
  .object({
    version: z.literal(1),
    seconds: z.array(StoredSample).max(SECOND_CAPACITY),
    minutes: z.array(StoredSample).max(MINUTE_CAPACITY),
  })
  .strict();
export type MemoryHistoryDocument = z.infer<typeof MemoryHistoryDocument>;

/**
 * The history's file in the data directory: read validated against MemoryHistoryDocument (a corrupt or
 * off-schema file is moved aside, logged, and the history starts empty), written atomically (temp file + rename).
 */
export function openHistoryFile(dataDir: string, clock: Clock, logger: Logger): JsonStateFile<MemoryHistoryDocument> {
  return new JsonStateFile(path.join(dataDir, MEMORY_HISTORY_FILE), MemoryHistoryDocument, () => ({ version: 1, seconds: [], minutes: [] }), clock, logger);
}
