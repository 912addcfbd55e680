import { z } from 'zod';

/**
 * Limits of the rules and actions sandbox (design/security.md "Rules and actions sandbox"). Defaults are
 * Auth0's where it has one: a 20 s budget for the whole pipeline (auth0-wire.md §6.2); the rest are ours.
 */
export const SandboxLimitsSchema = z.object({
  /** V8 heap limit of each isolate, in MiB. */
  memoryMib: z.number().int().min(8).max(1024).default(64),
  /** Wall-clock budget of one script, in ms. */
  scriptTimeoutMs: z.number().int().min(1).max(60_000).default(5_000),
  /** Wall-clock budget of every script of one login together, in ms. */
  pipelineTimeoutMs: z.number().int().min(1).max(120_000).default(20_000),
  /** Largest JSON a script may hand back (claims, commands, console), in bytes. */
  maxOutputBytes: z.number().int().min(1_024).max(1_048_576).default(65_536),
  /** Console output kept per script, in bytes; the rest is cut, so logging alone cannot fail a login. */
  maxConsoleBytes: z.number().int().min(0).max(65_536).default(8_192),
  /** Isolates kept warm. A runaway script holds one; the others keep serving logins. */
  poolSize: z.number().int().min(1).max(16).default(2),
  /**
   * Runs one warm context serves before it is replaced by a fresh one (1 = a fresh context for every
   * run). Bounds how long a script's globals live, as Auth0 recycles its containers.
   */
  contextMaxRuns: z.number().int().min(1).max(1_000_000).default(1_000),
  /** Warm contexts (one per script version) kept in each isolate; the least recently used goes first. */
  warmContextsPerIsolate: z.number().int().min(1).max(256).default(32),
});

export type SandboxLimits = z.output<typeof SandboxLimitsSchema>;
export type SandboxLimitsInput = z.input<typeof SandboxLimitsSchema>;

/** The defaults, for callers that configure nothing. */
export const defaultSandboxLimits: SandboxLimits = SandboxLimitsSchema.parse({});
