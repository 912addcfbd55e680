import { screen } from '@testing-library/react';
import { useQuery } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { appError } from '../../common/errors/app-error';
import { appErrorOf, unwrap } from '../../renderer/api/query-client';
import { renderInApp } from './render';

function Reader({ fail }: { fail: boolean }) {
  const query = useQuery({
    queryKey: ['test', fail],
    queryFn: () =>
      unwrap(
        Promise.resolve(
          fail
            ? { ok: false as const, error: appError('network', 'The server did not answer.') }
            : { ok: true as const, value: 'alice' },
        ),
      ),
  });
  const error = appErrorOf(query.error);
  if (error) return <p>failed: {error.code}</p>;
  return <p>{query.data ?? 'loading'}</p>;
}

describe('the window query cache', () => {
  it('gives a query the value of a successful bridge call', async () => {
    renderInApp(<Reader fail={false} />);
    expect(await screen.findByText('alice')).toBeTruthy();
  });

  it('turns a failed bridge call into its AppError once, without retrying', async () => {
    renderInApp(<Reader fail />);
    expect(await screen.findByText('failed: network')).toBeTruthy();
  });
});
