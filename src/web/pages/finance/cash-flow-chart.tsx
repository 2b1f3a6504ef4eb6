import type { CashFlowMonth } from '../../../domain/finance/cash-flow.js';
import { monthLabel } from '../../../domain/finance/financial-year.js';
import { formatPence } from '../../../domain/schemes/format-money.js';
import { useWidth } from '../../components/use-width.js';

const shortPounds = (pence: number) => {
  const pounds = pence / 100;
  const sign = pounds < 0 ? '−' : '';
  return Math.abs(pounds) >= 1000 ? `${sign}£${Math.round(Math.abs(pounds) / 1000)}k` : `${sign}£${Math.abs(Math.round(pounds))}`;
};

/** Round ticks covering `low`…`high` (which may be negative), about five of them. */
function ticks(low: number, high: number): number[] {
  const rough = (high - low) / 5 || 1;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? rough;
  const first = Math.floor(low / step) * step;
  return Array.from({ length: Math.ceil((high - first) / step) + 1 }, (_, i) => first + i * step);
}

/**
 * Each month's closing balance as a bar (red where it ends below the threshold), with the
 * threshold as a dashed line. The table below has the same figures, so the chart's description
 * names only the lowest month and how many months fall below.
 */
export function CashFlowChart({ months, thresholdPence }: { months: CashFlowMonth[]; thresholdPence: number }) {
  const values = months.map((m) => m.closingPence);
  const axis = ticks(Math.min(0, thresholdPence, ...values), Math.max(0, thresholdPence, ...values));
  const [bottomValue, topValue] = [axis[0]!, axis.at(-1)!];
  const [box, width] = useWidth<HTMLElement>(760);
  const height = 300;
  const left = 64;
  const plotTop = 12;
  const plotHeight = height - 40 - plotTop;
  const y = (v: number) => plotTop + ((topValue - v) / (topValue - bottomValue || 1)) * plotHeight;
  const slot = (width - left - 8) / months.length;
  const lowest = months.reduce((a, b) => (b.closingPence < a.closingPence ? b : a), months[0]!);
  const below = months.filter((m) => m.belowThreshold).length;
  return (
    <figure className="app-scheme-chart" ref={box}>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" width={width} height={height} aria-label={`Closing cash balance each month. Lowest: ${formatPence(lowest.closingPence)} at the end of ${monthLabel(lowest.month)}. ${below} of ${months.length} months end below the threshold of ${formatPence(thresholdPence)}.`}>
        {axis.map((tick) => (
          <g key={tick}>
            <line x1={left} x2={width - 8} y1={y(tick)} y2={y(tick)} stroke={tick === 0 ? '#4c6272' : '#d8dde0'} />
            <text x={left - 8} y={y(tick) + 4} textAnchor="end" fontSize="12" fill="#4c6272">
              {shortPounds(tick)}
            </text>
          </g>
        ))}
        {months.map((m, i) => {
          const top = Math.min(y(m.closingPence), y(0));
          return (
            <g key={m.month}>
              <rect x={left + i * slot + 6} y={top} width={slot - 12} height={Math.max(1, Math.abs(y(m.closingPence) - y(0)))} fill={m.belowThreshold ? '#d5281b' : '#005eb8'}>
                <title>{`${monthLabel(m.month)}: ${formatPence(m.closingPence)}${m.belowThreshold ? ' (below the threshold)' : ''}`}</title>
              </rect>
              <text x={left + i * slot + slot / 2} y={height - 16} textAnchor="middle" fontSize="12" fill="#212b32">
                {monthLabel(m.month).slice(0, slot < 32 ? 1 : 3)}
              </text>
            </g>
          );
        })}
        <line x1={left} x2={width - 8} y1={y(thresholdPence)} y2={y(thresholdPence)} stroke="#212b32" strokeDasharray="6 4" strokeWidth="2" />
      </svg>
      <figcaption>
        <ul className="app-scheme-chart__legend">
          <li>
            <span className="app-scheme-chart__swatch" style={{ background: '#005eb8' }} aria-hidden="true" />
            Closing balance
          </li>
          <li>
            <span className="app-scheme-chart__swatch" style={{ background: '#d5281b' }} aria-hidden="true" />
            Below the threshold
          </li>
          <li>
            <span className="app-scheme-chart__swatch" style={{ borderTop: '3px dashed #212b32', height: 0 }} aria-hidden="true" />
            Threshold ({formatPence(thresholdPence)})
          </li>
        </ul>
      </figcaption>
    </figure>
  );
}
