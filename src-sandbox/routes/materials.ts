/**
 * Material content: the PDF bytes, streamed from disk, with the caching and
 * resuming headers a download manager needs (ETag, Range, If-Range, If-None-Match,
 * Repr-Digest).
 */
import { ApiError } from '../errors';
import { param, requireAssociated, type RouteContext } from '../http/context';
import { etagMatches, parseRange } from '../http/range';
import { empty, type Reply } from '../http/reply';
import { route, type RouteEntry } from './types';

export function materialEtag(sha256: string): string {
  return `"sha256-${sha256}"`;
}

async function content(ctx: RouteContext): Promise<Reply> {
  const loc = ctx.app.state.materials.get(param(ctx, 'materialId'));
  if (!loc) throw new ApiError(404, 'MATERIAL_NOT_FOUND', 'no material with that id');
  requireAssociated(ctx, loc.caseId);
  const m = loc.material;
  const etag = materialEtag(m.sha256);
  const common = {
    'Content-Type': 'application/pdf',
    ETag: etag,
    'Accept-Ranges': 'bytes',
    'Repr-Digest': `sha-256=:${Buffer.from(m.sha256, 'hex').toString('base64')}:`,
    'Cache-Control': 'private, max-age=0, must-revalidate',
    'Last-Modified': new Date(m.uploadDateTime).toUTCString(),
  };
  const h = ctx.req.headers;
  if (etagMatches(h['if-none-match'], etag, true)) return empty(304, { ETag: etag, 'Cache-Control': common['Cache-Control'] });
  // If-Range: only honour Range when the client's copy is still this version.
  const ifRange = h['if-range'];
  const rangeAllowed = ifRange === undefined || (typeof ifRange === 'string' && etagMatches(ifRange, etag, false));
  const range = rangeAllowed ? parseRange(h.range, m.size) : ({ kind: 'none' } as const);
  const file = ctx.app.state.materialPath(m);
  switch (range.kind) {
    case 'none':
      return { kind: 'file', status: 200, path: file, start: 0, end: m.size - 1, totalSize: m.size, headers: common };
    case 'unsatisfiable':
      return empty(416, { 'Content-Range': `bytes */${m.size}`, ETag: etag, 'Accept-Ranges': 'bytes' });
    case 'range':
      return { kind: 'file', status: 206, path: file, start: range.start, end: range.end, totalSize: m.size, headers: { ...common, 'Content-Range': `bytes ${range.start}-${range.end}/${m.size}` } };
  }
}

export const materialRoutes: readonly RouteEntry[] = [route('GET', '/materials/:materialId/content', content)];
