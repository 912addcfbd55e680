import { Button, List, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ConnectionStep } from '../../../common/ipc/settings.contract';
import { testConnection } from '../../api/gatehouse';
import { appErrorOf, unwrap } from '../../api/query-client';
import { ErrorCallout } from '../../components/error-callout';

const statusWords: Record<ConnectionStep['status'], string> = { pass: 'Passed', fail: 'Failed', skip: 'Skipped' };

/**
 * "Test connection" for one saved profile: each step's outcome in words (not colour alone), with its reason.
 * The answer is kept per profile until asked again; nothing is sent until the button is pressed.
 */
export function ConnectionCheck({ profileId, profileName }: { profileId: string; profileName: string }) {
  const check = useQuery({
    queryKey: ['settings', 'connection', profileId],
    queryFn: () => unwrap(testConnection(profileId)),
    enabled: false,
    staleTime: 0,
  });
  const failure = appErrorOf(check.error);
  const report = check.data;
  return (
    <Stack gap="xs">
      <Button
        size="xs"
        variant="default"
        w="fit-content"
        loading={check.isFetching}
        onClick={() => void check.refetch()}
        aria-label={`Test connection to ${profileName}`}
      >
        Test connection
      </Button>
      {failure && <ErrorCallout error={failure} />}
      {report && !check.isFetching && (
        <Stack gap={4} aria-label={`Connection test for ${profileName}`} component="section">
          <Text size="sm" fw={700}>
            {report.ok ? 'Connection works.' : 'Connection failed.'}
          </Text>
          <List size="sm" spacing={4}>
            {report.steps.map((step) => (
              <List.Item key={step.id} data-step={step.id} data-status={step.status}>
                <Text span fw={600} size="sm">
                  {step.title}: {statusWords[step.status]}.
                </Text>{' '}
                {step.reason}
                {step.url === undefined ? '' : ` (${step.url}, ${step.durationMs} ms)`}
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
    </Stack>
  );
}
