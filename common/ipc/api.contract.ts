import { z } from 'zod';
import { channel } from './channel';

/** RFC 9110 §5.1 token characters. */
const headerName = z.string().regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,128}$/, 'not a valid header name');
/**
 * Headers main sets itself or that carry credentials: the token is main's to add, and a cookie or a second
 * Authorization would let a caller send credentials the console is not meant to handle.
 */
export const reservedApiHeader = /^(authorization|proxy-authorization|cookie|host|content-length|transfer-encoding)$/i;

export const ApiCallInput = z
  .object({
    accountId: z.string().min(1).optional(),
    method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']),
    /** Absolute, and inside the profile's API base URL; anything else is refused. */
    url: z.string().url().max(4096),
    body: z.string().max(1_000_000).optional(),
    contentType: z.string().max(200).optional(),
    /** Extra request headers; see `reservedApiHeader` for the ones that cannot be set. */
    headers: z
      .record(
        headerName.refine((name) => !reservedApiHeader.test(name), 'Gatehouse sets this header itself'),
        z
          .string()
          .max(8192)
          .regex(/^[^\r\n]*$/, 'one line only'),
      )
      .optional(),
  })
  .strict();
export type ApiCallInput = z.infer<typeof ApiCallInput>;

export const ApiCallResult = z.object({
  status: z.number().int(),
  contentType: z.string().optional(),
  /** The response headers, names lower-cased; multi-valued headers joined with ", ". */
  headers: z.record(z.string(), z.string()),
  /** The response body as text, cut at 256 KiB. */
  body: z.string(),
  truncated: z.boolean(),
  durationMs: z.number().int(),
  /** True when a 401 made main refresh the token and send the request once more. */
  retriedAfterRefresh: z.boolean(),
});
export type ApiCallResult = z.infer<typeof ApiCallResult>;

export const apiChannels = {
  /** Calls the profile's API with the active session's access token (main adds the token). */
  call: channel('api:call', ApiCallInput, ApiCallResult),
} as const;
