import { Alert, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { ApiCallInput } from '../../../common/ipc/api.contract';
import type { SessionSummary } from '../../../common/ipc/session.schema';
import { apiCall, readSettings } from '../../api/gatehouse';
import { appErrorOf, unwrap } from '../../api/query-client';
import { ErrorCallout } from '../../components/error-callout';
import { ApiResponse } from './api-response';
import { rememberCall } from './call-history';
import { HistoryList } from './history-list';
import { RequestBuilder } from './request-builder';
import type { RequestForm } from './request-form';

/** The API the console may call: the profile's `apiBaseUrl`, else an http(s) audience (as main decides). */
function apiBaseOf(profile: { apiBaseUrl?: string | undefined; audience?: string | undefined }): string | null {
  const candidate = profile.apiBaseUrl ?? profile.audience;
  return candidate !== undefined && /^https?:\/\//i.test(candidate) ? candidate : null;
}

/**
 * Postman for the signed-in account's own API: main adds the access token, refreshes it once on a 401 and
 * says so, and refuses any URL outside the profile's API, so the token cannot be sent elsewhere.
 */
export function ApiConsoleView({ session }: { session: SessionSummary }) {
  const settings = useQuery({ queryKey: ['settings', 'view'], queryFn: () => unwrap(readSettings()) });
  const [loaded, setLoaded] = useState<RequestForm>();
  const call = useMutation({
    mutationFn: ({ input }: { input: ApiCallInput; form: RequestForm }) =>
      unwrap(apiCall({ ...input, accountId: session.accountId })),
    onSuccess: (result, { form }) =>
      rememberCall({ request: form, status: result.status, durationMs: result.durationMs, at: Date.now() }),
    onError: (_error, { form }) => rememberCall({ request: form, status: null, durationMs: null, at: Date.now() }),
  });
  const profile = settings.data?.profiles.find((candidate) => candidate.id === session.profileId);
  const base = profile === undefined ? null : apiBaseOf(profile);
  const settingsError = appErrorOf(settings.error);
  const callError = appErrorOf(call.error);

  return (
    <Stack gap="lg" w="100%">
      <Paper withBorder radius="md" p="lg">
        <Stack gap="sm">
          <Title order={2}>API console</Title>
          {settings.isPending && <Text aria-busy="true">Reading the profile’s API address…</Text>}
          {settingsError && <ErrorCallout error={settingsError} />}
          {settings.isSuccess && base === null && (
            <Alert color="yellow" variant="outline" title="No API is set for this server">
              Add the API base URL to this server’s profile in Settings. Gatehouse only sends your access token there.
            </Alert>
          )}
          {base !== null && (
            <>
              <Text size="sm">
                Requests go to{' '}
                <Text span ff="monospace">
                  {base}
                </Text>{' '}
                with your access token, which stays in Gatehouse’s background process.
              </Text>
              <RequestBuilder
                baseUrl={base}
                {...(loaded === undefined ? {} : { initial: loaded })}
                isSending={call.isPending}
                onSend={(input, form) => call.mutate({ input, form })}
              />
            </>
          )}
          {callError && <ErrorCallout error={callError} />}
        </Stack>
      </Paper>
      {call.data && (
        <Paper withBorder radius="md" p="lg">
          <ApiResponse result={call.data} />
        </Paper>
      )}
      <Paper withBorder radius="md" p="lg">
        <HistoryList onLoad={(past) => setLoaded({ ...past.request })} />
      </Paper>
    </Stack>
  );
}

export default ApiConsoleView;
