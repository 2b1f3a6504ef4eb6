import { startPostgres } from '../scripts/postgres.mjs';
import { benchFunnels } from './quality-funnels.js';
import { benchQualityDashboard } from './quality-dashboard.js';
import { benchRegistryImport } from './registry-import.js';
import { benchSchemes } from './schemes.js';

/**
 * `npm run bench`: speed of the capabilities whose issues set a figure, measured in one run so the
 * ratios hold on a noisy machine. Benchmarks report; the tests check correctness.
 */
const postgres = await startPostgres((message) => {
  console.error(message);
  process.exit(1);
});
try {
  // The pure computations first, on a small heap; then the database benchmarks.
  for (const bench of [benchSchemes, benchFunnels, () => benchRegistryImport(postgres.url), () => benchQualityDashboard(postgres.url)]) {
    const lines = await bench();
    console.log(`\n${lines.join('\n')}`);
  }
} finally {
  postgres.stop();
}
process.exit(0);
