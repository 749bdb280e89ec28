import type { JobPolicy } from '../types';

/** The policy of the crash test's job, shared by the test and its child process. */
export const CRASH_POLICY: Partial<JobPolicy> = { expireInSeconds: 2, retryLimit: 2, retryDelaySeconds: 0, retryBackoff: false };
