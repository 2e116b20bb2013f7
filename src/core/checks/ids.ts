/**
 * Stable finding ids: a hash of the rule and the finding's semantic location (table title or type,
 * row code/label, column header path), never of array indexes or values, so an id survives a
 * re-parse of the same content and edits that do not touch the finding.
 */

/** cyrb53: a fast 53-bit string hash (public domain). */
function hash53(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** `rule:hash` where the hash covers the rule and every location part. */
export function findingId(rule: string, ...location: readonly (string | number | null | undefined)[]): string {
  const key = [rule, ...location.map((p) => (p === null || p === undefined ? '' : String(p)))].join('\u241F');
  return `${rule}:${hash53(key).toString(36)}`;
}
