-- Typed actors. Who did what was stored as a display string (a user's email, or `key:<name>`
-- of an API key whose name was not unique). Every column that records an actor, `P`, now has
-- `PType` ("ActorType": user | api_key) and `PId` (the user id or API key id); `P` stays as the
-- display snapshot (the person's name, or the key's name).
--
-- Existing rows are resolved where that is unambiguous:
--   * an email of an existing user -> type user, that user's id, display = the user's name;
--   * `key:<name>` -> type api_key and that key's id, display = the key's name, when exactly one
--     key ever had that name, or exactly one key with that name existed at the row's time
--     (created before it and not revoked before it; review assignments have no time of their
--     own, so only the first rule applies to them).
-- Anything else (`system`, `demo-seed`, a key name shared by keys alive at the same time) stays
-- untyped: type and id NULL, the display kept as it was. The API shows such rows with a null
-- `...Ref` next to the unchanged string.

-- CreateEnum
CREATE TYPE "ActorType" AS ENUM ('user', 'api_key');

-- CreateEnum
CREATE TYPE "VoterType" AS ENUM ('user', 'api_key', 'user_ref');

-- AlterTable
ALTER TABLE "ApiKey" ADD COLUMN "createdByType" "ActorType", ADD COLUMN "createdById" TEXT,
  ADD COLUMN "revokedByType" "ActorType", ADD COLUMN "revokedById" TEXT;
ALTER TABLE "Prompt" ADD COLUMN "createdByType" "ActorType", ADD COLUMN "createdById" TEXT;
ALTER TABLE "PromptVersion" ADD COLUMN "createdByType" "ActorType", ADD COLUMN "createdById" TEXT;
ALTER TABLE "Label" ADD COLUMN "updatedByType" "ActorType", ADD COLUMN "updatedById" TEXT;
ALTER TABLE "LabelEvent" ADD COLUMN "actorType" "ActorType", ADD COLUMN "actorId" TEXT;
ALTER TABLE "AuditEvent" ADD COLUMN "actorType" "ActorType", ADD COLUMN "actorId" TEXT;
ALTER TABLE "Invocation" ADD COLUMN "callerType" "ActorType", ADD COLUMN "callerId" TEXT;
ALTER TABLE "ModelPrice" ADD COLUMN "updatedByType" "ActorType", ADD COLUMN "updatedById" TEXT;
ALTER TABLE "Feedback" ADD COLUMN "voterType" "VoterType", ADD COLUMN "voterId" TEXT,
  ADD COLUMN "callerType" "ActorType", ADD COLUMN "callerId" TEXT;
ALTER TABLE "ReviewItem" ADD COLUMN "assigneeType" "ActorType", ADD COLUMN "assigneeId" TEXT,
  ADD COLUMN "closedByType" "ActorType", ADD COLUMN "closedById" TEXT;
ALTER TABLE "Dataset" ADD COLUMN "createdByType" "ActorType", ADD COLUMN "createdById" TEXT;
ALTER TABLE "DatasetExample" ADD COLUMN "createdByType" "ActorType", ADD COLUMN "createdById" TEXT;

-- Data: resolve the display strings of existing rows (see above).
DO $$
DECLARE
  c record;
BEGIN
  FOR c IN SELECT * FROM (VALUES
    ('ApiKey', 'createdBy', 't."createdAt"'),
    ('ApiKey', 'revokedBy', 't."revokedAt"'),
    ('Prompt', 'createdBy', 't."createdAt"'),
    ('PromptVersion', 'createdBy', 't."createdAt"'),
    ('Label', 'updatedBy', 't."updatedAt"'),
    ('LabelEvent', 'actor', 't."at"'),
    ('AuditEvent', 'actor', 't."at"'),
    ('Invocation', 'caller', 't."createdAt"'),
    ('ModelPrice', 'updatedBy', 't."updatedAt"'),
    ('Feedback', 'caller', 't."updatedAt"'),
    ('ReviewItem', 'assignee', 'NULL::timestamp(3)'),
    ('ReviewItem', 'closedBy', 't."closedAt"'),
    ('Dataset', 'createdBy', 't."createdAt"'),
    ('DatasetExample', 'createdBy', 't."createdAt"')
  ) AS v(tbl, col, at)
  LOOP
    EXECUTE format(
      'UPDATE %1$I t SET %2$I = u."name", %3$I = ''user'', %4$I = u."id"
         FROM "User" u
        WHERE t.%3$I IS NULL AND t.%2$I = u."email"',
      c.tbl, c.col, c.col || 'Type', c.col || 'Id');
    EXECUTE format(
      'UPDATE %1$I t SET %2$I = k."name", %3$I = ''api_key'', %4$I = k."id"
         FROM "ApiKey" k
        WHERE t.%3$I IS NULL AND t.%2$I = ''key:'' || k."name"
          AND (NOT EXISTS (SELECT 1 FROM "ApiKey" o WHERE o."name" = k."name" AND o."id" <> k."id")
               OR (k."createdAt" <= %5$s AND (k."revokedAt" IS NULL OR k."revokedAt" >= %5$s)
                   AND NOT EXISTS (SELECT 1 FROM "ApiKey" o
                                    WHERE o."name" = k."name" AND o."id" <> k."id"
                                      AND o."createdAt" <= %5$s AND (o."revokedAt" IS NULL OR o."revokedAt" >= %5$s))))',
      c.tbl, c.col, c.col || 'Type', c.col || 'Id', c.at);
  END LOOP;
END $$;

-- Votes: one per typed voter. A vote with a userRef belongs to that end user; any other vote to
-- its caller (the old `voter` was the caller's display then). Votes whose caller stayed
-- untyped keep no voter: they count, but nothing replaces them.
UPDATE "Feedback" SET "voterType" = 'user_ref', "voterId" = "userRef" WHERE "userRef" IS NOT NULL;
UPDATE "Feedback" SET "voterType" = "callerType"::text::"VoterType", "voterId" = "callerId"
 WHERE "userRef" IS NULL AND "callerType" IS NOT NULL;

-- DropIndex
DROP INDEX "Feedback_invocationId_voter_key";

-- AlterTable
ALTER TABLE "Feedback" DROP COLUMN "voter";

-- Data: names of active API keys become unique (case-insensitive). Of keys that share a name,
-- the oldest keeps it; the others get their prefix appended (`app (pd_Ab12xyz)`), which the
-- key list shows next to each key, and each rename is in the audit trail. Keys keep working.
WITH ranked AS (
  SELECT "id", "name", "prefix", row_number() OVER (PARTITION BY lower("name") ORDER BY "createdAt", "id") AS n
    FROM "ApiKey" WHERE "revokedAt" IS NULL
), renamed AS (
  UPDATE "ApiKey" k SET "name" = r."name" || ' (' || r."prefix" || ')'
    FROM ranked r
   WHERE k."id" = r."id" AND r.n > 1
  RETURNING k."id", r."name" AS old_name, k."name" AS new_name
)
INSERT INTO "AuditEvent" ("actor", "action", "target", "details")
SELECT 'migration 20261202000300_actor_refs', 'api_key.rename', "id",
       jsonb_build_object('from', old_name, 'to', new_name, 'reason', 'Another active key had the same name; active key names are unique now.')
  FROM renamed;

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_active_name_key" ON "ApiKey" (lower("name")) WHERE "revokedAt" IS NULL;

-- CreateIndex
CREATE UNIQUE INDEX "Feedback_invocationId_voterType_voterId_key" ON "Feedback"("invocationId", "voterType", "voterId");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_id_idx" ON "AuditEvent"("actorId", "id");

-- CreateIndex
CREATE INDEX "ReviewItem_assigneeId_status_idx" ON "ReviewItem"("assigneeId", "status");
