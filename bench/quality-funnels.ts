import Papa from 'papaparse';
import { calculateFunnel, type FunnelUnit } from '../src/domain/quality/funnel.js';
import { nhsFile } from '../test/support/nhs-files.js';
import { fmt, medianMs } from './timing.js';

/**
 * Issue "Quality", performance: funnel limits and outliers for every practice in England for every
 * QOF 2022-23 prevalence register (~6,400 practices × 21 registers); target at most 1 s.
 */
export async function benchFunnels(): Promise<string[]> {
  let groups = new Map<string, FunnelUnit[]>();
  const read = await medianMs(3, () => {
    groups = new Map();
    const rows = Papa.parse<Record<string, string>>(nhsFile('PREVALENCE_2223.csv').content.toString('latin1'), { header: true, skipEmptyLines: true }).data;
    for (const r of rows) {
      const list = groups.get(r.GROUP_CODE!) ?? [];
      list.push({ unit: r.PRACTICE_CODE!, numerator: Math.round(Number(r.REGISTER)), denominator: Number(r.PRACTICE_LIST_SIZE) });
      groups.set(r.GROUP_CODE!, list);
    }
  });
  let outliers = 0;
  let units = 0;
  const compute = await medianMs(5, () => {
    outliers = 0;
    units = 0;
    for (const list of groups.values()) {
      const usable = list.filter((u) => u.denominator > 0 && u.numerator <= u.denominator);
      const result = calculateFunnel(usable, { dataType: 'pr', multiplier: 100 });
      units += usable.length;
      outliers += result.units.filter((u) => u.outlier).length;
    }
  });
  return [
    'Funnel plots over QOF 2022-23 prevalence (median): every practice × every register, overdispersion-adjusted',
    `read PREVALENCE_2223.csv          ${fmt(read)}`,
    `funnels for ${groups.size} registers, ${units} practice-registers, ${outliers} outliers at 99.8%: ${fmt(compute)} (target ≤ 1000 ms)`,
  ];
}
