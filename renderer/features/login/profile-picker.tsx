import { NativeSelect } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { listProfiles, switchProfile } from '../../api/gatehouse';
import { appErrorOf, unwrap } from '../../api/query-client';
import { ErrorCallout } from '../../components/error-callout';

/**
 * Which server to sign in to, shown only when there are several profiles. Switching uses the same channel as
 * Settings (settings:useProfile); `onSwitched` then reloads the screen so the realms follow the new profile.
 */
export function ProfilePicker({ profileId, onSwitched }: { profileId: string; onSwitched: () => void }) {
  const profiles = useQuery({ queryKey: ['session', 'profiles'], queryFn: () => unwrap(listProfiles()) });
  const switching = useMutation({
    mutationFn: (next: string) => unwrap(switchProfile(next)),
    onSuccess: onSwitched,
  });
  const failure = appErrorOf(profiles.error) ?? appErrorOf(switching.error);
  if (failure) return <ErrorCallout error={failure} />;
  if (profiles.data === undefined || profiles.data.length < 2) return null;
  return (
    // Native, like the realm field: Mantine's combobox would weigh more than the rest of the form.
    <NativeSelect
      label="Server"
      description={switching.isPending ? 'Switching…' : 'Which server profile to sign in with'}
      data={profiles.data.map((profile) => ({ value: profile.profileId, label: profile.name }))}
      value={profileId}
      disabled={switching.isPending}
      onChange={(event) => {
        const next = event.currentTarget.value;
        if (next !== profileId) switching.mutate(next);
      }}
    />
  );
}
