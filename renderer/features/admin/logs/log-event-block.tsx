import { Alert, Group, List, Stack, Text } from '@mantine/core';
import type { LogEvent } from '../../../../common/admin/log.schema';
import type { BlockTarget } from '../../../../common/admin/user.schema';
import { adminClearBlocks, adminListBlocks } from '../../../api/gatehouse';
import { ErrorCallout } from '../../../components/error-callout';
import { FocusedError } from '../shared/focused-error';
import { LoadingLine } from '../shared/loading-line';
import { WriteButton } from '../shared/write-button';
import { useAdminLoad } from '../use-admin-load';
import { useAdminWrite } from '../use-admin-write';

/** Log codes of a brute-force block on a user (auth0-wire.md §3.2, §7.6). */
const blockTypes = new Set(['limit_wc', 'limit_sul']);

/**
 * The block a block event is about: its user, else the identifier the sign-in typed (a refused attempt on an
 * already blocked identifier is logged before the user is looked up). Undefined for other events.
 */
export function blockOf(event: Pick<LogEvent, 'type' | 'user_id' | 'user_name'>): BlockTarget | undefined {
  if (!blockTypes.has(event.type)) return undefined;
  if (event.user_id !== undefined) return { userId: event.user_id };
  return event.user_name === undefined ? undefined : { identifier: event.user_name };
}

/**
 * The block an event caused, as the tenant holds it now, with "Clear this block" (immediate: support needs it
 * at once). Once cleared, or ended by itself, it says so.
 */
export function LogEventBlock({ target, userName }: { target: BlockTarget; userName: string }) {
  const key = 'userId' in target ? `user:${target.userId}` : `identifier:${target.identifier}`;
  const locks = useAdminLoad(['blocks', key], () => adminListBlocks(target));
  const write = useAdminWrite();
  const clear = () =>
    write.run(
      'clear',
      () => adminClearBlocks(target),
      () => locks.replace([]),
    );
  return (
    <Stack gap="xs" component="section" aria-label="The block this event caused">
      <Text size="sm" fw={600}>
        The block this event caused
      </Text>
      {locks.error && <ErrorCallout error={locks.error} />}
      {write.failure && <FocusedError error={write.failure} />}
      {locks.isLoading && locks.value === undefined && <LoadingLine label="Reading the block…" />}
      {locks.value?.length === 0 && (
        <Alert color="green" variant="outline" role="status" title="No longer blocked">
          {userName} is not blocked now: sign-ins are not refused for failed attempts.
        </Alert>
      )}
      {locks.value !== undefined && locks.value.length > 0 && (
        <>
          <Text size="sm">{userName} is blocked: even the right password is refused until the block is cleared.</Text>
          <List size="sm">
            {locks.value.map((lock) => (
              <List.Item key={`${lock.identifier}|${lock.ip ?? ''}`}>
                {lock.identifier}
                {lock.ip ? ` from ${lock.ip}` : ' from every address'}
                {lock.connection ? ` (${lock.connection})` : ''}
              </List.Item>
            ))}
          </List>
          <Group>
            <WriteButton needs={['update:users']} color="red.9" onClick={clear} loading={write.busy === 'clear'}>
              Clear this block
            </WriteButton>
          </Group>
        </>
      )}
    </Stack>
  );
}
