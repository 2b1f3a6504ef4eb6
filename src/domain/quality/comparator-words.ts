/**
 * The comparator pooled over every practice atscale holds figures for. Once the national QOF
 * files are imported that is all of England; with only a federation's own practices loaded it is
 * just those, so no page, export or chart calls it "England" on its own.
 */
export const ALL_PRACTICES_HELD = 'All practices held';
