import type { DryRunReport } from '../../../../../common/admin/dry-run.schema';
import type { Json } from '../../staging/staged-change';
import { jsonEqual } from '../../staging/json-equal';

/** One line of the side-by-side comparison: what the rule gave, what the draft action gave. */
export interface ComparisonRow {
  readonly key: string;
  /** Plain words: "Outcome", "ID token: https://…/realm". */
  readonly label: string;
  /** JSON text, or undefined when that run did not produce it. */
  readonly rule: string | undefined;
  readonly action: string | undefined;
  readonly matches: boolean;
}

const show = (value: Json | undefined) => (value === undefined ? undefined : JSON.stringify(value));

function row(key: string, label: string, rule: Json | undefined, action: Json | undefined): ComparisonRow {
  return { key, label, rule: show(rule), action: show(action), matches: jsonEqual(rule, action) };
}

function claimRows(
  token: 'id' | 'access',
  rule: Readonly<Record<string, Json>>,
  action: Readonly<Record<string, Json>>,
) {
  const names = [...new Set([...Object.keys(rule), ...Object.keys(action)])].sort();
  const words = token === 'id' ? 'ID token' : 'Access token';
  return names.map((name) => row(`${token}:${name}`, `${words}: ${name}`, rule[name], action[name]));
}

/**
 * Lines up a rule's dry run with its draft action's, run against the same sign-in: outcome, error, granted
 * scope, then every claim either set, each marked as matching or not.
 */
export function compareRuns(rule: DryRunReport, action: DryRunReport): ComparisonRow[] {
  const rows = [row('outcome', 'Outcome', rule.outcome, action.outcome)];
  if (rule.error !== undefined || action.error !== undefined) {
    rows.push(row('error', 'Error code', rule.error?.error, action.error?.error));
    rows.push(row('error-description', 'Error message', rule.error?.errorDescription, action.error?.errorDescription));
  }
  // The order scopes are granted in means nothing to the token: compare them as sets.
  const scope = (list: readonly string[]) => [...list].sort().join(' ');
  rows.push(row('scope', 'Granted scope', scope(rule.accessTokenScope), scope(action.accessTokenScope)));
  return [
    ...rows,
    ...claimRows('id', rule.idTokenClaims as Record<string, Json>, action.idTokenClaims as Record<string, Json>),
    ...claimRows(
      'access',
      rule.accessTokenClaims as Record<string, Json>,
      action.accessTokenClaims as Record<string, Json>,
    ),
  ];
}
