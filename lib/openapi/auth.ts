import { z } from 'zod';
import { ApiKeySchema, CreatedApiKeySchema, SignedInSchema, UserSchema, WhoAmISchema } from '../auth/responses';
import { CreateApiKeySchema, CreateUserSchema, LoginSchema, SetupSchema, UpdateUserSchema } from '../auth/schemas';
import { PageQuerySchema } from '../pagination';
import { ok, page, type Operations } from './helpers';

const Id = z.object({ id: z.string() });

/** Accounts, API keys, sign-in and this document. */
export const authOperations = {
  'GET /api/v1/api-keys': { summary: 'List API keys (admin)', query: PageQuerySchema, responses: { 200: ok('Keys', page(ApiKeySchema)) } },
  'POST /api/v1/api-keys': {
    summary: 'Create an API key (admin); the key is returned once',
    body: CreateApiKeySchema,
    responses: { 201: ok('Created', CreatedApiKeySchema) },
    errors: { 409: 'conflict: an active key already has this name (names are unique among active keys)' },
  },
  'DELETE /api/v1/api-keys/{id}': { summary: 'Revoke an API key (admin)', params: Id, responses: { 200: ok('Revoked', ApiKeySchema) } },
  'GET /api/v1/users': { summary: 'List users (admin)', query: PageQuerySchema, responses: { 200: ok('Users', page(UserSchema)) } },
  'POST /api/v1/users': { summary: 'Create a user (admin)', body: CreateUserSchema, responses: { 201: ok('Created', UserSchema) }, errors: { 409: 'conflict: the email is in use' } },
  'PATCH /api/v1/users/{id}': {
    summary: 'Change role, disable, or set password (admin)',
    params: Id,
    body: UpdateUserSchema,
    responses: { 200: ok('Updated', UserSchema) },
    errors: { 409: 'conflict: you cannot demote or disable yourself' },
  },
  'GET /api/v1/auth/session': { summary: 'Who is calling (session or API key)', responses: { 200: ok('The caller', WhoAmISchema) } },
  'POST /api/v1/auth/session': {
    summary: 'Sign in (sets the session cookie)',
    public: true,
    body: LoginSchema,
    responses: { 200: ok('Signed in', SignedInSchema) },
    errors: { 401: 'Wrong credentials', 403: 'Refused (a cross-site request)', 429: 'throttled: too many failed sign-ins' },
  },
  'DELETE /api/v1/auth/session': { summary: 'Sign out (ends the session, clears the cookie)', public: true, responses: { 204: ok('Signed out') }, errors: { 403: 'Refused (a cross-site request)' } },
  'POST /api/v1/auth/setup': {
    summary: 'First run: create the first admin',
    public: true,
    body: SetupSchema,
    responses: { 201: ok('Created and signed in', SignedInSchema) },
    errors: { 403: 'Refused (a cross-site request)', 409: 'conflict: already set up' },
  },
  'GET /api/v1/openapi.json': {
    summary: 'This document (public)',
    public: true,
    responses: { 200: ok('OpenAPI 3.1', z.object({ openapi: z.string(), info: z.object({ title: z.string(), version: z.string() }).loose(), paths: z.record(z.string(), z.unknown()) }).loose()) },
  },
} satisfies Operations;
