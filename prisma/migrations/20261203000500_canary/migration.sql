-- Canaries: while one runs, a label sends `canaryWeight`% of its callers (sticky per caller key)
-- to `canaryVersion`. `canaryId` names one run, so the guard can tell that the canary it measured
-- is still the one running when it acts (exactly once across instances). `canaryGuard` holds the
-- guard settings ({minCalls, windowSeconds, maxErrorRateDelta, maxThumbsDownRateDelta,
-- maxLatencyP95Ratio}); who started it is a typed actor like every other actor column.
ALTER TABLE "Label" ADD COLUMN "canaryId" TEXT;
ALTER TABLE "Label" ADD COLUMN "canaryVersion" INTEGER;
ALTER TABLE "Label" ADD COLUMN "canaryWeight" INTEGER;
ALTER TABLE "Label" ADD COLUMN "canaryGuard" JSONB;
ALTER TABLE "Label" ADD COLUMN "canaryStartedAt" TIMESTAMP(3);
ALTER TABLE "Label" ADD COLUMN "canaryStartedBy" TEXT;
ALTER TABLE "Label" ADD COLUMN "canaryStartedByType" "ActorType";
ALTER TABLE "Label" ADD COLUMN "canaryStartedById" TEXT;
ALTER TABLE "Label" ADD CONSTRAINT "Label_canary_weight" CHECK ("canaryWeight" IS NULL OR ("canaryWeight" BETWEEN 1 AND 50));
ALTER TABLE "Label" ADD CONSTRAINT "Label_canary_complete" CHECK (("canaryId" IS NULL) = ("canaryVersion" IS NULL) AND ("canaryId" IS NULL) = ("canaryWeight" IS NULL));

-- The guard looks for running canaries only.
CREATE INDEX "Label_canary_running" ON "Label" ("promptId") WHERE "canaryId" IS NOT NULL;

-- Canary events in the label history (and as markers on the metrics charts). They do not move
-- the label, except canary_promote, which is a label move to the canary version.
ALTER TYPE "LabelAction" ADD VALUE IF NOT EXISTS 'canary_start';
ALTER TYPE "LabelAction" ADD VALUE IF NOT EXISTS 'canary_promote';
ALTER TYPE "LabelAction" ADD VALUE IF NOT EXISTS 'canary_stop';
ALTER TYPE "LabelAction" ADD VALUE IF NOT EXISTS 'guard_rollback';

-- Details of an event (a guard rollback's figures, a canary's weight and guard).
ALTER TABLE "LabelEvent" ADD COLUMN "details" JSONB;
