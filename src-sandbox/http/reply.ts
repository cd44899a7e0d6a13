/**
 * What a handler answers, as data. Keeping replies as values (rather than writing
 * to the response directly) lets one place apply the response-level faults:
 * corruption, cut-off bodies, wrong hashes.
 */

export type Headers = Readonly<Record<string, string>>;

export type Reply =
  | { readonly kind: 'json'; readonly status: number; readonly body: unknown; readonly headers?: Headers }
  | { readonly kind: 'html'; readonly status: number; readonly body: string; readonly headers?: Headers }
  | { readonly kind: 'empty'; readonly status: number; readonly headers?: Headers }
  | {
      readonly kind: 'file';
      readonly status: 200 | 206;
      readonly path: string;
      /** Inclusive byte range of the file to send. */
      readonly start: number;
      readonly end: number;
      readonly totalSize: number;
      readonly headers: Headers;
    };

export const json = (status: number, body: unknown, headers?: Headers): Reply => (headers ? { kind: 'json', status, body, headers } : { kind: 'json', status, body });
export const empty = (status: number, headers?: Headers): Reply => (headers ? { kind: 'empty', status, headers } : { kind: 'empty', status });
export const html = (status: number, body: string, headers?: Headers): Reply => (headers ? { kind: 'html', status, body, headers } : { kind: 'html', status, body });
