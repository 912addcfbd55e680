import type { FieldError, FieldErrors, Resolver } from 'react-hook-form';
import { z } from 'zod';
import { SignInInput } from '../../../common/ipc/auth.contract';

/** What the login form holds. The password lives only here, in react-hook-form's state, until it is sent. */
export interface SignInFormValues {
  realm: string | null;
  username: string;
  password: string;
}

/**
 * The contract's own rules for username and password (so the form and main never disagree), plus "pick one
 * of the server's realms" when the profile has any. Without realms the `password` grant is used (realm null).
 */
export function signInFormSchema(realms: readonly string[]) {
  const realm =
    realms.length === 0
      ? z.null()
      : z.string({ error: 'Choose a realm' }).refine((value) => realms.includes(value), 'Choose a realm from the list');
  return SignInInput.pick({ username: true, password: true }).extend({ realm });
}

/**
 * A react-hook-form resolver for a zod schema: about fifteen lines, so no extra dependency
 * (@hookform/resolvers) for it. The first message per field wins, as the inputs show one line each.
 */
export function zodFormResolver(schema: ReturnType<typeof signInFormSchema>): Resolver<SignInFormValues> {
  return (values) => {
    const parsed = schema.safeParse(values);
    if (parsed.success) return { values: parsed.data, errors: {} };
    const errors: Partial<Record<keyof SignInFormValues, FieldError>> = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as keyof SignInFormValues;
      errors[field] ??= { type: issue.code, message: issue.message };
    }
    return { values: {}, errors: errors as FieldErrors<SignInFormValues> };
  };
}
