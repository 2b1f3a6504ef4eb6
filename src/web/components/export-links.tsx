/** Links to download what a page shows: `${base}.csv`, `${base}.xlsx` (and any query), each named for screen readers. */
export function ExportLinks({ base, query = '', noun, formats = ['csv', 'xlsx'] }: { base: string; query?: string; noun: string; formats?: readonly ('csv' | 'xlsx')[] }) {
  return (
    <div className="app-table-actions">
      {formats.map((format) => (
        <a key={format} className="nhsuk-link" href={`${base}.${format}${query}`} download>
          Download {format.toUpperCase()}
          <span className="nhsuk-u-visually-hidden"> of {noun}</span>
        </a>
      ))}
    </div>
  );
}
