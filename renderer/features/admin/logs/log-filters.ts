/** The log filter controls' values; empty strings mean "any". */
export interface LogFilters {
  /** A key of `eventGroups`. */
  readonly event: string;
  readonly user: string;
  readonly realm: string;
  readonly client: string;
  readonly ip: string;
  /** `YYYY-MM-DD`, inclusive. */
  readonly from: string;
  readonly to: string;
}

export const noFilters: LogFilters = { event: '', user: '', realm: '', client: '', ip: '', from: '', to: '' };

/** Event types by plain name, as the filter offers them; each is one or more Auth0 log codes (auth0-wire.md §7.6). */
export const eventGroups: Readonly<Record<string, { readonly label: string; readonly types: readonly string[] }>> = {
  'failed-login': { label: 'Failed login', types: ['f', 'fp', 'fu', 'fepft'] },
  'successful-login': { label: 'Successful login', types: ['s', 'sepft'] },
  'blocked-account': { label: 'Blocked account', types: ['limit_wc', 'limit_sul'] },
  'block-released': { label: 'Block released', types: ['ublkdu'] },
  'throttled-ip': { label: 'Throttled IP address', types: ['limit_mu'] },
  refresh: { label: 'Token refresh', types: ['sertft'] },
  'failed-refresh': { label: 'Failed refresh', types: ['fertft', 'ferrt'] },
  mfa: {
    label: 'Second factor (MFA)',
    types: ['mfar', 'seotpft', 'feotpft', 'seoobft', 'feoobft', 'sercft', 'fercft'],
  },
  'admin-change': { label: 'Admin change', types: ['sapi', 'fapi'] },
};

/** A Lucene phrase: quoted, with `"` and `\` escaped, so any typed value stays one term. */
const phrase = (value: string) => `"${value.replace(/[\\"]/g, (char) => `\\${char}`)}"`;

/**
 * The Lucene query (Auth0's log search subset) that the filters stand for. It is shown and stays editable: the
 * filters write it, the admin may change it before searching.
 */
export function luceneQuery(filters: LogFilters): string {
  const parts: string[] = [];
  const group = eventGroups[filters.event];
  if (group) {
    parts.push(group.types.length === 1 ? `type:${group.types[0]}` : `type:(${group.types.join(' OR ')})`);
  }
  const user = filters.user.trim();
  if (user !== '') parts.push(user.includes('|') ? `user_id:${phrase(user)}` : `user_name:${phrase(user)}`);
  if (filters.realm.trim() !== '') parts.push(`connection:${phrase(filters.realm.trim())}`);
  if (filters.client.trim() !== '') parts.push(`client_id:${phrase(filters.client.trim())}`);
  if (filters.ip.trim() !== '') parts.push(`ip:${phrase(filters.ip.trim())}`);
  if (filters.from !== '' || filters.to !== '') {
    const from = filters.from === '' ? '*' : filters.from;
    const to = filters.to === '' ? '*' : filters.to;
    parts.push(`date:[${from} TO ${to}]`);
  }
  return parts.join(' AND ');
}
