import { z } from 'zod';
import { allowlistEntryProblem } from '../../../../common/admin/ip-allowlist-entry';
import { BruteForcePatch, SuspiciousIpPatch } from '../../../../common/admin/log.schema';

/** Auth0's most allow-list entries per setting (auth0-wire.md §3.3). */
const mostEntries = 100;

/** The allow-list textarea's lines: one entry a line, blank lines ignored. */
export const allowlistLines = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

/** Every problem of an allow-list, one plain sentence each, naming the line. */
export function allowlistProblems(text: string): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (line === '') return;
    const problem = allowlistEntryProblem(line);
    if (problem) problems.push(`Line ${index + 1}: “${line}” ${problem}.`);
    else if (seen.has(line)) problems.push(`Line ${index + 1}: “${line}” is listed twice.`);
    seen.add(line);
  });
  const count = allowlistLines(text).length;
  if (count > mostEntries) problems.push(`${count} entries: the tenant takes at most ${mostEntries}.`);
  return problems;
}

const AllowlistText = z.string().superRefine((text, context) => {
  for (const message of allowlistProblems(text)) context.addIssue({ code: 'custom', message });
});

/** A whole number between the limits the tenant accepts, with the limits said in words. */
const count = (least: number, most: number) =>
  z
    .number({ error: 'Enter a number.' })
    .int('Use a whole number.')
    .min(least, `Use at least ${least.toLocaleString()}.`)
    .max(most, `Use at most ${most.toLocaleString()}.`);

// The choices come from the contract's patch schemas, so the form can offer only what the channel sends.
const BruteForceShields = BruteForcePatch.shape.shields.unwrap();
const BruteForceMode = BruteForcePatch.shape.mode.unwrap();
const SuspiciousIpShields = SuspiciousIpPatch.shape.shields.unwrap();

export const BruteForceForm = z.object({
  enabled: z.boolean(),
  max_attempts: count(1, 100),
  mode: BruteForceMode,
  shields: BruteForceShields,
  allowlist: AllowlistText,
});
export type BruteForceForm = z.infer<typeof BruteForceForm>;

/** Rates are in milliseconds per new attempt (one more attempt after each `rate` ms); 30 days at most. */
const rate = count(1, 2_592_000_000);

export const SuspiciousIpForm = z.object({
  enabled: z.boolean(),
  shields: SuspiciousIpShields,
  allowlist: AllowlistText,
  preLoginMaxAttempts: count(1, 2500),
  preLoginRate: rate,
  preRegistrationMaxAttempts: count(1, 72_000),
  preRegistrationRate: rate,
});
export type SuspiciousIpForm = z.infer<typeof SuspiciousIpForm>;
