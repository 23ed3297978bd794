import { z } from 'zod';
import { LANGUAGES } from '../../shared/localized';
import type { Endpoint, Param } from './endpoint';
import { ERRORS, tooMany } from './errors';

// The public API: what a vendor's page (the widget) or a vendor's server calls (docs/api.md),
// the health check, and this document.

const site: Param = { name: 'site', in: 'path', description: 'The site key (data-site; the config\'s sites[].key).', schema: z.string() };

export const PUBLIC_ENDPOINTS: Endpoint[] = [
  {
    method: 'get',
    path: '/api/v1/sites/{site}/form',
    operationId: 'getForm',
    tag: 'Public',
    summary: 'The form in one language',
    description: 'The process (with its version), the questions with option ids and labels (never points), the widget\'s texts and a signed formToken to send back with the submission.',
    security: 'none',
    parameters: [site, { name: 'lang', in: 'query', description: 'The language asked for; another or none: the site\'s default language.', schema: z.enum(LANGUAGES) }],
    answers: {
      200: { description: 'The form (Cache-Control: no-store: every answer has a fresh token).', body: { ref: 'PublicForm' } },
      403: ERRORS.originNotAllowed,
      404: ERRORS.unknownSite,
      429: ERRORS.perClient,
      500: ERRORS.internal,
    },
  },
  {
    method: 'post',
    path: '/api/v1/sites/{site}/leads',
    operationId: 'submitLead',
    tag: 'Public',
    summary: 'Submit a lead',
    description:
      'From a browser: with the formToken of GET …/form. From a server: with the site API key as a bearer token. With neither the answer looks the same, but the lead is stored as spam (docs/api.md).',
    security: 'siteApiKeyOptional',
    parameters: [site],
    request: { ref: 'Submission', mediaTypes: ['application/json'] },
    answers: {
      201: { description: 'Stored: the lead, its history and the jobs of both mails are on disk.', body: { ref: 'SubmissionAnswer' } },
      200: { description: 'The same submissionId with the same content again (a retry): the first answer, nothing new stored.', body: { ref: 'SubmissionAnswer' } },
      400: 'malformed_json: the body is not JSON.',
      401: { description: 'unauthorized: an Authorization header that is not one of the site\'s API keys.', headers: { 'WWW-Authenticate': 'Bearer' } },
      403: ERRORS.originNotAllowed,
      404: ERRORS.unknownSite,
      409: 'submission_id_reused: this submissionId was used before for other content; make a new one.',
      413: ERRORS.bodyTooLarge,
      415: 'unsupported_media_type: not application/json.',
      422: 'invalid_content: every invalid field in `fields` (unknown option ids, missing consent, unknown fields, too long).',
      429: tooMany('over RATE_LIMIT_PER_MINUTE from one address (IPv6: one /64), or over RATE_LIMIT_SITE_PER_MINUTE stored leads for the site'),
      500: ERRORS.internal,
    },
  },
  {
    method: 'post',
    path: '/api/v1/sites/{site}/events',
    operationId: 'countFunnelEvent',
    tag: 'Public',
    summary: 'Count one widget funnel event',
    description: 'Shown, opened, screen N reached, sent: only counted per site, day, language, event and screen. text/plain (no CORS preflight) or application/json.',
    security: 'none',
    parameters: [site],
    request: { ref: 'FunnelEvent', mediaTypes: ['text/plain', 'application/json'], description: 'The event as JSON (also when sent as text/plain).' },
    answers: {
      204: 'Counted.',
      400: 'malformed_json: the body is not JSON.',
      403: ERRORS.originNotAllowed,
      404: ERRORS.unknownSite,
      413: ERRORS.bodyTooLarge,
      415: 'unsupported_media_type: neither text/plain nor application/json.',
      422: 'invalid_content: an unknown field or event, or a language the site does not show.',
      429: tooMany('over four times RATE_LIMIT_PER_MINUTE events a minute from one client address (apart from the submissions\' allowance)'),
      500: ERRORS.internal,
    },
  },
  {
    method: 'get',
    path: '/healthz',
    operationId: 'health',
    tag: 'Health',
    summary: 'Whether the server and its outbox are healthy',
    security: 'none',
    parameters: [{ name: 'strict', in: 'query', description: 'Present (any value): "degraded" answers 503.', schema: z.string() }],
    answers: {
      200: { description: 'The database answers; status ok or degraded (mail stuck, checks overdue, dead rows).', body: { ref: 'Health' } },
      503: { description: 'With ?strict and degraded (Health), or the database does not answer (HealthFailed).', body: { anyOf: ['Health', 'HealthFailed'] } },
    },
  },
  {
    method: 'get',
    path: '/api/v1/openapi.json',
    operationId: 'openapi',
    tag: 'Reference',
    summary: 'This document',
    security: 'none',
    answers: { 200: { description: 'OpenAPI 3.1.', body: { mediaType: 'application/json', schema: { type: 'object' } } }, 500: ERRORS.internal },
  },
  {
    method: 'get',
    path: '/api/v1/docs',
    operationId: 'docs',
    tag: 'Reference',
    summary: 'This document as a page to read',
    security: 'none',
    answers: { 200: { description: 'HTML, made from this document.', body: { mediaType: 'text/html', schema: { type: 'string' } } }, 500: ERRORS.internal },
  },
];
