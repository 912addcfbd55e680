import { describe, expect, it } from 'vitest';
import { ExtensibilityConfigSchema } from '../../../../server/extensibility/extensibility-config';
import { defaultSandboxLimits, SandboxLimitsSchema } from '../../../../server/extensibility/sandbox-limits';

describe('sandbox limits', () => {
  it('default to 64 MiB, 5 s per script, 20 s per login and 64 KiB of output (design/security.md)', () => {
    expect(defaultSandboxLimits).toEqual({
      memoryMib: 64,
      scriptTimeoutMs: 5_000,
      pipelineTimeoutMs: 20_000,
      maxOutputBytes: 65_536,
      maxConsoleBytes: 8_192,
      poolSize: 2,
      contextMaxRuns: 1_000,
      warmContextsPerIsolate: 32,
    });
  });

  it('take partial overrides and refuse nonsense', () => {
    expect(SandboxLimitsSchema.parse({ scriptTimeoutMs: 200 })).toMatchObject({ scriptTimeoutMs: 200, memoryMib: 64 });
    expect(() => SandboxLimitsSchema.parse({ memoryMib: 1 })).toThrow();
    expect(() => SandboxLimitsSchema.parse({ poolSize: 0 })).toThrow();
    expect(() => SandboxLimitsSchema.parse({ contextMaxRuns: 0 })).toThrow();
    expect(() => SandboxLimitsSchema.parse({ warmContextsPerIsolate: 0 })).toThrow();
    expect(() => ExtensibilityConfigSchema.parse({ messageSender: { post: () => undefined } })).toThrow();
    expect(
      ExtensibilityConfigSchema.parse({ messageSender: { send: async () => undefined } }).messageSender,
    ).toBeDefined();
  });
});
