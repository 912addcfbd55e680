import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { describeClaim } from '../../../common/claims/claim-descriptions';
import type { DryRunReport } from '../../../common/admin/dry-run.schema';
import type { SessionSummary } from '../../../common/ipc/session.schema';
import { adminTryRule } from '../../api/gatehouse';

type Provenance = { known: true; report: DryRunReport } | { known: false; why: string };

interface CustomClaim {
  readonly token: 'access' | 'id';
  readonly name: string;
}

/** Claims no registry explains: the ones a rule or action added, whose origin support wants to know. */
function customClaims(session: SessionSummary): CustomClaim[] {
  const of = (token: CustomClaim['token'], claims: Record<string, unknown> | null) =>
    Object.keys(claims ?? {})
      .filter((name) => (describeClaim(name)?.source ?? 'custom') === 'custom')
      .map((name) => ({ token, name }));
  return [...of('access', session.accessTokenClaims), ...of('id', session.idTokenClaims)];
}

/** The client a token was issued to: `azp` in an access token, else the ID token's audience. */
function clientOf(session: SessionSummary): string | undefined {
  const azp = session.accessTokenClaims?.['azp'];
  if (typeof azp === 'string') return azp;
  const aud = session.idTokenClaims?.['aud'];
  return typeof aud === 'string' ? aud : undefined;
}

/**
 * Which rule or action set each custom claim of the user's own tokens, from the admin dry run of the whole
 * login pipeline. The dry run needs admin access (a step-up with the scope to read rules); without it the
 * origin is not guessed: it says "unknown" and why.
 */
export function ClaimProvenance({ session }: { session: SessionSummary }) {
  const claims = customClaims(session);
  const sub = session.accessTokenClaims?.['sub'] ?? session.idTokenClaims?.['sub'];
  const clientId = clientOf(session);
  const provenance = useQuery({
    queryKey: ['inspect', 'provenance', session.accountId],
    enabled: claims.length > 0,
    queryFn: async (): Promise<Provenance> => {
      if (typeof sub !== 'string' || clientId === undefined) {
        return { known: false, why: 'the tokens do not say which user and client they belong to' };
      }
      const answer = await adminTryRule({
        target: { kind: 'pipeline' },
        userId: sub,
        clientId,
        ...(session.realm === null ? {} : { connection: session.realm }),
      });
      if (answer.ok) return { known: true, report: answer.value };
      return {
        known: false,
        why:
          answer.error.code === 'admin_step_up_required'
            ? 'finding out needs the admin dry run, and you have not stepped up to admin access'
            : `the admin dry run was not allowed (${answer.error.message})`,
      };
    },
  });
  if (claims.length === 0) return null;
  const data = provenance.data;
  const setBy = (claim: CustomClaim): string => {
    if (!data?.known) return 'unknown';
    const source = data.report.provenance.find((item) => item.token === claim.token && item.claim === claim.name);
    return source === undefined ? 'no script (the server itself)' : `${source.script.kind} “${source.script.name}”`;
  };

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="provenance-heading">
      <Stack gap="sm">
        <Title order={2} id="provenance-heading">
          Where my custom claims come from
        </Title>
        {provenance.isPending && <Text size="sm">Asking the admin dry run…</Text>}
        {data && !data.known && <Text size="sm">The origin of these claims is unknown: {data.why}.</Text>}
        <Table withTableBorder aria-labelledby="provenance-heading">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Claim</Table.Th>
              <Table.Th scope="col">Token</Table.Th>
              <Table.Th scope="col">Set by</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {claims.map((claim) => (
              <Table.Tr key={`${claim.token}:${claim.name}`}>
                <Table.Td ff="monospace" style={{ wordBreak: 'break-all' }}>
                  {claim.name}
                </Table.Td>
                <Table.Td>{claim.token === 'access' ? 'Access token' : 'ID token'}</Table.Td>
                <Table.Td>{provenance.isPending ? 'checking…' : setBy(claim)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  );
}
