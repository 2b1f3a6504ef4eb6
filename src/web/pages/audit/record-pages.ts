/** Where each kind of record has a page of its own (or the page that shows it, as the STP grid shows its milestones), from its ID. */
const pages: Readonly<Record<string, (id: string) => string>> = {
  practice: (code) => `/practices/${code}`,
  group: (id) => `/groups/${id}`,
  scheme: (id) => `/schemes/${id}`,
  risk: (id) => `/governance/risks/${id}`,
  board_action: (id) => `/governance/actions/${id}`,
  meeting: (id) => `/governance/meetings/${id}`,
  policy: (id) => `/governance/policies/${id}`,
  person: (id) => `/governance/people/${id}`,
  work_plan: (id) => `/programme?plan=${id}`,
  plan_section: () => '/programme',
  plan_task: (id) => `/programme/tasks/${id}`,
  stp_deliverable: () => '/programme/stp',
  stp_action: () => '/programme/stp',
  stp_milestone: () => '/programme/stp',
  stp_outcome: () => '/programme/outcomes',
  contract: (id) => `/contracts/${id}`,
  fund: (id) => `/funds/${id}`,
  fund_application: (id) => `/fund-applications/${id}`,
  income_stream: (id) => `/finance/streams/${id}`,
  user: () => '/users',
};

/** The page of an audit row's record, while the record is still there and has one; undefined otherwise. */
export function recordPage(entry: { recordType: string; recordId: string; recordStillThere: boolean }): string | undefined {
  if (!entry.recordStillThere) return undefined;
  return pages[entry.recordType]?.(encodeURIComponent(entry.recordId));
}
