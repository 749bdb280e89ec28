import type { ServiceContext } from '../context';
import { actorColumns, actorRefOf, actorTypeOf, type ActingParty, type StoredActorColumns } from '../auth/actor-ref';
import { requirePermission } from '../auth/roles';
import { AppError, notFound } from '../errors';
import type { Prisma } from '../db/client';
import type { FeedbackDto } from './responses';
import { FeedbackSchema } from './schemas';

export type { FeedbackDto };

type Row = StoredActorColumns<'caller'> & { id: string; invocationId: string; score: number; comment: string | null; userRef: string | null; caller: string; createdAt: Date; updatedAt: Date };
export const toFeedbackDto = (f: Row): FeedbackDto => ({
  id: f.id,
  invocationId: f.invocationId,
  score: f.score === 1 ? 1 : -1,
  comment: f.comment,
  userRef: f.userRef,
  voter: f.userRef ? `ref:${f.userRef}` : f.caller,
  caller: f.caller,
  callerRef: actorRefOf(f, 'caller'),
  createdAt: f.createdAt.toISOString(),
  updatedAt: f.updatedAt.toISOString(),
});

type Voter = { voterType: 'user' | 'api_key' | 'user_ref'; voterId: string };

/**
 * Whose vote it is: the application's end user when it sent a userRef, else the calling user or
 * API key, by id. So two keys (even with the same name) never replace each other's votes.
 */
export function voterOf(actor: ActingParty, userRef: string | undefined): Voter {
  if (userRef) return { voterType: 'user_ref', voterId: userRef };
  const type = actorTypeOf(actor);
  if (!type) throw new AppError('forbidden', 'Only a user or an API key can vote.');
  return { voterType: type, voterId: actor.id };
}

/**
 * Keeps the review queue in step with an invocation's feedback: it enters the queue with its
 * first thumbs-down or comment, and leaves it (while still open) when no vote qualifies any more.
 * Items already resolved or dismissed stay as they are.
 */
async function syncReviewItem(tx: Prisma.TransactionClient, invocation: { id: string; promptName: string | null; promptVersion: number | null; modelId: string }): Promise<void> {
  const qualifies = (await tx.feedback.count({ where: { invocationId: invocation.id, OR: [{ score: -1 }, { comment: { not: null } }] } })) > 0;
  if (qualifies) {
    await tx.reviewItem.upsert({
      where: { invocationId: invocation.id },
      create: { invocationId: invocation.id, promptName: invocation.promptName, promptVersion: invocation.promptVersion, modelId: invocation.modelId },
      update: {},
    });
  } else {
    await tx.reviewItem.deleteMany({ where: { invocationId: invocation.id, status: 'open' } });
  }
}

/** A vote; the same voter (userRef, else the caller) voting again replaces the earlier vote. */
export async function submitFeedback(ctx: ServiceContext, invocationId: string, raw: unknown): Promise<FeedbackDto> {
  requirePermission(ctx.actor, 'feedback:give');
  const input = FeedbackSchema.parse(raw);
  const comment = input.comment ? input.comment : null;
  const voter = voterOf(ctx.actor, input.userRef);
  return ctx.db.$transaction(async (tx) => {
    const invocation = /^[0-9a-f-]{36}$/i.test(invocationId)
      ? await tx.invocation.findUnique({ where: { id: invocationId }, select: { id: true, promptName: true, promptVersion: true, modelId: true } })
      : null;
    if (!invocation) throw notFound(`Invocation ${invocationId}`);
    const f = await tx.feedback.upsert({
      where: { invocationId_voterType_voterId: { invocationId, ...voter } },
      create: { invocationId, ...voter, userRef: input.userRef ?? null, score: input.score, comment, ...actorColumns('caller', ctx.actor) },
      update: { score: input.score, comment, ...actorColumns('caller', ctx.actor) },
    });
    await syncReviewItem(tx, invocation);
    return toFeedbackDto(f);
  });
}

export async function feedbackFor(ctx: ServiceContext, invocationId: string): Promise<FeedbackDto[]> {
  requirePermission(ctx.actor, 'catalog:read');
  return (await ctx.db.feedback.findMany({ where: { invocationId }, orderBy: { createdAt: 'asc' } })).map(toFeedbackDto);
}

/** Thumbs up/down per version of a prompt (optionally since a time). */
export async function feedbackByVersion(ctx: ServiceContext, promptName: string, since?: Date): Promise<{ version: number; up: number; down: number }[]> {
  requirePermission(ctx.actor, 'catalog:read');
  const rows = await ctx.db.$queryRaw<{ version: number; up: bigint; down: bigint }[]>`
    SELECT i."promptVersion" AS version,
           count(*) FILTER (WHERE f.score = 1) AS up,
           count(*) FILTER (WHERE f.score = -1) AS down
      FROM "Feedback" f JOIN "Invocation" i ON i.id = f."invocationId"
     WHERE i."promptName" = ${promptName} AND i."promptVersion" IS NOT NULL
       AND f."createdAt" >= ${since ?? new Date(0)}
     GROUP BY i."promptVersion"
     ORDER BY i."promptVersion" DESC`;
  return rows.map((r) => ({ version: Number(r.version), up: Number(r.up), down: Number(r.down) }));
}

/** Per invocation: votes up and down, and the caller's own vote (read-only; for the Logs table). */
export interface FeedbackSummary {
  up: number;
  down: number;
  mine: 1 | -1 | null;
  myComment: string | null;
}

export async function feedbackSummaries(ctx: ServiceContext, invocationIds: string[]): Promise<Record<string, FeedbackSummary>> {
  requirePermission(ctx.actor, 'catalog:read');
  const out: Record<string, FeedbackSummary> = {};
  if (invocationIds.length === 0) return out;
  const rows = await ctx.db.feedback.findMany({ where: { invocationId: { in: invocationIds } }, select: { invocationId: true, score: true, voterType: true, voterId: true, comment: true } });
  const me = actorTypeOf(ctx.actor);
  for (const r of rows) {
    const s = (out[r.invocationId] ??= { up: 0, down: 0, mine: null, myComment: null });
    if (r.score === 1) s.up++;
    else s.down++;
    if (me && r.voterType === me && r.voterId === ctx.actor.id) {
      s.mine = r.score === 1 ? 1 : -1;
      s.myComment = r.comment;
    }
  }
  return out;
}
