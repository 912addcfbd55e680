import { zodResolver } from '@hookform/resolvers/zod';
import type { Resolver } from 'react-hook-form';
import { z } from 'zod';
import { SignInInput } from '../../../common/ipc/auth.contract';
import { parseExtraParams, type SignInFormValues } from './sign-in-form';

// Loaded on the form's first validation (lazy-sign-in-resolver.ts), not with the first screen: zod and the
// contract's schemas are a third of the sign-in screen's JavaScript, and an empty form needs none of it.

/**
 * The contract's own rules (so the form and main never disagree), plus "pick one of the server's realms"
 * when the profile has any. Without realms the `password` grant is used (realm null).
 */
export function signInFormSchema(realms: readonly string[]) {
  const realm =
    realms.length === 0
      ? z.null()
      : z.string({ error: 'Choose a realm' }).refine((value) => realms.includes(value), 'Choose a realm from the list');
  return SignInInput.pick({ username: true, password: true }).extend({
    realm,
    keepSignedIn: z.boolean(),
    audience: z.string().max(2048),
    scope: z.string().max(4096),
    extraParams: z.string().superRefine((text, context) => {
      const parsed = parseExtraParams(text);
      if (!parsed.ok) {
        context.addIssue({ code: 'custom', message: `“${parsed.line}” is not name=value` });
        return;
      }
      const checked = SignInInput.shape.extraParams.safeParse(parsed.value);
      if (!checked.success) {
        const issue = checked.error.issues[0];
        const name = issue?.path[0];
        // A bad name comes back as "Invalid key in record" with the real reason nested inside.
        const reason = (issue?.code === 'invalid_key' ? issue.issues[0]?.message : undefined) ?? issue?.message;
        context.addIssue({
          code: 'custom',
          message: typeof name === 'string' ? `${name}: ${reason ?? 'not allowed'}` : (reason ?? 'not allowed'),
        });
      }
    }),
  });
}

/** The sign-in form's resolver: the schema above through @hookform/resolvers. */
export function signInResolver(realms: readonly string[]): Resolver<SignInFormValues> {
  return zodResolver(signInFormSchema(realms));
}
