import { z } from 'zod';
import { ApiCallInput, reservedApiHeader } from '../../../common/ipc/api.contract';

export const apiMethods = ApiCallInput.shape.method.options;

/** One "Name: value" per line, as Postman's bulk edit and curl's -H write them. */
const headerLine = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+)\s*:\s*(.*)$/;

/** The header lines as a record; blank lines are skipped. Throws nothing: `headerProblem` says what is wrong. */
export function parseHeaderLines(text: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const match = headerLine.exec(line.trim());
    if (match?.[1] !== undefined) headers[match[1]] = match[2] ?? '';
  }
  return headers;
}

function headerProblem(text: string): string | null {
  const lines = text.split('\n');
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === '') continue;
    const match = headerLine.exec(line);
    if (match?.[1] === undefined) return `Line ${index + 1} is not “Name: value”.`;
    if (reservedApiHeader.test(match[1])) return `Line ${index + 1}: Gatehouse sets ${match[1]} itself.`;
  }
  return null;
}

/** Where a JSON body first goes wrong, in the parser's words, or null when it parses (or is empty). */
export function jsonProblem(text: string): string | null {
  if (text.trim() === '') return null;
  try {
    JSON.parse(text);
    return null;
  } catch (error) {
    return `Not valid JSON: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** The console's form: checked as typed, so a stray comma shows before anything is sent. */
export const RequestForm = z
  .object({
    method: z.enum(apiMethods),
    /** Relative to the API base URL; a leading slash is fine. */
    path: z
      .string()
      .max(2048)
      .refine(
        (path) => !/^[a-z][a-z0-9+.-]*:/i.test(path.trim()),
        'Give a path under the API base URL, not a full URL',
      ),
    headers: z.string().max(16_384),
    body: z.string().max(1_000_000),
  })
  .superRefine((form, context) => {
    const headers = headerProblem(form.headers);
    if (headers !== null) context.addIssue({ code: 'custom', path: ['headers'], message: headers });
    const body = jsonProblem(form.body);
    if (body !== null) context.addIssue({ code: 'custom', path: ['body'], message: body });
    if (form.body.trim() !== '' && form.method === 'GET') {
      context.addIssue({
        code: 'custom',
        path: ['body'],
        message: 'A GET request has no body; choose POST, PUT or PATCH.',
      });
    }
  });
export type RequestForm = z.infer<typeof RequestForm>;

export const emptyRequest: RequestForm = { method: 'GET', path: '', headers: '', body: '' };

/** The full URL for a path under the base, joined the way a browser resolves a relative link. */
export function urlUnder(base: string, path: string): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  return new URL(path.trim().replace(/^\/+/, ''), root).toString();
}

/** What goes over IPC: the URL made absolute, headers as a record, JSON sent as JSON. */
export function toApiCall(form: RequestForm, base: string): ApiCallInput {
  const headers = parseHeaderLines(form.headers);
  const hasBody = form.body.trim() !== '';
  return {
    method: form.method,
    url: urlUnder(base, form.path),
    ...(Object.keys(headers).length === 0 ? {} : { headers }),
    ...(hasBody ? { body: form.body, contentType: 'application/json' } : {}),
  };
}
