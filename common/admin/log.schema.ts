import { z } from 'zod';
import { isAllowlistEntry } from './ip-allowlist-entry';
import { JsonObject } from './admin-common.schema';

/** A tenant log event (auth0-wire.md §7.6). Servers keep credentials out of `details`. */
export const LogEvent = z.object({
  log_id: z.string(),
  date: z.string(),
  type: z.string(),
  description: z.string().nullish(),
  connection: z.string().optional(),
  connection_id: z.string().optional(),
  client_id: z.string().optional(),
  client_name: z.string().optional(),
  ip: z.string().optional(),
  client_ip: z.string().nullish(),
  hostname: z.string().optional(),
  user_id: z.string().optional(),
  user_name: z.string().optional(),
  audience: z.string().optional(),
  scope: z.union([z.string(), z.array(z.string())]).nullish(),
  strategy: z.string().optional(),
  strategy_type: z.string().optional(),
  user_agent: z.string().optional(),
  isMobile: z.boolean().optional(),
  details: JsonObject.nullish(),
  auth0_client: JsonObject.optional(),
  location_info: JsonObject.optional(),
});
export type LogEvent = z.infer<typeof LogEvent>;

/** What a log search asks for: Lucene `q` (§7.6 subset), offset paging and date order. */
export const LogSearch = z.strictObject({
  q: z.string().max(1024).optional(),
  page: z.number().int().min(0).max(1_000_000).optional(),
  perPage: z.number().int().min(1).max(100).optional(),
  /** `date:-1` (newest first, the default) or `date:1`. */
  sort: z.enum(['date:-1', 'date:1']).optional(),
});
export type LogSearch = z.infer<typeof LogSearch>;

/** Checkpoint reading (`from`/`take`): events after the checkpoint, oldest first; for live tails. */
export const LogCheckpoint = z.strictObject({
  from: z.string().min(1).max(400).optional(),
  take: z.number().int().min(1).max(100).optional(),
});
export type LogCheckpoint = z.infer<typeof LogCheckpoint>;

/** Brute-force protection settings (§3.2, §7.7). */
export const BruteForceProtection = z.object({
  enabled: z.boolean(),
  shields: z.array(z.string()).optional(),
  allowlist: z.array(z.string()).optional(),
  mode: z.string().optional(),
  max_attempts: z.number().int().optional(),
});
export type BruteForceProtection = z.infer<typeof BruteForceProtection>;

/** IPs and CIDR ranges never counted or blocked (Auth0 takes at most 100). */
const AllowlistPatch = z
  .array(z.string().max(64).refine(isAllowlistEntry, 'Each entry must be an IP address or a CIDR range.'))
  .max(100);

export const BruteForcePatch = z.strictObject({
  enabled: z.boolean().optional(),
  shields: z.array(z.enum(['block', 'user_notification'])).optional(),
  allowlist: AllowlistPatch.optional(),
  mode: z.enum(['count_per_identifier_and_ip', 'count_per_identifier']).optional(),
  max_attempts: z.number().int().min(1).max(100).optional(),
});
export type BruteForcePatch = z.infer<typeof BruteForcePatch>;

const ThrottleStage = z.object({ max_attempts: z.number().int().optional(), rate: z.number().int().optional() });

/** Suspicious-IP throttling settings (§3.3, §7.7). */
export const SuspiciousIpThrottling = z.object({
  enabled: z.boolean(),
  shields: z.array(z.string()).optional(),
  allowlist: z.array(z.string()).optional(),
  stage: z
    .object({ 'pre-login': ThrottleStage.optional(), 'pre-user-registration': ThrottleStage.optional() })
    .optional(),
});
export type SuspiciousIpThrottling = z.infer<typeof SuspiciousIpThrottling>;

const ThrottleStagePatch = z.strictObject({
  max_attempts: z.number().int().min(1).max(72_000).optional(),
  rate: z.number().int().min(1).max(2_592_000_000).optional(),
});

export const SuspiciousIpPatch = z.strictObject({
  enabled: z.boolean().optional(),
  shields: z.array(z.enum(['block', 'admin_notification'])).optional(),
  allowlist: AllowlistPatch.optional(),
  stage: z
    .strictObject({
      'pre-login': ThrottleStagePatch.optional(),
      'pre-user-registration': ThrottleStagePatch.optional(),
    })
    .optional(),
});
export type SuspiciousIpPatch = z.infer<typeof SuspiciousIpPatch>;
