/**
 * Which side of a running canary a caller gets. Sticky: FNV-1a (32 bit, with a final avalanche) over the label, a
 * separator and the caller's key, mod 100, below the weight -> canary. Hashing the label in
 * keeps one caller from landing on the canary side of every label at once. No allocation
 * (char codes are hashed as UTF-16 units), so the serving hot path stays cheap.
 */
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

export function stickyBucket(label: string, key: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  h ^= 0;
  h = Math.imul(h, FNV_PRIME);
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  // Final avalanche (murmur3's fmix32): sequential keys ("user-1", "user-2"...) spread evenly.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) % 100;
}

/** True: serve the canary. Without a key each call draws at random. */
export function servesCanary(label: string, weight: number, key: string | undefined): boolean {
  if (key === undefined || key === '') return Math.random() * 100 < weight;
  return stickyBucket(label, key) < weight;
}
