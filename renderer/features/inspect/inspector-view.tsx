import {
  Button,
  Code,
  CopyButton,
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { AppError } from '../../../common/errors/app-error';
import type { SupportBundle, TokenRef, VerificationResult } from '../../../common/ipc/inspect.contract';
import { inspectSupportBundle, inspectVerify } from '../../api/gatehouse';
import { ErrorCallout } from '../../components/error-callout';
import type { SessionSummary } from '../../../common/ipc/session.schema';
import { ClaimProvenance } from './claim-provenance';
import { TokenDiffView } from './token-diff-view';
import { VerificationReport } from './verification-report';

type Source = 'access' | 'id' | 'paste';

const sources = [
  { value: 'access', label: 'My access token' },
  { value: 'id', label: 'My ID token' },
  { value: 'paste', label: 'Paste a token' },
];

/**
 * The support desk's token inspector. The session's own tokens are named, not sent: main looks them up, so
 * they never travel to the window. A pasted token is checked against the configured issuer's key set only.
 */
export function InspectorView({ session }: { session?: SessionSummary }) {
  const [source, setSource] = useState<Source>('access');
  const [pasted, setPasted] = useState('');
  const [audience, setAudience] = useState('');
  const [skew, setSkew] = useState<number>(60);
  const [result, setResult] = useState<VerificationResult>();
  const [bundle, setBundle] = useState<SupportBundle>();
  const [failure, setFailure] = useState<AppError>();
  const [isBusy, setBusy] = useState(false);

  const tokenRef = (): TokenRef => (source === 'paste' ? pasted : { source: 'session', which: source });

  const inspect = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFailure(undefined);
    setBundle(undefined);
    const answer = await inspectVerify({
      token: tokenRef(),
      skewSeconds: skew,
      ...(audience.trim() === '' ? {} : { expectedAudience: audience.trim() }),
    });
    setBusy(false);
    if (answer.ok) setResult(answer.value);
    else {
      setResult(undefined);
      setFailure(answer.error);
    }
  };

  const makeBundle = async () => {
    const answer = await inspectSupportBundle([tokenRef()]);
    if (answer.ok) setBundle(answer.value);
    else setFailure(answer.error);
  };

  return (
    <Stack gap="lg" w="100%">
      <Paper withBorder radius="md" p="lg">
        <form onSubmit={inspect} noValidate>
          <Stack gap="sm">
            <Title order={2}>Token inspector</Title>
            <SegmentedControl
              aria-label="Token to inspect"
              data={sources}
              value={source}
              onChange={(value) => setSource(value as Source)}
            />
            {source === 'paste' && (
              <Textarea
                label="Token"
                description="A JWT or an opaque token. A leading “Bearer ” is ignored."
                autosize
                minRows={3}
                maxRows={8}
                spellCheck={false}
                autoComplete="off"
                styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
                value={pasted}
                onChange={(event) => setPasted(event.currentTarget.value)}
              />
            )}
            <Group grow align="flex-start">
              <TextInput
                label="Expected audience"
                description="Empty: the profile’s audience, or its client id"
                value={audience}
                onChange={(event) => setAudience(event.currentTarget.value)}
              />
              <NumberInput
                label="Clock skew allowed (seconds)"
                description="For exp, nbf and iat"
                min={0}
                max={3600}
                value={skew}
                onChange={(value) => setSkew(typeof value === 'number' ? value : 0)}
              />
            </Group>
            {failure && <ErrorCallout error={failure} />}
            <Group>
              <Button type="submit" loading={isBusy}>
                Inspect
              </Button>
              <Button variant="default" onClick={makeBundle} disabled={!result}>
                Make a support bundle
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      {bundle && (
        <Paper withBorder radius="md" p="lg">
          <Stack gap="xs">
            <Title order={3}>Support bundle</Title>
            <Text size="sm">{bundle.redaction}</Text>
            <CopyButton value={JSON.stringify(bundle, null, 2)}>
              {({ copied, copy }) => (
                <Button variant="default" onClick={copy} w="fit-content">
                  {copied ? 'Copied' : 'Copy to clipboard'}
                </Button>
              )}
            </CopyButton>
            <Code block aria-label="Support bundle JSON">
              {JSON.stringify(bundle, null, 2)}
            </Code>
          </Stack>
        </Paper>
      )}
      {result && (
        <Paper withBorder radius="md" p="lg">
          <VerificationReport result={result} />
        </Paper>
      )}
      <TokenDiffView />
      {session && <ClaimProvenance session={session} />}
    </Stack>
  );
}
