import type { ReadingPosition } from '../../../src-preload/api';
import type { Database } from '../db';

/** Where the user was in each document: written as they read (debounced by the viewer), read on open. */
export function readPosition(db: Database, materialId: string): ReadingPosition | null {
  const row = db.prepare('SELECT material_id, page, zoom, rotation FROM reading_positions WHERE material_id = ?').get(materialId) as
    | { material_id: string; page: number; zoom: string; rotation: 0 | 90 | 180 | 270 }
    | undefined;
  return row ? { materialId: row.material_id, page: row.page, zoom: row.zoom, rotation: row.rotation } : null;
}

export function savePosition(db: Database, position: ReadingPosition, now: Date): void {
  db.prepare(
    `INSERT INTO reading_positions (material_id, page, zoom, rotation, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(material_id) DO UPDATE SET page = excluded.page, zoom = excluded.zoom, rotation = excluded.rotation, updated_at = excluded.updated_at`,
  ).run(position.materialId, position.page, position.zoom, position.rotation, now.toISOString());
}
