import { Heading } from 'nhsuk-react-components';
import { Fragment } from 'react';
import { humanise } from '../../format/format.js';
import { useApiQuery } from '../../api/use-api.js';
import { isAdmin, useUser } from '../../auth/session.js';
import { ExportLinks } from '../../components/export-links.js';
import { Loaded, usePageTitle } from '../../components/page-states.js';
import './programme.css';
import { ProgrammeImportForm, ProgrammeImportLink } from './programme-import-form.js';
import { ProgrammeNav } from './programme-tags.js';
import { RateMilestoneForm } from './rate-milestone-form.js';
import type { StpGridData } from './types.js';

type Cell = StpGridData['rows'][number]['cells'][string];

/** A rated milestone says its rating in words as well as colour; one not yet rated keeps its X. */
function GridCell({ cell, period }: { cell: Cell; period: string }) {
  if (!cell) return <td className="app-stp-cell" />;
  return (
    <td className={`app-stp-cell app-stp-cell--${cell.rag ?? 'mark'}`} title={[`${period}${cell.rag ? `: ${cell.rag}` : ': not yet rated'}`, cell.reason, cell.evidence ? `Evidence: ${cell.evidence}` : null].filter(Boolean).join('. ')}>
      {cell.rag ? humanise(cell.rag) : cell.mark}
      {cell.rag ? null : <span className="nhsuk-u-visually-hidden"> (not yet rated)</span>}
    </td>
  );
}

function GridTable({ grid }: { grid: StpGridData }) {
  const titleOf = new Map(grid.deliverables.map((d) => [d.ref, d]));
  const years = [...new Set(grid.periods.map((p) => p.financialYear))];
  return (
    <div className="nhsuk-table-container app-scroll-box app-stp-scroll" role="region" aria-label="STP milestone grid (scrolls sideways)" tabIndex={0}>
      <table className="nhsuk-table app-stp-grid">
        <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">STP milestones by period</caption>
        <thead className="nhsuk-table__head">
          <tr>
            <th scope="col" rowSpan={2}>Key action</th>
            <th scope="col" rowSpan={2}>Owners</th>
            {years.map((y) => (
              <th key={y} scope="colgroup" colSpan={grid.periods.filter((p) => p.financialYear === y).length}>
                {y}
              </th>
            ))}
          </tr>
          <tr>
            {grid.periods.map((p) => (
              <th key={p.label} scope="col" aria-label={p.label}>
                {p.label.split(' ')[1]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {[...titleOf.values()].map((d) => (
            <Fragment key={d.ref}>
              <tr>
                <th scope="rowgroup" colSpan={2 + grid.periods.length} className="nhsuk-u-font-weight-bold">
                  <span className="app-stp-grid__group">
                    {d.ref} ({d.kind}): {d.title}
                    {d.owner ? ` – ${d.owner}` : ''}
                  </span>
                </th>
              </tr>
              {grid.rows
                .filter((r) => r.deliverableRef === d.ref)
                .map((r) => (
                  <tr key={r.actionRefs} data-actions={r.actionRefs}>
                    <td>
                      {r.actions.map((a) => (
                        <p key={a.ref} className="nhsuk-body-s nhsuk-u-margin-bottom-1">
                          <strong>{a.ref}</strong> {a.title}
                        </p>
                      ))}
                      {r.actions.length > 1 ? <p className="nhsuk-body-s nhsuk-u-secondary-text-colour nhsuk-u-margin-bottom-0">One row of the plan holds both actions; its milestones are theirs together.</p> : null}
                    </td>
                    <td>{[...new Set(r.actions.map((a) => a.owners).filter(Boolean))].join(' / ')}</td>
                    {grid.periods.map((p) => (
                      <GridCell key={p.label} cell={r.cells[p.label] ?? null} period={p.label} />
                    ))}
                  </tr>
                ))}
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The STP milestone grid: national and local deliverables, key actions with owners, an X in each period a milestone falls due, coloured by its RAG. */
export function StpGridPage() {
  usePageTitle('STP milestone grid');
  const grid = useApiQuery<StpGridData>('/api/programme/stp-grid');
  const user = useUser();
  return (
    <>
      <Heading headingLevel="h1">STP milestone grid</Heading>
      <ProgrammeNav />
      {isAdmin(user) ? <ProgrammeImportLink /> : null}
      <p className="nhsuk-body">Quarters for 2017/18 and 2018/19, half-years after. X marks a milestone not yet rated; once reported it reads red, amber or green, in that colour.</p>
      <ExportLinks base="/api/programme/stp-grid/export" noun="the milestone grid" />
      <Loaded query={grid} what="milestone grid">
        {(data) =>
          data.rows.length ? (
            <>
              {isAdmin(user) ? <RateMilestoneForm grid={data} /> : null}
              <GridTable grid={data} />
            </>
          ) : (
            <p className="nhsuk-body">No STP milestones have been imported yet.{isAdmin(user) ? ' Import them below, or with atscale stp import.' : ''}</p>
          )
        }
      </Loaded>
      <p className="nhsuk-body nhsuk-u-margin-top-4 nhsuk-u-margin-bottom-2">The milestones one to a line, each with its rating, reason and evidence:</p>
      <ExportLinks base="/api/stp-milestones/export" noun="the milestones" />
      {isAdmin(user) ? <ProgrammeImportForm initialKind="stp" /> : null}
    </>
  );
}
