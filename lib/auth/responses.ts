import { z } from 'zod';
import { ActorRefSchema, NullableActorRefSchema } from './actor-ref';
import { RoleSchema } from './roles';

/** What the account endpoints answer, defined once (see lib/catalog/responses.ts). */
const Time = z.iso.datetime();

export const UserSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: RoleSchema,
    createdAt: Time,
    lastLoginAt: Time.nullable(),
    disabled: z.boolean(),
  })
  .meta({ id: 'User' });
export type UserDto = z.infer<typeof UserSchema>;

export const SignedInSchema = z.object({ user: UserSchema }).meta({ id: 'SignedIn' });

const apiKeyShape = {
  id: z.string(),
  name: z.string().describe('Unique among active keys (case-insensitive).'),
  prefix: z.string().describe('The first characters of the key, to tell keys apart.'),
  role: RoleSchema,
  createdAt: Time,
  createdBy: z.string(),
  createdByRef: NullableActorRefSchema,
  lastUsedAt: Time.nullable(),
  revokedAt: Time.nullable(),
  revokedBy: z.string().nullable(),
  revokedByRef: NullableActorRefSchema,
};
export const ApiKeySchema = z.object(apiKeyShape).meta({ id: 'ApiKey' });
export type ApiKeyDto = z.infer<typeof ApiKeySchema>;

export const CreatedApiKeySchema = z
  .object({ ...apiKeyShape, key: z.string().describe('The key itself: shown in this response only.') })
  .meta({ id: 'CreatedApiKey' });
export type CreatedApiKeyDto = z.infer<typeof CreatedApiKeySchema>;

/** GET /api/v1/auth/session: who is calling. */
export const WhoAmISchema = z
  .object({
    actor: z.object({
      kind: z.enum(['user', 'apiKey']),
      id: z.string(),
      display: z.string().describe("The person's name, or the API key's name."),
      role: RoleSchema,
    }),
    actorRef: ActorRefSchema,
  })
  .meta({ id: 'WhoAmI' });
export type WhoAmI = z.infer<typeof WhoAmISchema>;
