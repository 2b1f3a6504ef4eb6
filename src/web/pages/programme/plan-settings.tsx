import { Button } from 'nhsuk-react-components';
import { useNavigate } from 'react-router';
import { useApiMutation } from '../../api/use-api.js';
import { ApiErrorPanel } from '../../components/page-states.js';
import { RecordForm } from '../../components/record-form.js';
import { useRemoveQuestion } from '../finance/remove-question.js';
import type { PlanSummary, WorkPlan } from './types.js';

const planLists = ['/api/work-plans', '/api/plan-tasks', '/api/programme'];

/**
 * Admins: rename the plan, or remove it with its sections, tasks and their position updates (a plan
 * imported under the wrong name, or one the federation has finished with). Asked first; the audit
 * log keeps everything removed.
 */
export function PlanSettings({ plan, summary }: { plan: WorkPlan; summary: PlanSummary }) {
  const navigate = useNavigate();
  const remove = useApiMutation<WorkPlan>((p) => ({ method: 'DELETE', path: `/api/work-plans/${p.id}?rowVersion=${p.rowVersion}` }), planLists);
  const removal = useRemoveQuestion<WorkPlan>({
    id: 'remove-plan',
    remove,
    name: (p) => `the work plan ${p.name}`,
    consequence: () => `Its ${summary.sections.length} sections and ${summary.tasks} tasks, with their position updates, are removed too. The audit log keeps a record of them.`,
    onRemoved: (p) => navigate(`/programme?removed=${encodeURIComponent(p.name)}`, { replace: true }),
  });
  return (
    <details className="nhsuk-details">
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">Rename or remove this plan</span>
      </summary>
      <div className="nhsuk-details__text">
        <RecordForm<WorkPlan>
          resource="work-plans"
          id="plan-name"
          heading="Rename the plan"
          headingLevel="h3"
          fields={[{ name: 'name', label: 'Name', required: true, missing: 'Enter a name for the plan', width: 30 }]}
          record={plan}
          submitLabel="Save name"
          saved={(p) => `The plan is now called ${p.name}.`}
          invalidates={planLists}
        />
        {remove.error ? <ApiErrorPanel error={remove.error} /> : null}
        {removal.question}
        <Button type="button" secondary onClick={() => removal.ask(plan)} disabled={remove.isPending}>
          Remove this plan
        </Button>
      </div>
    </details>
  );
}
