-- Years of logs: "Invocation" becomes a table partitioned by month on "createdAt" (native
-- PostgreSQL range partitioning). Queries by time read only the months they need, and the
-- retention setting (PROMPTDECK_LOG_RETENTION_DAYS) drops whole old months with DROP TABLE
-- instead of deleting rows one by one (no bloat, no long vacuum).
--
-- What partitioning costs, and how it is paid:
-- * A primary key or unique constraint on a partitioned table must include the partition key,
--   so the database's key is ("id", "createdAt"). Ids are UUIDv7 made by the app; lookups by id
--   still use each month's primary-key index.
-- * A foreign key cannot reference a partitioned table without the partition key, so
--   "Feedback" and "ReviewItem" no longer have one to "Invocation". The feedback service checks
--   the invocation exists in the same transaction (it already did), and the retention job
--   deletes feedback and review items whose invocation was dropped (lib/invocations/partitions.ts).
-- * Rows outside every month's partition (e.g. an application reporting a call with a
--   `startedAt` years ago) land in "Invocation_default" so a write is never refused;
--   promptdeck_invocation_month() moves them into their month when it creates that partition.

ALTER TABLE "Feedback" DROP CONSTRAINT IF EXISTS "Feedback_invocationId_fkey";
ALTER TABLE "ReviewItem" DROP CONSTRAINT IF EXISTS "ReviewItem_invocationId_fkey";

ALTER TABLE "Invocation" RENAME TO "Invocation_unpartitioned";
ALTER TABLE "Invocation_unpartitioned" RENAME CONSTRAINT "Invocation_pkey" TO "Invocation_unpartitioned_pkey";
ALTER INDEX "Invocation_createdAt_id_idx" RENAME TO "Invocation_unpartitioned_createdAt_id_idx";
ALTER INDEX "Invocation_promptName_promptVersion_createdAt_idx" RENAME TO "Invocation_unpartitioned_prompt_idx";
ALTER INDEX "Invocation_modelId_createdAt_idx" RENAME TO "Invocation_unpartitioned_model_idx";
ALTER INDEX "Invocation_status_createdAt_idx" RENAME TO "Invocation_unpartitioned_status_idx";
ALTER INDEX "Invocation_search_idx" RENAME TO "Invocation_unpartitioned_search_idx";
ALTER INDEX "Invocation_metadata_idx" RENAME TO "Invocation_unpartitioned_metadata_idx";

CREATE TABLE "Invocation" (LIKE "Invocation_unpartitioned" INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING STORAGE)
  PARTITION BY RANGE ("createdAt");
ALTER TABLE "Invocation" ADD CONSTRAINT "Invocation_pkey" PRIMARY KEY ("id", "createdAt");
CREATE INDEX "Invocation_createdAt_id_idx" ON "Invocation"("createdAt" DESC, "id" DESC);
CREATE INDEX "Invocation_promptName_promptVersion_createdAt_idx" ON "Invocation"("promptName", "promptVersion", "createdAt" DESC);
CREATE INDEX "Invocation_modelId_createdAt_idx" ON "Invocation"("modelId", "createdAt" DESC);
CREATE INDEX "Invocation_status_createdAt_idx" ON "Invocation"("status", "createdAt" DESC);
CREATE INDEX "Invocation_search_idx" ON "Invocation" USING GIN (to_tsvector('simple'::regconfig, invocation_search_text("input", "output")));
CREATE INDEX "Invocation_metadata_idx" ON "Invocation" USING GIN ("metadata" jsonb_path_ops);

CREATE TABLE "Invocation_default" PARTITION OF "Invocation" DEFAULT;

-- The partition of the month holding `at` ("Invocation_pYYYY_MM"), created when missing. Safe
-- to call from several instances at once (advisory lock), and when the default partition
-- already holds rows of that month (they are moved into it first).
CREATE FUNCTION promptdeck_invocation_month(at timestamp) RETURNS text
  LANGUAGE plpgsql
AS $$
DECLARE
  lo timestamp := date_trunc('month', at);
  hi timestamp := date_trunc('month', at) + interval '1 month';
  part text := 'Invocation_p' || to_char(date_trunc('month', at), 'YYYY_MM');
BEGIN
  IF to_regclass(format('public.%I', part)) IS NOT NULL THEN
    RETURN part;
  END IF;
  PERFORM pg_advisory_xact_lock(hashtext('promptdeck_invocation_partitions'));
  IF to_regclass(format('public.%I', part)) IS NOT NULL THEN
    RETURN part;
  END IF;
  -- Hold writers to the default partition while its rows of this month move out, so none can
  -- slip in between the move and the attach (which would make the attach fail).
  LOCK TABLE "Invocation_default" IN SHARE ROW EXCLUSIVE MODE;
  EXECUTE format('CREATE TABLE public.%I (LIKE "Invocation" INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING STORAGE)', part);
  EXECUTE format(
    'WITH moved AS (DELETE FROM "Invocation_default" WHERE "createdAt" >= %L AND "createdAt" < %L RETURNING *) INSERT INTO public.%I SELECT * FROM moved',
    lo, hi, part);
  EXECUTE format('ALTER TABLE "Invocation" ATTACH PARTITION public.%I FOR VALUES FROM (%L) TO (%L)', part, lo, hi);
  RETURN part;
END
$$;

-- A partition for each month that has rows, and for this month and the next two.
SELECT promptdeck_invocation_month(m)
  FROM (
    SELECT DISTINCT date_trunc('month', "createdAt") AS m FROM "Invocation_unpartitioned"
    UNION
    SELECT generate_series(date_trunc('month', now()::timestamp), date_trunc('month', now()::timestamp) + interval '2 months', interval '1 month')
  ) months;

INSERT INTO "Invocation" SELECT * FROM "Invocation_unpartitioned";
DROP TABLE "Invocation_unpartitioned";
