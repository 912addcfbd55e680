import { AxiosError } from 'axios';
import { describe, expect, it } from 'vitest';
import { translateTransportError } from '../../../../main/auth/error-translation';

const url = 'https://login.example.com/oauth/token';

describe('translateTransportError', () => {
  it.each([
    ['ECONNREFUSED', 'network', /nothing accepted the connection/],
    ['ENOTFOUND', 'network', /name could not be found/],
    ['ECONNRESET', 'network', /connection was cut/],
    ['ECONNABORTED', 'timeout', /did not answer in time/],
    ['ETIMEDOUT', 'timeout', /did not answer in time/],
    ['CERT_HAS_EXPIRED', 'tls', /certificate has expired/],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'tls', /self-signed/],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'tls', /not signed by a trusted authority/],
    ['SELF_SIGNED_CERT_IN_CHAIN', 'tls', /untrusted self-signed/],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'tls', /different host name/],
    ['CERT_NOT_YET_VALID', 'tls', /not valid yet/],
    ['ERR_SSL_WRONG_VERSION_NUMBER', 'tls', /did not answer in TLS/],
    ['ERR_TLS_SOMETHING_NEW', 'tls', /TLS handshake failed/],
  ])('%s becomes %s, names the host and the cause', (code, expected, cause) => {
    const error = translateTransportError(new AxiosError('boom', code), url);
    expect(error.code).toBe(expected);
    expect(error.message).toContain('login.example.com');
    expect(error.message).toMatch(cause);
    expect(error.nextStep).toBeTruthy();
    expect(error.detail?.error).toBe(code);
  });

  it('finds a TLS code hidden in the cause of a generic network error', () => {
    const wrapped = Object.assign(new AxiosError('x', 'ERR_NETWORK'), { cause: { code: 'CERT_HAS_EXPIRED' } });
    expect(translateTransportError(wrapped, url).code).toBe('tls');
  });

  it('says the server could not be reached when there is no code at all', () => {
    expect(translateTransportError(new Error('odd'), 'not a url')).toMatchObject({
      code: 'network',
      message: 'Could not reach the server.',
    });
  });
});
