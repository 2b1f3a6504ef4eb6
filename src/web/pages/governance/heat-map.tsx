import { Link } from 'react-router';
import { useApiQuery } from '../../api/use-api.js';
import { isAdmin, useUser } from '../../auth/session.js';
import { Loaded } from '../../components/page-states.js';
import { type HeatMapCell, impactLabels, likelihoodLabels } from './types.js';

const ratingLabels = { low: 'Low', moderate: 'Moderate', high: 'High', extreme: 'Extreme' } as const;

/** The 5 × 5 heat map of open risks: likelihood up the side (5 at the top), impact along the bottom. */
export function RiskHeatMap() {
  const admin = isAdmin(useUser());
  const map = useApiQuery<{ rows: HeatMapCell[][]; unplaced: string[]; idOf: Record<string, number>; note: string; emptyReason: string | null }>('/api/risks/heat-map');
  return (
    <section aria-labelledby="heat-map">
      <h2 id="heat-map">Heat map of open risks</h2>
      <Loaded query={map} what="heat map">
        {(data) => (
          <>
            {data.emptyReason ? (
              <p className="nhsuk-body" data-testid="empty-heat-map">
                {data.emptyReason}{' '}
                {admin ? (
                  <>
                    Set them on each risk’s page, from the <a href="#risk-list">list of open risks</a>.
                  </>
                ) : null}
              </p>
            ) : null}
            <div className="app-scroll-box" role="region" aria-label="Heat map of open risks (scrolls sideways)" tabIndex={0}>
            <table className="app-heat-map">
              <caption className="nhsuk-u-visually-hidden">Open risks by likelihood (rows) and impact (columns); each cell shows the score and the risks in it</caption>
              <tbody>
                {data.rows.map((row) => (
                  <tr key={row[0]!.likelihood}>
                    <th scope="row">
                      {row[0]!.likelihood} <span className="app-heat-map__label">{likelihoodLabels[row[0]!.likelihood - 1]}</span>
                    </th>
                    {row.map((cell) => (
                      <td key={cell.impact} className={`app-rating--${cell.rating}`}>
                        <span className="app-heat-map__score">
                          {cell.score}
                          <span className="nhsuk-u-visually-hidden"> ({ratingLabels[cell.rating]})</span>
                        </span>
                        {cell.refs.length ? <span className="app-heat-map__refs">{cell.refs.map((r) => `R${r}`).join(', ')}</span> : null}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <td />
                  {impactLabels.map((label, i) => (
                    <th key={label} scope="col">
                      {i + 1} <span className="app-heat-map__label">{label}</span>
                    </th>
                  ))}
                </tr>
                <tr>
                  <td />
                  <th colSpan={5} scope="colgroup">
                    Impact
                  </th>
                </tr>
              </tfoot>
            </table>
            </div>
            <p className="nhsuk-body-s app-heat-map__key" aria-hidden="true">
              Likelihood: {likelihoodLabels.map((l, i) => `${i + 1} ${l.toLowerCase()}`).join(', ')}. Impact: {impactLabels.map((l, i) => `${i + 1} ${l.toLowerCase()}`).join(', ')}.
            </p>
            <p className="nhsuk-body-s">Likelihood runs up the side, impact along the bottom. Score = likelihood × impact: 1–3 low, 4–6 moderate, 8–12 high, 15–25 extreme.</p>
            {data.unplaced.length ? (
              <p className="nhsuk-body app-ref-links" data-testid="unplaced-risks">
                Not on the map, because their impact (or likelihood) is not set yet:{' '}
                {data.unplaced.map((ref, i) => (
                  <span key={ref}>
                    {i ? ', ' : ''}
                    <Link to={data.idOf[ref] ? `/governance/risks/${data.idOf[ref]}` : `/governance/risks?ref=${encodeURIComponent(ref)}`}>R{ref}</Link>
                  </span>
                ))}
                . {data.note}
              </p>
            ) : null}
          </>
        )}
      </Loaded>
    </section>
  );
}
