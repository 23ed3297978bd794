import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Context } from 'hono';
import type { core } from 'zod';
import { formatPath, type ApiError, type ErrorCode, type FieldError } from '../../shared/api-error';
import type { Log } from '../log';

/** Thrown anywhere below a route; app.onError turns it into the one JSON error shape. */
export class ApiHttpError extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldError[],
    readonly headers?: Record<string, string>,
  ) {
    super(status, { message });
  }
}

export function invalidContent(fields: FieldError[]): ApiHttpError {
  return new ApiHttpError(422, 'invalid_content', 'Some fields are missing or invalid.', fields);
}

export function zodFields(error: core.$ZodError): FieldError[] {
  return error.issues.map((issue) => {
    // Unknown keys are reported on their parent; name them so the field is findable.
    if (issue.code === 'unrecognized_keys') {
      return { path: formatPath([...issue.path, issue.keys[0]]), message: `unknown field${issue.keys.length > 1 ? `s ${issue.keys.join(', ')}` : ''}` };
    }
    return { path: formatPath(issue.path) || '(body)', message: issue.message };
  });
}

const CODE_BY_STATUS: Partial<Record<number, ErrorCode>> = {
  400: 'malformed_json',
  401: 'unauthorized',
  403: 'origin_not_allowed',
  404: 'not_found',
  413: 'body_too_large',
  415: 'unsupported_media_type',
  422: 'invalid_content',
  429: 'too_many_requests',
};

/** The single error handler: every failure answers `{ error: { code, message, fields? } }`. */
export function errorHandler(log: Log) {
  return function onError(err: Error, c: Context) {
    if (err instanceof ApiHttpError) {
      const body: ApiError = { error: { code: err.code, message: err.message, ...(err.fields ? { fields: err.fields } : {}) } };
      return c.json(body, err.status, err.headers);
    }
    if (err instanceof HTTPException && err.status < 500) {
      const code = CODE_BY_STATUS[err.status] ?? 'invalid_content';
      return c.json({ error: { code, message: err.message || code } } satisfies ApiError, err.status);
    }
    log.error('unhandled error', { path: c.req.path, error: err.stack ?? String(err) });
    return c.json({ error: { code: 'internal', message: 'Something went wrong on our side.' } } satisfies ApiError, 500);
  };
}

export function notFound(c: Context) {
  return c.json({ error: { code: 'not_found', message: `No ${c.req.method} ${c.req.path}.` } } satisfies ApiError, 404);
}
