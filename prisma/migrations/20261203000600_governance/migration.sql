-- Releases governance (issue 10): outgoing webhooks with an outbox and a deliveries log, label
-- policies (protected labels, approvals, an experiment gate) and deploy requests.

-- Webhooks. The signing secret is stored encrypted (AES-256-GCM, key derived from the
-- instance's session secret: lib/webhooks/secrets.ts); it is shown once, when created.
CREATE TABLE "Webhook" (
    "id" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "events" TEXT[],
    "secretCiphertext" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdBy" TEXT NOT NULL,
    "createdByType" "ActorType",
    "createdById" TEXT,
    CONSTRAINT "Webhook_pkey" PRIMARY KEY ("id")
);

CREATE TYPE "WebhookDeliveryStatus" AS ENUM ('pending', 'succeeded', 'failed');

-- The outbox: one row per event and subscribed webhook, written in the transaction of the
-- action that fired it. `body` is the exact JSON that is signed and sent on every attempt.
CREATE TABLE "WebhookDelivery" (
    "id" TEXT NOT NULL,
    "webhookId" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "status" "WebhookDeliveryStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastStatusCode" INTEGER,
    "nextAttemptAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "WebhookDelivery_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "WebhookDelivery_webhookId_createdAt_idx" ON "WebhookDelivery"("webhookId", "createdAt");
CREATE INDEX "WebhookDelivery_status_nextAttemptAt_idx" ON "WebhookDelivery"("status", "nextAttemptAt");
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_webhookId_fkey" FOREIGN KEY ("webhookId") REFERENCES "Webhook"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The deliveries log: every attempt with its outcome.
CREATE TABLE "WebhookAttempt" (
    "id" SERIAL NOT NULL,
    "deliveryId" TEXT NOT NULL,
    "attempt" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "statusCode" INTEGER,
    "error" TEXT,
    "durationMs" INTEGER NOT NULL,
    CONSTRAINT "WebhookAttempt_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "WebhookAttempt_deliveryId_attempt_key" ON "WebhookAttempt"("deliveryId", "attempt");
ALTER TABLE "WebhookAttempt" ADD CONSTRAINT "WebhookAttempt_deliveryId_fkey" FOREIGN KEY ("deliveryId") REFERENCES "WebhookDelivery"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Label policies: a protected label moves only through approved deploy requests.
CREATE TABLE "LabelPolicy" (
    "promptId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "protected" BOOLEAN NOT NULL DEFAULT false,
    "approvals" INTEGER NOT NULL DEFAULT 1,
    "gateDataset" TEXT,
    "gateMinPassRate" DOUBLE PRECISION,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedBy" TEXT NOT NULL,
    "updatedByType" "ActorType",
    "updatedById" TEXT,
    CONSTRAINT "LabelPolicy_pkey" PRIMARY KEY ("promptId", "label")
);
ALTER TABLE "LabelPolicy" ADD CONSTRAINT "LabelPolicy_promptId_fkey" FOREIGN KEY ("promptId") REFERENCES "Prompt"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TYPE "DeployRequestStatus" AS ENUM ('open', 'deployed', 'rejected', 'stale');

CREATE TABLE "DeployRequest" (
    "id" TEXT NOT NULL,
    "promptId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "fromVersion" INTEGER,
    "toVersion" INTEGER NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "status" "DeployRequestStatus" NOT NULL DEFAULT 'open',
    "approvalsNeeded" INTEGER NOT NULL,
    "requestedBy" TEXT NOT NULL,
    "requestedByType" "ActorType",
    "requestedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMP(3),
    CONSTRAINT "DeployRequest_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "DeployRequest_status_createdAt_idx" ON "DeployRequest"("status", "createdAt");
CREATE INDEX "DeployRequest_promptId_label_status_idx" ON "DeployRequest"("promptId", "label", "status");
ALTER TABLE "DeployRequest" ADD CONSTRAINT "DeployRequest_promptId_fkey" FOREIGN KEY ("promptId") REFERENCES "Prompt"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TYPE "DeployDecision" AS ENUM ('approve', 'reject');

CREATE TABLE "DeployApproval" (
    "id" SERIAL NOT NULL,
    "requestId" TEXT NOT NULL,
    "decision" "DeployDecision" NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "approver" TEXT NOT NULL,
    "approverType" "ActorType" NOT NULL,
    "approverId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DeployApproval_pkey" PRIMARY KEY ("id")
);
-- One decision per person (or API key) and request.
CREATE UNIQUE INDEX "DeployApproval_requestId_approverType_approverId_key" ON "DeployApproval"("requestId", "approverType", "approverId");
ALTER TABLE "DeployApproval" ADD CONSTRAINT "DeployApproval_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "DeployRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A label move made by an approved deploy request names it.
ALTER TABLE "LabelEvent" ADD COLUMN "deployRequestId" TEXT;
