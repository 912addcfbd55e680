import { Alert, Code, Stack, Text, Title } from '@mantine/core';
import type { VerificationResult } from '../../../common/ipc/inspect.contract';
import { ExpiryCountdown } from '../../components/expiry-countdown';
import { CheckList } from './check-list';
import { ExplainedClaims } from './explained-claims';

/**
 * What the inspector found: the verdict, each check, the key that was used, the expiry countdown, the
 * header, and every claim explained. Main sent no raw token and no signature, so none can be shown.
 */
export function VerificationReport({ result }: { result: VerificationResult }) {
  const { decoded, key } = result;
  return (
    <Stack gap="md" aria-live="polite">
      <Alert
        color={result.valid ? 'teal.9' : 'red.9'}
        variant="outline"
        title={result.valid ? 'This token checks out' : 'This token failed a check'}
      >
        <Stack gap={4}>
          <Text size="sm">{decoded.summary}</Text>
          {result.clockWarning && <Text size="sm">{result.clockWarning}</Text>}
        </Stack>
      </Alert>
      {decoded.expiry && (
        <Text size="sm">
          Expires: <ExpiryCountdown expiresAt={decoded.expiry.expiresAt} />
        </Text>
      )}
      <CheckList checks={result.checks} />
      {key && (
        <Text size="sm">
          Verified with key <Code>{key.kid ?? '(no kid)'}</Code> ({key.alg}) from <Code>{key.keySetUrl}</Code>
          {key.refetched ? ', fetched again because the token named a key the cached set did not have.' : '.'}
        </Text>
      )}
      {decoded.notes.length > 0 && (
        <Stack gap={2}>
          {decoded.notes.map((note) => (
            <Text size="sm" key={note}>
              {note}
            </Text>
          ))}
        </Stack>
      )}
      {decoded.header && (
        <Stack gap="xs">
          <Title order={3}>Header</Title>
          <Code block>{JSON.stringify(decoded.header, null, 2)}</Code>
        </Stack>
      )}
      <ExplainedClaims title="Claims" claims={decoded.explained} />
      {result.introspection && (
        <ExplainedClaims
          title={`Introspection (${result.introspection.active ? 'active' : 'not active'})`}
          claims={result.introspection.explained}
        />
      )}
    </Stack>
  );
}
