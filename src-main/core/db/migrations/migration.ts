/** One schema step. `up` runs inside the migration transaction with the others still pending. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly up: string;
}
