import type { ReportTable } from '../../../domain/schemes/report-columns.js';
import { useWidth } from '../../components/use-width.js';

interface YearBars {
  year: string;
  cost: number;
  funding: number;
  contribution: number;
}

/** The schedule's year rows as three figures each: gross cost, all funding, what the practices pay. */
export function yearBars(schedule: ReportTable): YearBars[] {
  const fundingKeys = schedule.columns.filter((c) => c.key.startsWith('funding_')).map((c) => c.key);
  return schedule.rows
    .filter((row) => typeof row.year === 'string' && /^\d{4}\/\d{2}$/.test(row.year))
    .map((row) => ({
      year: String(row.year),
      cost: Number(row.gross_cost ?? 0),
      funding: fundingKeys.reduce((sum, key) => sum + Number(row[key] ?? 0), 0),
      contribution: Number(row.practices_contribution ?? 0),
    }));
}

const series = [
  { key: 'cost', label: 'Cost', colour: '#005eb8' },
  { key: 'funding', label: 'Funding', colour: '#007f3b' },
  { key: 'contribution', label: 'Practices’ contributions', colour: '#ffb81c' },
] as const;

const pounds = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', maximumFractionDigits: 0 });
const shortPounds = (value: number) => (value >= 1000 ? `£${Math.round(value / 1000)}k` : pounds.format(value));

/** Ticks at round numbers up to the largest figure: £0, £50k, £100k… */
function ticks(max: number): number[] {
  const rough = max / 4;
  const magnitude = 10 ** Math.floor(Math.log10(rough || 1));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? rough;
  return Array.from({ length: Math.ceil(max / step) + 1 }, (_, i) => i * step);
}

/**
 * Cost against funding against the practices' contributions, year by year, as plain SVG bars. The
 * schedule table beside it has the same figures, so the chart is described briefly for screen readers.
 */
export function ScheduleChart({ schedule }: { schedule: ReportTable }) {
  const years = yearBars(schedule);
  const [box, width] = useWidth<HTMLElement>(720);
  if (!years.length) return null;
  const max = Math.max(...years.flatMap((y) => [y.cost, y.funding, y.contribution]), 1);
  const axis = ticks(max);
  const top = axis.at(-1)!;
  const height = 300;
  const left = 64;
  const bottom = 36;
  const plotHeight = height - bottom - 12;
  const groupWidth = (width - left - 8) / years.length;
  const barWidth = Math.min(40, (groupWidth - 24) / series.length);
  const y = (value: number) => 12 + plotHeight - (value / top) * plotHeight;
  const summary = years.map((yr) => `${yr.year}: cost ${pounds.format(yr.cost)}, funding ${pounds.format(yr.funding)}, practices pay ${pounds.format(yr.contribution)}`).join('; ');
  return (
    <figure className="app-scheme-chart" ref={box}>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`Cost, funding and practices’ contributions by year. ${summary}.`} width={width} height={height}>
        {axis.map((tick) => (
          <g key={tick}>
            <line x1={left} x2={width - 8} y1={y(tick)} y2={y(tick)} stroke="#d8dde0" />
            <text x={left - 8} y={y(tick) + 4} textAnchor="end" fontSize="12" fill="#4c6272">
              {shortPounds(tick)}
            </text>
          </g>
        ))}
        {years.map((yr, i) => {
          const x0 = left + i * groupWidth + (groupWidth - barWidth * series.length) / 2;
          return (
            <g key={yr.year}>
              {series.map((s, j) => (
                <rect key={s.key} x={x0 + j * barWidth} y={y(yr[s.key])} width={barWidth - 4} height={Math.max(0, y(0) - y(yr[s.key]))} fill={s.colour}>
                  <title>{`${yr.year} ${s.label.toLowerCase()}: ${pounds.format(yr[s.key])}`}</title>
                </rect>
              ))}
              <text x={left + i * groupWidth + groupWidth / 2} y={height - 12} textAnchor="middle" fontSize="13" fill="#212b32">
                {groupWidth < 60 ? yr.year.slice(2) : yr.year}
              </text>
            </g>
          );
        })}
        <line x1={left} x2={width - 8} y1={y(0)} y2={y(0)} stroke="#4c6272" />
      </svg>
      <figcaption>
        <ul className="app-scheme-chart__legend">
          {series.map((s) => (
            <li key={s.key}>
              <span className="app-scheme-chart__swatch" style={{ background: s.colour }} aria-hidden="true" />
              {s.label}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
