import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { adminChannels } from '../../../common/ipc/admin.contract';
import { listChannels, listEvents } from '../../../common/ipc/contract';

// Field names that would carry a credential to the window (design/security.md, "Secrets").
const secretFieldName =
  /^(refresh_?token|access_?token|id_?token|password|client_?secret|secret|mfa_?token|code_?verifier)$/i;

/** Every object key an output schema can produce, however deeply nested. */
function fieldNames(schema: z.ZodType, seen = new Set<z.ZodType>()): string[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  if (schema instanceof z.ZodObject) {
    return Object.entries(schema.shape as Record<string, z.ZodType>).flatMap(([key, child]) => [
      key,
      ...fieldNames(child, seen),
    ]);
  }
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable || schema instanceof z.ZodDefault) {
    return fieldNames(schema.unwrap() as z.ZodType, seen);
  }
  if (schema instanceof z.ZodArray) return fieldNames(schema.element as z.ZodType, seen);
  if (schema instanceof z.ZodUnion)
    return (schema.options as z.ZodType[]).flatMap((option) => fieldNames(option, seen));
  if (schema instanceof z.ZodRecord) return fieldNames(schema.valueType as z.ZodType, seen);
  return [];
}

describe('the IPC contract', () => {
  it('walks nested output schemas (the walker itself can find a secret field)', () => {
    const leaky = z.object({
      session: z.object({ tokens: z.array(z.object({ refreshToken: z.string() })) }).nullable(),
    });
    expect(fieldNames(leaky)).toContain('refreshToken');
  });

  it('reaches into discriminated unions, such as the admin step-up’s outcome', () => {
    const names = fieldNames(adminChannels.stepUp.output);
    expect(names).toEqual(expect.arrayContaining(['access', 'scopes', 'mfa', 'transactionId', 'authenticators']));
    expect(fieldNames(adminChannels.stepUpVerify.output)).toEqual(expect.arrayContaining(['access', 'scopes']));
  });

  it.each(listChannels().map(({ spec }) => [spec.id, spec.output] as const))(
    '%s cannot carry a credential to the renderer',
    (_id, output) => {
      expect(fieldNames(output).filter((name) => secretFieldName.test(name))).toEqual([]);
    },
  );

  it.each(listEvents().map(({ spec }) => [spec.id, spec.payload] as const))(
    'event %s cannot carry a credential to the renderer',
    (_id, payload) => {
      expect(fieldNames(payload).filter((name) => secretFieldName.test(name))).toEqual([]);
    },
  );

  it('names every channel domain:verb, once', () => {
    const ids = listChannels().map(({ spec }) => spec.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+:[a-z][A-Za-z]+$/);
  });
});
