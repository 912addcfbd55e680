/** One line of the client part of the `npm run bench` output. */
export interface BenchRow {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly target: string;
  /** How it was measured, and figures that put the value in context; printed under the row. */
  readonly notes?: readonly string[];
}

/** `| client | name | value unit | target … |`, then one indented line per note. */
export function renderClientRow(row: BenchRow): string {
  const value = Number.isInteger(row.value) ? String(row.value) : row.value.toFixed(2);
  const notes = (row.notes ?? []).map((note) => `\n  ${note}`).join('');
  return `| client | ${row.name} | ${value} ${row.unit} | target ${row.target} |${notes}`;
}
