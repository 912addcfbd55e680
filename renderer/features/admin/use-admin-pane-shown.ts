import { useQuery } from '@tanstack/react-query';
import { adminTab } from '../../api/gatehouse';
import { unwrap } from '../../api/query-client';

/**
 * Whether this account sees the Admin tab: main answers from the managed policy (`showAdminPane`) and the
 * account's eligibility (a role claim in its ID token, or an earlier step-up). Undefined until it answers, then
 * false if it could not, so the tab appears only when known to belong. Main refuses admin calls on its own;
 * this only decides what shows.
 */
export function useAdminPaneShown(accountId: string): boolean | undefined {
  const query = useQuery({
    queryKey: ['session', 'admin-tab', accountId],
    queryFn: () => unwrap(adminTab(accountId)),
  });
  if (query.isPending) return undefined;
  return query.data?.shown === true;
}
