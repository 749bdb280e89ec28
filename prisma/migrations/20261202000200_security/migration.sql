-- Failed sign-in counters shared by every instance: one row per account ("account:<email>")
-- and per client address ("address:<ip>"), a fixed window each. Rows whose window has passed
-- are deleted as new attempts come in.
CREATE TABLE "LoginThrottle" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LoginThrottle_pkey" PRIMARY KEY ("key")
);

CREATE INDEX "LoginThrottle_windowStart_idx" ON "LoginThrottle"("windowStart");
