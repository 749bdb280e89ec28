-- Experiments (issue 9): a prompt version run against a dataset in the background (pg-boss job
-- `experiment.run`), its per-call results, a prompt's named test suites, and sweeps (grids of
-- experiments). See lib/experiments.

-- A model call made by an experiment (the run itself or an llm_judge evaluator) is logged like
-- every other call, with this source, and left out of the production per-version figures.
ALTER TYPE "InvocationSource" ADD VALUE 'experiment';

CREATE TYPE "ExperimentStatus" AS ENUM ('queued', 'running', 'succeeded', 'failed', 'cancelled');
CREATE TYPE "ExperimentResultStatus" AS ENUM ('pending', 'running', 'ok', 'error');

CREATE TABLE "TestSuite" (
    "id" TEXT NOT NULL,
    "promptId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "datasetId" TEXT NOT NULL,
    "evaluators" JSONB NOT NULL,
    "minPassRate" DOUBLE PRECISION,
    "thresholds" JSONB,
    "repetitions" INTEGER NOT NULL DEFAULT 1,
    "concurrency" INTEGER NOT NULL DEFAULT 4,
    "isDefault" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdBy" TEXT NOT NULL,
    "createdByType" "ActorType",
    "createdById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedBy" TEXT NOT NULL,
    "updatedByType" "ActorType",
    "updatedById" TEXT,

    CONSTRAINT "TestSuite_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "TestSuite_promptId_name_key" ON "TestSuite"("promptId", "name");
CREATE INDEX "TestSuite_datasetId_idx" ON "TestSuite"("datasetId");
-- At most one default suite per prompt (an expression, so Prisma's schema does not list it).
CREATE UNIQUE INDEX "TestSuite_one_default_key" ON "TestSuite"(("promptId" || '')) WHERE "isDefault";
ALTER TABLE "TestSuite" ADD CONSTRAINT "TestSuite_promptId_fkey" FOREIGN KEY ("promptId") REFERENCES "Prompt"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "TestSuite" ADD CONSTRAINT "TestSuite_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "Dataset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "Sweep" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "promptId" TEXT NOT NULL,
    "promptName" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "datasetId" TEXT NOT NULL,
    "evaluators" JSONB NOT NULL,
    "grid" JSONB NOT NULL,
    "repetitions" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdBy" TEXT NOT NULL,
    "createdByType" "ActorType",
    "createdById" TEXT,

    CONSTRAINT "Sweep_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "Sweep_createdAt_id_idx" ON "Sweep"("createdAt" DESC, "id" DESC);
CREATE INDEX "Sweep_promptId_createdAt_idx" ON "Sweep"("promptId", "createdAt" DESC);
ALTER TABLE "Sweep" ADD CONSTRAINT "Sweep_promptId_fkey" FOREIGN KEY ("promptId") REFERENCES "Prompt"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Sweep" ADD CONSTRAINT "Sweep_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "Dataset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "Experiment" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "promptId" TEXT NOT NULL,
    "promptName" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "modelId" TEXT NOT NULL,
    "params" JSONB NOT NULL,
    "datasetId" TEXT NOT NULL,
    "datasetRevision" INTEGER NOT NULL DEFAULT 0,
    "evaluators" JSONB NOT NULL,
    "repetitions" INTEGER NOT NULL DEFAULT 1,
    "concurrency" INTEGER NOT NULL DEFAULT 4,
    "status" "ExperimentStatus" NOT NULL DEFAULT 'queued',
    "total" INTEGER NOT NULL DEFAULT 0,
    "done" INTEGER NOT NULL DEFAULT 0,
    "errors" INTEGER NOT NULL DEFAULT 0,
    "throttled" INTEGER NOT NULL DEFAULT 0,
    "summary" JSONB,
    "error" TEXT,
    "suiteId" TEXT,
    "suiteName" TEXT,
    "sweepId" TEXT,
    "sweepCell" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdBy" TEXT NOT NULL,
    "createdByType" "ActorType",
    "createdById" TEXT,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "cancelledAt" TIMESTAMP(3),

    CONSTRAINT "Experiment_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "Experiment_createdAt_id_idx" ON "Experiment"("createdAt" DESC, "id" DESC);
CREATE INDEX "Experiment_promptId_createdAt_idx" ON "Experiment"("promptId", "createdAt" DESC);
CREATE INDEX "Experiment_datasetId_createdAt_idx" ON "Experiment"("datasetId", "createdAt" DESC);
CREATE INDEX "Experiment_status_idx" ON "Experiment"("status");
CREATE INDEX "Experiment_sweepId_sweepCell_idx" ON "Experiment"("sweepId", "sweepCell");
CREATE INDEX "Experiment_promptId_version_datasetId_finishedAt_idx" ON "Experiment"("promptId", "version", "datasetId", "finishedAt" DESC);
CREATE INDEX "Experiment_suiteId_finishedAt_idx" ON "Experiment"("suiteId", "finishedAt" DESC);
ALTER TABLE "Experiment" ADD CONSTRAINT "Experiment_promptId_fkey" FOREIGN KEY ("promptId") REFERENCES "Prompt"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Experiment" ADD CONSTRAINT "Experiment_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "Dataset"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Experiment" ADD CONSTRAINT "Experiment_suiteId_fkey" FOREIGN KEY ("suiteId") REFERENCES "TestSuite"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Experiment" ADD CONSTRAINT "Experiment_sweepId_fkey" FOREIGN KEY ("sweepId") REFERENCES "Sweep"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "ExperimentResult" (
    "id" TEXT NOT NULL,
    "experimentId" TEXT NOT NULL,
    "exampleId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "repetition" INTEGER NOT NULL,
    "variables" JSONB NOT NULL,
    "expectedOutput" TEXT,
    "status" "ExperimentResultStatus" NOT NULL DEFAULT 'pending',
    "claimToken" TEXT,
    "claimedAt" TIMESTAMP(3),
    "invocationId" TEXT,
    "output" TEXT,
    "error" TEXT,
    "scores" JSONB,
    "pass" BOOLEAN,
    "score" DOUBLE PRECISION,
    "latencyMs" INTEGER,
    "costUsd" DOUBLE PRECISION,
    "inputTokens" INTEGER,
    "outputTokens" INTEGER,
    "throttles" INTEGER NOT NULL DEFAULT 0,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "ExperimentResult_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "ExperimentResult_experimentId_exampleId_repetition_key" ON "ExperimentResult"("experimentId", "exampleId", "repetition");
CREATE INDEX "ExperimentResult_experimentId_position_repetition_idx" ON "ExperimentResult"("experimentId", "position", "repetition");
CREATE INDEX "ExperimentResult_experimentId_status_idx" ON "ExperimentResult"("experimentId", "status");
ALTER TABLE "ExperimentResult" ADD CONSTRAINT "ExperimentResult_experimentId_fkey" FOREIGN KEY ("experimentId") REFERENCES "Experiment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
