import {
  Alert,
  Button,
  Checkbox,
  NativeSelect,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import type { AppError } from '../../../common/errors/app-error';
import type { ProfileSummary } from '../../../common/ipc/profile.contract';
import type { MfaStatus } from '../../../common/ipc/mfa.contract';
import type { SessionSummary } from '../../../common/ipc/session.schema';
import { mfaStatus, signIn } from '../../api/gatehouse';
import { ErrorCallout } from '../../components/error-callout';
import { AdvancedOptions } from './advanced-options';
import { ProfilePicker } from './profile-picker';
import { initialValues, suggestRealm, toSignInRequest, type RealmSource, type SignInFormValues } from './sign-in-form';
import { lazySignInResolver } from './lazy-sign-in-resolver';
import { TenantLine } from './tenant-line';
import { useCapsLock } from './use-caps-lock';

export interface LoginViewProps {
  profile: ProfileSummary;
  onSignedIn: (session: SessionSummary) => void;
  /** The password was right and the server wants a second factor: main holds the pending sign-in. */
  onMfaRequired: (status: MfaStatus) => void;
  /** Why the previous session ended on its own (from `session:changed`); shown and focused first. */
  notice?: string;
  /** The notice's heading; by default it says the session ended. */
  noticeTitle?: string;
  /** A failure from before this screen appeared, such as a silent restore that could not finish. */
  initialError?: AppError;
  /** Adding another account: go back to the signed-in one without signing in. */
  onCancel?: () => void;
  /** Where focus lands when the screen appears: the username at start-up, the heading after signing out. */
  focusOnMount: 'username' | 'heading';
  /** The user picked another server profile: reload so the form follows it. */
  onProfileSwitched?: () => void;
}

function realmNote(source: RealmSource | undefined, domain: string | undefined): string {
  if (source === 'pinned') return 'Set by your organisation';
  if (source === 'remembered') return 'The realm you used last time';
  if (source === 'domain') return `Suggested for ${domain ?? 'your e-mail domain'}`;
  return 'The directory your account belongs to';
}

/** The sign-in form: realm, username and password, validated as you type with the contract's rules. */
export function LoginView({
  profile,
  onSignedIn,
  onMfaRequired,
  notice,
  noticeTitle = 'You were signed out',
  initialError,
  focusOnMount,
  onCancel,
  onProfileSwitched,
}: LoginViewProps) {
  const resolver = useMemo(() => lazySignInResolver(profile.realms), [profile.realms]);
  const { control, register, handleSubmit, resetField, setFocus, setValue, formState } = useForm<SignInFormValues>({
    mode: 'onChange',
    resolver,
    defaultValues: initialValues(profile),
  });
  const { errors, isSubmitting } = formState;
  const capsLock = useCapsLock();
  // The realm follows the username (pin, then memory, then e-mail domain) until the user picks one by hand.
  const username = useWatch({ control, name: 'username' });
  const [isRealmChosen, setRealmChosen] = useState(false);
  const suggestion = isRealmChosen ? undefined : suggestRealm(profile, username);
  useEffect(() => {
    if (suggestion !== undefined) setValue('realm', suggestion.realm, { shouldValidate: true });
  }, [suggestion?.realm, setValue]); // eslint-disable-line react-hooks/exhaustive-deps
  const [failure, setFailure] = useState<AppError | undefined>(initialError);
  const [isNoticeShown, setNoticeShown] = useState(notice !== undefined);
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const failureRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (notice !== undefined) noticeRef.current?.focus();
    else if (initialError) failureRef.current?.focus();
    else if (focusOnMount === 'heading') headingRef.current?.focus();
    else setFocus('username');
    // Only on arrival: later changes move focus themselves.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const submit = handleSubmit(async (values) => {
    setFailure(undefined);
    setNoticeShown(false);
    const result = await signIn(toSignInRequest(profile, values));
    if (result.ok) {
      onSignedIn(result.value);
      return;
    }
    if (result.error.code === 'mfa_required') {
      const pending = await mfaStatus();
      if (pending.ok && pending.value) {
        onMfaRequired(pending.value);
        return;
      }
    }
    // Never leave a rejected password in the form: the next attempt starts from an empty field.
    resetField('password');
    setFailure(result.error);
  });

  // A new failure object each attempt, so focus moves to the message even when the words repeat.
  useEffect(() => {
    if (failure && failure !== initialError) failureRef.current?.focus();
  }, [failure, initialError]);

  return (
    <Paper component="main" withBorder shadow="sm" radius="md" p="xl" w="100%" maw={460}>
      <Stack gap="md">
        <div>
          <Title order={1} id={headingId} ref={headingRef} tabIndex={-1}>
            Sign in
          </Title>
          <Text size="sm" c="dimmed">
            {profile.name}
          </Text>
        </div>
        {notice !== undefined && isNoticeShown && (
          <Alert ref={noticeRef} tabIndex={-1} role="status" color="blue" variant="outline" title={noticeTitle}>
            {notice}
          </Alert>
        )}
        {onProfileSwitched && <ProfilePicker profileId={profile.profileId} onSwitched={onProfileSwitched} />}
        <form onSubmit={submit} noValidate aria-labelledby={headingId}>
          {/* Every field is required, so none wears an asterisk; `required` still tells assistive tech. */}
          <Stack gap="sm">
            {failure && <ErrorCallout ref={failureRef} error={failure} />}
            {profile.realms.length > 0 && (
              <Controller
                control={control}
                name="realm"
                render={({ field, fieldState }) => (
                  // A native select, not Mantine's Select: a short list needs no combobox, and the combobox
                  // (popover, floating-ui, scroll area) was a sixth of the first screen's JavaScript.
                  <NativeSelect
                    label="Realm"
                    description={realmNote(suggestion?.source, suggestion?.domain)}
                    // A realm the organisation pins is the only one offered.
                    data={profile.pinnedRealm === null ? profile.realms : [profile.pinnedRealm]}
                    required
                    withAsterisk={false}
                    value={field.value ?? ''}
                    onChange={(event) => {
                      setRealmChosen(true);
                      field.onChange(event.currentTarget.value);
                    }}
                    onBlur={field.onBlur}
                    ref={field.ref}
                    error={fieldState.error?.message}
                  />
                )}
              />
            )}
            <TextInput
              label="Username or e-mail"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              required
              withAsterisk={false}
              error={errors.username?.message}
              {...register('username')}
            />
            <PasswordInput
              label="Password"
              autoComplete="current-password"
              required
              withAsterisk={false}
              visibilityToggleFocusable
              visibilityToggleButtonProps={{ 'aria-label': 'Show password' }}
              error={errors.password?.message}
              // The warning is the field's description, so the input is described by it while it shows.
              description={
                capsLock.isOn ? (
                  <Text component="span" role="status" size="sm" c="var(--mantine-color-orange-text)" fw={600}>
                    Caps Lock is on
                  </Text>
                ) : undefined
              }
              {...capsLock.handlers}
              {...register('password', { onBlur: capsLock.clear })}
            />
            {profile.keepSessionsAllowed ? (
              <Checkbox
                label="Keep me signed in"
                description="Stay signed in after Gatehouse quits (the session is kept in the system keychain)"
                {...register('keepSignedIn')}
              />
            ) : (
              <Text size="sm" c="dimmed">
                Your organisation does not allow Gatehouse to keep you signed in: you will sign in again each time
                Gatehouse starts.
              </Text>
            )}
            <AdvancedOptions register={register} errors={errors} />
            <Button type="submit" loading={isSubmitting} mt="xs">
              Sign in
            </Button>
            {onCancel && (
              <Button variant="default" onClick={onCancel}>
                Back to my account
              </Button>
            )}
            {/* The button's spinner is silent to screen readers; this says the same thing out loud. */}
            <VisuallyHidden role="status">{isSubmitting ? 'Signing in…' : ''}</VisuallyHidden>
          </Stack>
        </form>
        <TenantLine issuer={profile.issuer} clientId={profile.clientId} />
      </Stack>
    </Paper>
  );
}
