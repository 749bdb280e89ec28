-- A dataset's revision grows by one with every change to its examples (add, bulk add, edit,
-- delete, import), in the same transaction as the change (lib/datasets/examples.ts). An
-- experiment records the revision it ran on.
ALTER TABLE "Dataset" ADD COLUMN "revision" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Dataset" ADD COLUMN "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
-- Datasets that already hold examples start at revision 1 (they have changed once).
UPDATE "Dataset" d SET "revision" = 1 WHERE EXISTS (SELECT 1 FROM "DatasetExample" e WHERE e."datasetId" = d."id");

-- Examples carry tags, remember when they were last edited, and keep the order they were
-- added in (a bulk add or an import writes many rows in one transaction, with one createdAt):
-- "seq" orders them and is the list cursor.
-- (Nullable like every Prisma list column; the default fills it.)
ALTER TABLE "DatasetExample" ADD COLUMN "tags" TEXT[] DEFAULT ARRAY[]::TEXT[];
ALTER TABLE "DatasetExample" ADD COLUMN "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
ALTER TABLE "DatasetExample" ADD COLUMN "seq" SERIAL NOT NULL;
CREATE UNIQUE INDEX "DatasetExample_seq_key" ON "DatasetExample" ("seq");
CREATE INDEX "DatasetExample_datasetId_seq_idx" ON "DatasetExample" ("datasetId", "seq");
