import { Prisma } from '../db/generated/client';
import type { ListInvocationsQuery } from './schemas';

/**
 * The WHERE clause of the Logs list, as SQL: the plain filters, full-text search over input and
 * output, and the metadata filters. The search expression is the one the GIN index
 * "Invocation_search_idx" is built on (migration 20261202000400_console); metadata filters use
 * containment (@>), which the jsonb_path_ops index answers.
 */
export function invocationFilters(q: ListInvocationsQuery, after?: [string, string]): Prisma.Sql {
  const and: Prisma.Sql[] = [];
  if (q.prompt) and.push(Prisma.sql`"promptName" = ${q.prompt}`);
  if (q.version !== undefined) and.push(Prisma.sql`"promptVersion" = ${q.version}`);
  if (q.modelId) and.push(Prisma.sql`"modelId" = ${q.modelId}`);
  if (q.status) and.push(Prisma.sql`status = ${q.status}::"InvocationStatus"`);
  if (q.feedback === 'up') and.push(Prisma.sql`EXISTS (SELECT 1 FROM "Feedback" f WHERE f."invocationId" = "Invocation".id AND f.score = 1)`);
  if (q.feedback === 'down') and.push(Prisma.sql`EXISTS (SELECT 1 FROM "Feedback" f WHERE f."invocationId" = "Invocation".id AND f.score = -1)`);
  if (q.feedback === 'none') and.push(Prisma.sql`NOT EXISTS (SELECT 1 FROM "Feedback" f WHERE f."invocationId" = "Invocation".id)`);
  if (q.from) and.push(Prisma.sql`"createdAt" >= ${new Date(q.from)}`);
  if (q.to) and.push(Prisma.sql`"createdAt" < ${new Date(q.to)}`);
  if (q.caller) and.push(Prisma.sql`lower(caller) = lower(${q.caller})`);
  const meta: Record<string, unknown> = {};
  if (q.userRef) meta.userRef = q.userRef;
  if (q.sessionId) meta.sessionId = q.sessionId;
  if (q.tag) meta.tags = [q.tag];
  if (Object.keys(meta).length > 0) and.push(Prisma.sql`metadata @> ${JSON.stringify(meta)}::jsonb`);
  if (q.q) and.push(Prisma.sql`to_tsvector('simple'::regconfig, invocation_search_text("input", "output")) @@ ${searchQuery(q.q)}`);
  if (after) {
    const at = new Date(after[0]);
    and.push(Prisma.sql`("createdAt" < ${at} OR ("createdAt" = ${at} AND id < ${after[1]}))`);
  }
  return and.length ? Prisma.sql`WHERE ${Prisma.join(and, ' AND ')}` : Prisma.empty;
}

/**
 * web search syntax (words, "a phrase", -without, or) split into words the way the documents
 * are, each word also matching as a prefix ("refund" finds "refunds").
 */
function searchQuery(text: string): Prisma.Sql {
  return Prisma.sql`to_tsquery('simple'::regconfig, regexp_replace(websearch_to_tsquery('simple'::regconfig, ${text})::text, '''(\\s|\\)|$)', ''':*\\1', 'g'))`;
}
