import { drift } from './drift.js';
import type { DriftItem, Report, Statement } from './types.js';

export interface ReportDrift {
  report: string;
  /** Against the statement's origin (empty for the origin itself). */
  fromOrigin: DriftItem[];
  /** Against the fullest wording (empty for the fullest report itself). */
  fromFullest: DriftItem[];
}

/** The drift of every report of a statement against its origin and its fullest wording. */
export function statementDrift(
  statement: Statement,
  reportOf: (id: string) => Report | undefined,
): ReportDrift[] {
  const need = (id: string): Report => {
    const r = reportOf(id);
    if (!r) throw new Error(`report ${id} of statement ${statement.id} is not available`);
    return r;
  };
  const origin = need(statement.origin);
  const fullest = need(statement.fullest);
  return statement.reports.map((id) => {
    const r = need(id);
    return {
      report: id,
      fromOrigin: id === origin.id ? [] : drift(origin, r),
      fromFullest: id === fullest.id ? [] : drift(fullest, r),
    };
  });
}
