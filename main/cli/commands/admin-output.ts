import type { AppResult } from '../../../common/errors/app-error';
import { exitCodes, printLine, type CliIo } from '../cli-io';
import { refused } from './admin-connect';

/** One row per item, columns padded to their widest cell; long cells are cut with an ellipsis. */
export function printTable(io: CliIo, headers: readonly string[], rows: readonly (readonly string[])[]): void {
  const cut = (cell: string) => (cell.length > 60 ? `${cell.slice(0, 59)}…` : cell);
  const table = [headers, ...rows].map((row) => row.map((cell) => cut(cell.replace(/\s+/g, ' '))));
  const widths = headers.map((_, column) => Math.max(...table.map((row) => row[column]?.length ?? 0)));
  for (const row of table) {
    printLine(
      io.stdout,
      row
        .map((cell, column) => cell.padEnd(widths[column] ?? 0))
        .join('  ')
        .trimEnd(),
    );
  }
}

/**
 * Ends an admin verb: prints the value (JSON with --json, else `render`'s human text) and exits 0, or
 * prints the AppError on stderr and exits 1 (3 when the admin is not signed in).
 */
export function finish<T>(io: CliIo, json: boolean, result: AppResult<T>, render: (value: T) => void): number {
  if (!result.ok) return refused(io, result.error).code;
  if (json) printLine(io.stdout, JSON.stringify(result.value, null, 2));
  else render(result.value);
  return exitCodes.ok;
}

/** A cell for a value that may be missing. */
export function cell(value: unknown): string {
  if (value === undefined || value === null || value === '') return '-';
  return typeof value === 'string' ? value : JSON.stringify(value);
}
