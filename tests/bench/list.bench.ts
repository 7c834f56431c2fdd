// Listing 200 containers through the service, against `docker ps -a` (and the raw Engine API) on the same engine.
import { benchDataDir, composeBenchServices } from './bench-services';
import { median, reportBench, runBench, type Figure } from './bench-report';
import { BENCH_CONTAINER_COUNT, docker, engineRequest, ensureBenchContainers } from './engine-fixture';

const ROUNDS = Number(process.env['LIGHTDOCK_BENCH_LIST_ROUNDS'] ?? 15);
const WARMUP = 3;

async function timed(work: () => Promise<number>): Promise<{ ms: number; count: number }> {
  const start = performance.now();
  const count = await work();
  return { ms: performance.now() - start, count };
}

async function main(): Promise<void> {
  const startedAt = performance.now();
  const ids = await ensureBenchContainers();
  const services = composeBenchServices(benchDataDir('list'));
  try {
    const viaService = async (): Promise<number> => (await services.engine.list()).length;
    const viaCli = async (): Promise<number> => {
      const out = await docker(['ps', '-a', '--no-trunc', '--format', 'json']);
      return out.split('\n').filter((line) => line.trim() !== '').length;
    };
    const viaApi = async (): Promise<number> => {
      const response = await engineRequest('GET', '/containers/json?all=1');
      return (response.body as unknown[]).length;
    };
    const kinds = [
      { name: 'service', run: viaService, samples: [] as number[] },
      { name: 'cli', run: viaCli, samples: [] as number[] },
      { name: 'api', run: viaApi, samples: [] as number[] },
    ];
    for (let round = 0; round < WARMUP + ROUNDS; round++) {
      // Rotate the order every round so no kind always runs right after another.
      for (let offset = 0; offset < kinds.length; offset++) {
        const kind = kinds[(round + offset) % kinds.length];
        if (!kind) continue;
        const { ms, count } = await timed(kind.run);
        if (count < BENCH_CONTAINER_COUNT) throw new Error(`${kind.name} listed ${count} containers, expected at least ${BENCH_CONTAINER_COUNT}`);
        if (round >= WARMUP) kind.samples.push(ms);
      }
    }
    const [service, cli, api] = kinds.map((kind) => median(kind.samples)) as [number, number, number];
    const figures: Figure[] = [
      {
        measure: `List ${ids.length} containers through the service (median of ${ROUNDS})`,
        value: service,
        unit: 'ms',
        references: [
          { label: '`docker ps -a --format json` (CLI, process start included)', value: cli, unit: 'ms' },
          { label: 'raw GET /containers/json?all=1 over the socket', value: api, unit: 'ms' },
        ],
        ratio: { label: 'service / docker CLI', value: service / cli },
        goal: { label: 'no slower than the docker CLI (ratio ≤ 1.00)', pass: service <= cli },
        notes: [`service / raw API ratio ${(service / api).toFixed(2)}`],
      },
    ];
    reportBench('list', figures, startedAt);
  } finally {
    services.dispose();
  }
}

runBench(main);
