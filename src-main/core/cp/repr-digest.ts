/**
 * Reads the SHA-256 CP advertises for a material. `Repr-Digest` (RFC 9530) is a structured-field
 * dictionary such as `sha-256=:BASE64:, sha-512=:BASE64:`; only sha-256 is used. The digest is of the
 * whole representation, also on a 206, which is what lets a resumed download be verified end to end.
 */
const SHA256_BYTES = 32;
const BYTE_SEQUENCE = /^:([A-Za-z0-9+/]*={0,2}):$/;

export type DigestResult = { readonly kind: 'absent' } | { readonly kind: 'sha256'; readonly hex: string } | { readonly kind: 'invalid' };

export function parseReprDigest(header: string | null): DigestResult {
  if (header === null) return { kind: 'absent' };
  for (const member of header.split(',')) {
    const eq = member.indexOf('=');
    if (eq < 0) continue;
    if (member.slice(0, eq).trim().toLowerCase() !== 'sha-256') continue;
    // Parameters (";…") may follow a dictionary value; they carry nothing we use.
    const value = member.slice(eq + 1).split(';')[0]?.trim() ?? '';
    const match = BYTE_SEQUENCE.exec(value);
    const base64 = match?.[1];
    if (base64 === undefined) return { kind: 'invalid' };
    const bytes = Buffer.from(base64, 'base64');
    if (bytes.length !== SHA256_BYTES) return { kind: 'invalid' };
    return { kind: 'sha256', hex: bytes.toString('hex') };
  }
  // Other algorithms only: nothing we can use, which is the same as no digest for the caller.
  return { kind: 'absent' };
}
