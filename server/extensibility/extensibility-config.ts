import { z } from 'zod';
import type { MessageSender } from '../mfa/outbox';
import { SandboxLimitsSchema } from './sandbox-limits';

/** `buildServer`'s `extensibility` option: sandbox limits, and a real sender instead of the outbox. */
export const ExtensibilityConfigSchema = z.object({
  /** Memory, time budgets and output cap of the rules and actions sandbox (sandbox-limits.ts). */
  sandbox: SandboxLimitsSchema.partial().optional(),
  /** Delivers MFA codes; default the local outbox file `<dataDir>/outbox.log`. */
  messageSender: z
    .custom<MessageSender>((value) => typeof (value as MessageSender | null)?.send === 'function')
    .optional(),
});
export type ExtensibilityConfig = z.input<typeof ExtensibilityConfigSchema>;
