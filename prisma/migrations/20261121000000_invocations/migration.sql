-- CreateEnum
CREATE TYPE "InvocationStatus" AS ENUM ('ok', 'throttled', 'error');

-- CreateEnum
CREATE TYPE "InvocationSource" AS ENUM ('api', 'playground', 'ingest');

-- AlterTable
ALTER TABLE "PromptVersion" ADD COLUMN "guardrail" JSONB;

-- CreateTable
CREATE TABLE "Invocation" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "promptName" TEXT,
    "promptVersion" INTEGER,
    "label" TEXT,
    "modelId" TEXT NOT NULL,
    "status" "InvocationStatus" NOT NULL,
    "source" "InvocationSource" NOT NULL,
    "caller" TEXT NOT NULL,
    "input" JSONB NOT NULL,
    "variables" JSONB,
    "params" JSONB,
    "output" JSONB,
    "stopReason" TEXT,
    "inputTokens" INTEGER,
    "outputTokens" INTEGER,
    "latencyMs" INTEGER,
    "timeToFirstTokenMs" INTEGER,
    "costUsd" DOUBLE PRECISION,
    "attempts" INTEGER,
    "awsRequestId" TEXT,
    "errorCode" TEXT,
    "errorMessage" TEXT,
    "metadata" JSONB,

    CONSTRAINT "Invocation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ModelPrice" (
    "modelId" TEXT NOT NULL,
    "inputPerMTokUsd" DOUBLE PRECISION NOT NULL,
    "outputPerMTokUsd" DOUBLE PRECISION NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedBy" TEXT NOT NULL,

    CONSTRAINT "ModelPrice_pkey" PRIMARY KEY ("modelId")
);

-- CreateIndex
CREATE INDEX "Invocation_createdAt_id_idx" ON "Invocation"("createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Invocation_promptName_promptVersion_createdAt_idx" ON "Invocation"("promptName", "promptVersion", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Invocation_modelId_createdAt_idx" ON "Invocation"("modelId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Invocation_status_createdAt_idx" ON "Invocation"("status", "createdAt" DESC);
