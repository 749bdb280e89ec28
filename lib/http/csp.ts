/**
 * The Content-Security-Policy of every page, with a fresh nonce per request (proxy.ts).
 * - Scripts: only those carrying the nonce (Next.js puts it on its own inline and chunk
 *   scripts, next-themes on its theme script) and what they load ('strict-dynamic').
 *   'unsafe-eval' only in development, where React's dev tools need it.
 * - Styles: 'unsafe-inline', because recharts and Radix set style attributes and sonner
 *   injects a <style> element; a nonce would disable 'unsafe-inline' and break them. Styles
 *   cannot run code, so the XSS protection comes from script-src.
 * - Nothing may frame the console (clickjacking), plugins are off, forms and <base> stay here.
 */
export function contentSecurityPolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? ' ws: wss:' : ''}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** 128 random bits, base64: unguessable, and valid in a CSP nonce-source. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
