import { likelihoodFromText } from '../../domain/governance/risk-score.js';
import type { RegisterLayout } from './import-by-ref.js';

const cell = (row: Record<string, string>, name: string) => row[name]?.trim() || undefined;

/**
 * A risk register as the ELR seed writes it: id, risk, likelihood (L/M/H or 1–5), mitigation
 * (parts separated by " | ", kept as written), context; owner, impact, review_date, cause_effect,
 * target_score, status and closed_on (the day a closed risk was closed) are read when the file has them. The seed has no impact: it stays unset.
 */
export const riskRegisterLayout: RegisterLayout = {
  columns: ['id', 'risk', 'likelihood'],
  columnOf: { ref: 'id', risk: 'risk', likelihood: 'likelihood', likelihoodRaw: 'likelihood', mitigation: 'mitigation', context: 'context', ownerText: 'owner', impact: 'impact', reviewDate: 'review_date', causeEffect: 'cause_effect', targetScore: 'target_score', status: 'status', closedOn: 'closed_on' },
  // atscale's download writes the likelihood as a number beside the word it was first written as ("M").
  alsoFrom: { likelihood_as_written: 'likelihoodRaw' },
  async toInput(row) {
    const problems: { column: string; message: string }[] = [];
    const word = cell(row, 'likelihood');
    const likelihood = word === undefined ? null : likelihoodFromText(word);
    const asWritten = cell(row, 'likelihood_as_written');
    if (likelihood === undefined) problems.push({ column: 'likelihood', message: `"${word}" is not a likelihood; write L, M, H or 1 to 5` });
    return {
      problems,
      input: {
        ref: cell(row, 'id'),
        risk: cell(row, 'risk'),
        likelihood,
        // The word it was written as stays while the number is the same; a changed number is written as itself.
        likelihoodRaw: asWritten !== undefined && likelihoodFromText(asWritten) === likelihood ? asWritten : (word ?? null),
        mitigation: cell(row, 'mitigation') ?? null,
        context: cell(row, 'context') ?? null,
        ownerText: cell(row, 'owner') ?? null,
        impact: cell(row, 'impact') ?? null,
        reviewDate: cell(row, 'review_date') ?? null,
        causeEffect: cell(row, 'cause_effect') ?? null,
        targetScore: cell(row, 'target_score') ?? null,
        ...(cell(row, 'status') ? { status: cell(row, 'status') } : {}),
        ...(cell(row, 'closed_on') ? { closedOn: cell(row, 'closed_on') } : {}),
      },
    };
  },
};
