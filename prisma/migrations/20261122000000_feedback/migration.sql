-- CreateEnum
CREATE TYPE "ReviewStatus" AS ENUM ('open', 'resolved', 'dismissed');

-- CreateTable
CREATE TABLE "Feedback" (
    "id" TEXT NOT NULL,
    "invocationId" TEXT NOT NULL,
    "voter" TEXT NOT NULL,
    "userRef" TEXT,
    "score" INTEGER NOT NULL,
    "comment" TEXT,
    "caller" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Feedback_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewItem" (
    "invocationId" TEXT NOT NULL,
    "status" "ReviewStatus" NOT NULL DEFAULT 'open',
    "promptName" TEXT,
    "promptVersion" INTEGER,
    "modelId" TEXT NOT NULL,
    "enteredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "assignee" TEXT,
    "category" TEXT,
    "note" TEXT,
    "closedBy" TEXT,
    "closedAt" TIMESTAMP(3),
    "revision" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ReviewItem_pkey" PRIMARY KEY ("invocationId")
);

-- CreateTable
CREATE TABLE "Dataset" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdBy" TEXT NOT NULL,

    CONSTRAINT "Dataset_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DatasetExample" (
    "id" TEXT NOT NULL,
    "datasetId" TEXT NOT NULL,
    "promptName" TEXT,
    "promptVersion" INTEGER,
    "invocationId" TEXT,
    "variables" JSONB NOT NULL,
    "expectedOutput" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdBy" TEXT NOT NULL,

    CONSTRAINT "DatasetExample_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Feedback_createdAt_idx" ON "Feedback"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Feedback_invocationId_voter_key" ON "Feedback"("invocationId", "voter");

-- CreateIndex
CREATE INDEX "ReviewItem_status_enteredAt_idx" ON "ReviewItem"("status", "enteredAt");

-- CreateIndex
CREATE INDEX "ReviewItem_closedAt_idx" ON "ReviewItem"("closedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Dataset_name_key" ON "Dataset"("name");

-- CreateIndex
CREATE INDEX "DatasetExample_datasetId_createdAt_idx" ON "DatasetExample"("datasetId", "createdAt");

-- AddForeignKey
ALTER TABLE "DatasetExample" ADD CONSTRAINT "DatasetExample_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "Dataset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_invocationId_fkey" FOREIGN KEY ("invocationId") REFERENCES "Invocation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewItem" ADD CONSTRAINT "ReviewItem_invocationId_fkey" FOREIGN KEY ("invocationId") REFERENCES "Invocation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
