import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ApiCallResult } from '../../../common/ipc/api.contract';
import { ApiResponse } from '../../../renderer/features/api-console/api-response';
import { renderInApp } from '../render';

const answer: ApiCallResult = {
  status: 200,
  contentType: 'application/json',
  headers: { 'content-type': 'application/json', 'x-request-id': 'req-42' },
  body: '{"sub":"auth0|1","email":"support@example.com"}',
  truncated: false,
  durationMs: 87,
  retriedAfterRefresh: false,
};

describe('API console response', () => {
  it('shows status, time, headers and the body pretty-printed', () => {
    renderInApp(<ApiResponse result={answer} />);
    expect(screen.getByText('Status 200')).toBeTruthy();
    expect(screen.getByText('87 ms')).toBeTruthy();
    const headers = within(screen.getByRole('table', { name: 'Response headers' }));
    expect(headers.getByRole('row', { name: /x-request-id req-42/ })).toBeTruthy();
    expect(screen.getByLabelText('Response body').textContent).toBe(
      '{\n  "sub": "auth0|1",\n  "email": "support@example.com"\n}',
    );
    expect(screen.queryByText('Retried after a token refresh')).toBeNull();
  });

  it('says when the call was retried after a refresh, and shows a non-JSON body as it came', () => {
    renderInApp(<ApiResponse result={{ ...answer, status: 503, body: 'down', retriedAfterRefresh: true }} />);
    expect(screen.getByText('Retried after a token refresh')).toBeTruthy();
    expect(screen.getByText('server error')).toBeTruthy();
    expect(screen.getByLabelText('Response body').textContent).toBe('down');
  });
});
