/**
 * Process lifecycle shared by the server script and the routes (on globalThis: the server's
 * modules and Next's bundled route modules are separate module graphs).
 */
const g = globalThis as unknown as { __promptdeckLifecycle?: { startedAt: number; stopping: boolean } };
const state = (g.__promptdeckLifecycle ??= { startedAt: Date.now(), stopping: false });

/** Set on SIGTERM/SIGINT: /api/v1/ready answers 503 from then on, so load balancers drain this instance. */
export function markStopping(): void {
  state.stopping = true;
}

export function isStopping(): boolean {
  return state.stopping;
}

export function uptimeSeconds(): number {
  return Math.round((Date.now() - state.startedAt) / 1000);
}
