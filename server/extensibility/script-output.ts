import { z } from 'zod';

/**
 * What the harnesses hand back (harness-sources.ts), validated on the host: the script ran in the same
 * context as the harness and may have tampered with it, so nothing is trusted until it parses here.
 */

const LogLine = z.object({ level: z.string().max(16), line: z.string() });
const ScriptError = z.object({ name: z.string(), message: z.string(), unauthorized: z.boolean().catch(false) });

export const RuleOutput = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('ok'),
    context: z.object({
      accessToken: z.unknown().optional(),
      idToken: z.unknown().optional(),
      multifactor: z.unknown().optional(),
      redirect: z.unknown().optional(),
    }),
    logs: z.array(LogLine),
  }),
  z.object({ status: z.literal('error'), error: ScriptError, logs: z.array(LogLine) }),
]);
export type RuleOutput = z.infer<typeof RuleOutput>;

export const ActionCommand = z.discriminatedUnion('op', [
  z.object({ op: z.literal('deny'), reason: z.string() }),
  z.object({ op: z.literal('accessToken.setCustomClaim'), name: z.string(), value: z.unknown().optional() }),
  z.object({ op: z.literal('idToken.setCustomClaim'), name: z.string(), value: z.unknown().optional() }),
  z.object({ op: z.literal('accessToken.addScope'), scope: z.string() }),
  z.object({ op: z.literal('accessToken.removeScope'), scope: z.string() }),
  z.object({ op: z.literal('multifactor.enable'), provider: z.string(), allowRememberBrowser: z.boolean() }),
  z.object({ op: z.literal('redirect'), url: z.string() }),
]);
export type ActionCommand = z.infer<typeof ActionCommand>;

export const ActionOutput = z.object({
  status: z.enum(['ok', 'error']),
  error: ScriptError.optional(),
  commands: z.array(ActionCommand),
  logs: z.array(LogLine),
});
export type ActionOutput = z.infer<typeof ActionOutput>;

/** A plain JSON object (not an array), or undefined. */
export function asClaimObject(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
