import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ApiCallInput } from '../../../common/ipc/api.contract';
import { RequestBuilder } from '../../../renderer/features/api-console/request-builder';
import { renderInApp } from '../render';

const base = 'https://api.example.test/v1/';

function setUp() {
  const onSend = vi.fn<(call: ApiCallInput) => void>();
  renderInApp(<RequestBuilder baseUrl={base} isSending={false} onSend={onSend} />);
  return { onSend, user: userEvent.setup() };
}

describe('API console request builder', () => {
  it('sends the path under the base URL with the typed headers and JSON body', async () => {
    const { onSend, user } = setUp();
    await user.selectOptions(screen.getByLabelText('Method'), 'POST');
    await user.type(screen.getByLabelText('Path'), '/reports/run');
    expect(screen.getByText(`Sent to ${base}reports/run`)).toBeTruthy();
    await user.type(screen.getByLabelText('Headers'), 'X-Trace: ticket-7');
    // userEvent treats { as a key descriptor; {{ types one brace.
    await user.type(screen.getByLabelText('JSON body'), '{{"dryRun": true}');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(onSend).toHaveBeenCalledTimes(1));
    expect(onSend.mock.calls[0]?.[0]).toEqual({
      method: 'POST',
      url: `${base}reports/run`,
      headers: { 'X-Trace': 'ticket-7' },
      body: '{"dryRun": true}',
      contentType: 'application/json',
    });
  });

  it('says what is wrong with the JSON as it is typed, and sends nothing', async () => {
    const { onSend, user } = setUp();
    await user.selectOptions(screen.getByLabelText('Method'), 'POST');
    await user.type(screen.getByLabelText('JSON body'), '{{"a": 1,}');
    expect(await screen.findByText(/^Not valid JSON:/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(onSend).not.toHaveBeenCalled();
  });

  it('refuses an Authorization header and a full URL in the path', async () => {
    const { onSend, user } = setUp();
    await user.type(screen.getByLabelText('Headers'), 'Authorization: Bearer abc');
    expect(await screen.findByText('Line 1: Gatehouse sets Authorization itself.')).toBeTruthy();
    await user.type(screen.getByLabelText('Path'), 'https://evil.example/x');
    expect(await screen.findByText('Give a path under the API base URL, not a full URL')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(onSend).not.toHaveBeenCalled();
  });
});
