import { z } from 'zod';

/**
 * Who did something, as stored and as the API shows it: a typed reference (a user id or an API
 * key id) plus a display snapshot taken when it happened (the person's name, or the key's name).
 * A person or key is never identified by the display string; it only keeps a deleted or renamed
 * actor readable.
 *
 * Storage: every table that records an actor has, for a prefix P (`createdBy`, `actor`,
 * `caller`...), the columns `P` (display), `PType` ("ActorType", null when untyped) and `PId`.
 * Untyped (both null) means the instance itself did it (demo data, start-up credentials) or a
 * row written before typed actors that the migration could not resolve; `P` still names them.
 *
 * API: the string field keeps the display (`createdBy`), its typed sibling is `createdByRef`
 * (this schema, or null when untyped). Write with `actorColumns`, read with `actorRefOf`.
 */
export const ACTOR_TYPES = ['user', 'api_key'] as const;
export const ActorTypeSchema = z.enum(ACTOR_TYPES);
export type ActorType = z.infer<typeof ActorTypeSchema>;

export const ActorRefSchema = z
  .object({
    type: ActorTypeSchema,
    id: z.string().describe('The user id or API key id.'),
    display: z.string().describe("Snapshot taken when it happened: the person's name, or the API key's name."),
  })
  .meta({ id: 'ActorRef', description: 'Who did it: a user or an API key, by id, with a display snapshot.' });
export type ActorRef = z.infer<typeof ActorRefSchema>;

/** The typed sibling of a display string in responses: null when the row has no typed actor. */
export const NullableActorRefSchema = ActorRefSchema.nullable().meta({ id: 'ActorRefOrNull', description: 'Who did it, or null: the instance itself did it, or the record predates typed actors (the string sibling still names them).' });

/** What services act as: a signed-in user, an API key, or the instance itself (seed, start-up). */
export interface ActingParty {
  kind: 'user' | 'apiKey' | 'system';
  id: string;
  display: string;
}

/** The stored type of an acting party (null for the instance itself). */
export function actorTypeOf(actor: Pick<ActingParty, 'kind'>): ActorType | null {
  return actor.kind === 'user' ? 'user' : actor.kind === 'apiKey' ? 'api_key' : null;
}

export type ActorColumns<P extends string> = { [K in P]: string } & { [K in `${P}Type`]: ActorType | null } & { [K in `${P}Id`]: string | null };

/**
 * The one way services write who did something: `{P, PType, PId}` for a Prisma `data` object
 * (or a raw INSERT), e.g. `...actorColumns('createdBy', ctx.actor)`.
 */
export function actorColumns<P extends string>(prefix: P, actor: ActingParty): ActorColumns<P> {
  const type = actorTypeOf(actor);
  return { [prefix]: actor.display, [`${prefix}Type`]: type, [`${prefix}Id`]: type ? actor.id : null } as ActorColumns<P>;
}

/** The reference an acting party is recorded with (null for the instance itself). */
export function actorRefFor(actor: ActingParty): ActorRef | null {
  const type = actorTypeOf(actor);
  return type ? { type, id: actor.id, display: actor.display } : null;
}

/** Columns that clear an optional actor (e.g. unassigning a review item). */
export function noActorColumns<P extends string>(prefix: P): { [K in P | `${P}Type` | `${P}Id`]: null } {
  return { [prefix]: null, [`${prefix}Type`]: null, [`${prefix}Id`]: null } as { [K in P | `${P}Type` | `${P}Id`]: null };
}

export type StoredActorColumns<P extends string> = { [K in P]: string | null } & { [K in `${P}Type`]: ActorType | null } & { [K in `${P}Id`]: string | null };

/** The one way services read it back: the typed reference, or null when the row has none. */
export function actorRefOf<P extends string>(row: StoredActorColumns<P>, prefix: P): ActorRef | null {
  const type = row[`${prefix}Type` as `${P}Type`] as ActorType | null;
  const id = row[`${prefix}Id` as `${P}Id`] as string | null;
  const display = row[prefix as P] as string | null;
  return type && id ? { type, id, display: display ?? '' } : null;
}

/** A typed actor without its display: who "me" is, in the browser. */
export type ActorKey = Pick<ActorRef, 'type' | 'id'>;

/** Whether two references name the same user or key (never by display). */
export const sameActor = (a: ActorKey | null | undefined, b: ActorKey | null | undefined): boolean => !!a && !!b && a.type === b.type && a.id === b.id;

/** Whether a stored reference points at this acting party. */
export function isActor(ref: Pick<ActorRef, 'type' | 'id'> | null | undefined, actor: Pick<ActingParty, 'kind' | 'id'>): boolean {
  return !!ref && ref.type === actorTypeOf(actor) && ref.id === actor.id;
}

type ActorFilter<P extends string> = { [K in `${P}Type`]?: ActorType } & { [K in `${P}Id`]: string | { in: string[] } };

/** A Prisma `where` fragment matching rows whose actor P is this party (never matches the instance). */
export function actorWhere<P extends string>(prefix: P, actor: ActingParty): ActorFilter<P> {
  const type = actorTypeOf(actor);
  if (!type) return { [`${prefix}Id`]: { in: [] } } as unknown as ActorFilter<P>;
  return { [`${prefix}Type`]: type, [`${prefix}Id`]: actor.id } as ActorFilter<P>;
}
