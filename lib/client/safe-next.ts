/**
 * Where to go after signing in: only a path on this site. Anything that could leave it
 * ("//host", "/\\host", schemes, control characters) falls back to the catalog.
 */
export function safeNext(next: string | undefined | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || /[\\\u0000-\u001f\u007f]/.test(next)) return '/prompts';
  try {
    const base = 'http://promptdeck.invalid';
    const url = new URL(next, base);
    return url.origin === base ? `${url.pathname}${url.search}${url.hash}` : '/prompts';
  } catch {
    return '/prompts';
  }
}
