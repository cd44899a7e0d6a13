import { migration001 } from './001-cache';
import { migration002 } from './002-outbox-and-full-sync';
import { migration003 } from './003-reading';
import { migration004 } from './004-serving';
import { migration005 } from './005-forms';
import { migration006 } from './006-deemed-date-revisions';
import type { Migration } from './migration';

export type { Migration } from './migration';

/** Every migration, in order. Versions are contiguous from 1; a test checks it. */
export const MIGRATIONS: readonly Migration[] = [migration001, migration002, migration003, migration004, migration005, migration006];

/**
 * Tables that hold work existing only on this machine (drafts, notes, queued documents...). They are
 * salvaged into a fresh database when a damaged one is moved aside. Later migrations add to it.
 */
export const LOCAL_ONLY_TABLES: readonly string[] = ['outbox_jobs', 'notes', 'reading_positions', 'service_items', 'check_ins', 'audit_log', 'form_drafts'];
