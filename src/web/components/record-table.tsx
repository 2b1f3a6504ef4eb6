import { useSearchParams } from 'react-router';
import { queryString } from '../api/client.js';
import type { Page } from '../api/types.js';
import { useApiQuery } from '../api/use-api.js';
import { type Column, DataTable, type SortDirection, type SortState } from './data-table.js';
import { Pager } from './pager.js';
import { ApiErrorPanel, LoadingPanel } from './page-states.js';
import { ExportLinks } from './export-links.js';

/** What a new set of filters keeps from the address (it goes back to page 1). */
const keptKeys = ['sort', 'dir', 'pageSize'];

/**
 * A list's state lives in the address (so Back, bookmarks and shared links work): the filters the
 * page names, plus sort, dir and page. Changing a filter goes back to page 1.
 */
export function useListParams(filterNames: readonly string[], defaults: Record<string, string> = {}) {
  const [params, setParams] = useSearchParams();
  const filters: Record<string, string> = {};
  for (const name of filterNames) {
    const value = params.get(name) ?? defaults[name] ?? '';
    if (value !== '') filters[name] = value;
  }
  const sortKey = params.get('sort');
  const sort: SortState | undefined = sortKey ? { key: sortKey, dir: params.get('dir') === 'desc' ? 'desc' : 'asc' } : undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = Math.min(200, Math.max(1, Number(params.get('pageSize')) || 50));

  /** The address of this list with some values changed ('' removes one). */
  const hrefWith = (changes: Record<string, string | number | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined || value === '') next.delete(key);
      else next.set(key, String(value));
    }
    const text = next.toString();
    return text ? `?${text}` : '?';
  };

  const setFilters = (values: Record<string, string>) => {
    const next = new URLSearchParams();
    for (const key of keptKeys) {
      const kept = params.get(key);
      if (kept) next.set(key, kept);
    }
    for (const [key, value] of Object.entries(values)) if (value !== '') next.set(key, value);
    setParams(next);
  };

  const toggleSort = (key: string, given?: SortDirection) => {
    const dir: SortDirection = given ?? (sort?.key === key && sort.dir === 'asc' ? 'desc' : 'asc');
    setParams(new URLSearchParams(hrefWith({ sort: key, dir, page: undefined }).slice(1)));
  };

  return { filters, sort, page, pageSize, hrefWith, setFilters, toggleSort, params };
}

interface RecordTableProps<T> {
  /** The API resource: /api/{resource} lists, /api/{resource}/export.csv|xlsx downloads. */
  resource: string;
  caption: string;
  captionHidden?: boolean;
  columns: Column<T>[];
  rowKey(row: T): string | number;
  /** Field filters and q, as the API names them. */
  filters: Record<string, string>;
  sort?: SortState;
  page: number;
  onSort(key: string, dir?: SortDirection): void;
  hrefForPage(page: number): string;
  noun: string;
  pageSize?: number;
  exportable?: boolean;
}

/** A server-side list: fetches one page with the filters and sort, shows it sortable, with pagination and download links. */
export function RecordTable<T>({ resource, caption, captionHidden, columns, rowKey, filters, sort, page, onSort, hrefForPage, noun, pageSize = 50, exportable = true }: RecordTableProps<T>) {
  const sortParams = sort ? { sort: sort.key, dir: sort.dir } : {};
  const query = useApiQuery<Page<T>>(`/api/${resource}${queryString({ ...filters, ...sortParams, page, pageSize })}`, { keepPrevious: true });
  const exportQuery = queryString({ ...filters, ...sortParams });
  return (
    <>
      {exportable ? (
        <ExportLinks base={`/api/${resource}/export`} query={exportQuery} noun={`these ${noun}`} />
      ) : null}
      {query.error ? <ApiErrorPanel error={query.error} /> : null}
      {query.data ? (
        <>
          <DataTable caption={caption} captionHidden={captionHidden} columns={columns} rows={query.data.items} rowKey={rowKey} sort={sort} onSort={onSort} compact />
          <Pager page={query.data.page} pageSize={query.data.pageSize} total={query.data.total} hrefFor={hrefForPage} noun={noun} />
        </>
      ) : query.isPending ? (
        <LoadingPanel what={noun} />
      ) : null}
    </>
  );
}
