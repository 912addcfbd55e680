import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { TokenDiff } from '../../../common/ipc/inspect.contract';
import { formatLocalDateTime } from '../../../renderer/components/time-format';
import { DiffTable } from '../../../renderer/features/inspect/diff-table';
import { renderInApp } from '../render';

const exp = { before: 1_900_000_000, after: 1_900_003_600 };
const diff: TokenDiff = {
  changes: [
    { part: 'claims', name: 'exp', change: 'changed', before: exp.before, after: exp.after, meaning: 'Expiry.' },
    {
      part: 'claims',
      name: 'https://gatehouse.test/roles',
      change: 'added',
      after: ['support'],
      meaning: 'Not a registered claim.',
    },
    { part: 'claims', name: 'email', change: 'removed', before: 'alice@example.com', meaning: 'E-mail.' },
    { part: 'header', name: 'kid', change: 'changed', before: 'key-1', after: 'key-2', meaning: 'Which key.' },
  ],
  unchanged: ['iss', 'sub'],
};

const rowOf = (name: string) => screen.getByRole('rowheader', { name: new RegExp(name) }).closest('tr') as HTMLElement;

describe('token diff table', () => {
  it('shows each changed, added and removed claim side by side, with times readable', () => {
    renderInApp(<DiffTable diff={diff} beforeLabel="Before the last refresh" afterLabel="My access token" />);
    expect(screen.getByRole('columnheader', { name: 'Before the last refresh' })).toBeTruthy();

    const expiry = within(rowOf('^exp'));
    expect(expiry.getByText('Changed')).toBeTruthy();
    expect(expiry.getByText(formatLocalDateTime(exp.before * 1000))).toBeTruthy();
    expect(expiry.getByText(formatLocalDateTime(exp.after * 1000))).toBeTruthy();

    const roles = within(rowOf('gatehouse.test/roles'));
    expect(roles.getByText('Added')).toBeTruthy();
    expect(roles.getByText('(not present)')).toBeTruthy();
    expect(roles.getByText('support')).toBeTruthy();

    const email = within(rowOf('^email'));
    expect(email.getByText('Removed')).toBeTruthy();
    expect(email.getByText('alice@example.com')).toBeTruthy();

    expect(within(rowOf('header kid')).getByText('key-2')).toBeTruthy();
    expect(screen.getByText('iss, sub')).toBeTruthy();
  });

  it('says so when nothing differs', () => {
    renderInApp(<DiffTable diff={{ changes: [], unchanged: ['sub'] }} beforeLabel="A" afterLabel="B" />);
    expect(screen.getByText('The two tokens carry the same claims with the same values.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });
});
