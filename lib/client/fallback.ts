/** A fallback reason code in words. */
export function reasonText(reason: string | null | undefined): string {
  const words: Record<string, string> = {
    throttled: 'throttled after retries',
    unavailable: 'unavailable (server errors after retries)',
    access_denied: 'denied (no access to the model)',
    model_not_ready: 'not ready',
    timeout: 'too slow (timed out)',
    not_found: 'not found',
  };
  return words[reason ?? ''] ?? reason ?? 'unavailable';
}
