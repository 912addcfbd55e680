import type { Resolver } from 'react-hook-form';
import type { SignInFormValues } from './sign-in-form';

/**
 * The sign-in form's resolver, with its schema (zod and the auth contract) loaded on the first validation
 * rather than with the first screen. react-hook-form awaits resolvers anyway, so the only cost is one
 * small chunk load on the first keystroke or submit; a failed load is tried again on the next validation.
 */
export function lazySignInResolver(realms: readonly string[]): Resolver<SignInFormValues> {
  let loading: Promise<Resolver<SignInFormValues>> | undefined;
  return async (values, context, options) => {
    loading ??= import('./sign-in-schema').then(
      (schema) => schema.signInResolver(realms),
      (cause: unknown) => {
        loading = undefined;
        throw cause;
      },
    );
    const resolve = await loading;
    return resolve(values, context, options);
  };
}
