-- Prompts can be archived: hidden from the catalog by default, still served, restorable
-- (who archived or restored one is in the audit log).
ALTER TABLE "Prompt" ADD COLUMN "archivedAt" TIMESTAMP(3);

-- Full-text search over an invocation's input (system prompt and messages) and output, for
-- the Logs page. The text searched is the first 100,000 characters (a tsvector holds at most
-- 1 MB), split into words by PostgreSQL's 'simple' configuration (lower-cased, no stemming, no
-- stop words: prompts come in every language). The GIN index is on the same expression the
-- query uses (lib/invocations/search.ts), so a search does not read every row.
CREATE FUNCTION invocation_search_text(input jsonb, output jsonb) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT left(
    concat_ws(E'\n',
      input ->> 'system',
      (SELECT string_agg(m ->> 'content', E'\n')
         FROM jsonb_array_elements(CASE WHEN jsonb_typeof(input -> 'messages') = 'array' THEN input -> 'messages' ELSE '[]'::jsonb END) AS m),
      output ->> 'text'),
    100000)
$$;

CREATE INDEX "Invocation_search_idx" ON "Invocation" USING GIN (to_tsvector('simple'::regconfig, invocation_search_text("input", "output")));

-- The review queue shows which datasets already hold an example from an invocation.
CREATE INDEX "DatasetExample_invocationId_idx" ON "DatasetExample" ("invocationId");

-- Filters on the metadata applications send (userRef, sessionId, tags) use containment (@>).
CREATE INDEX "Invocation_metadata_idx" ON "Invocation" USING GIN ("metadata" jsonb_path_ops);
