/**
 * PET and BCM forms: optimistic versioning (baseVersion), per-section edit locks
 * and change history, as CP's defence UI uses them.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { ApiError } from '../errors';
import { readJsonBody } from '../http/body';
import { caseOr404, param, principalOf, requireAssociated, type RouteContext } from '../http/context';
import { idempotencyKey } from '../http/idempotency';
import { empty, json, type Reply } from '../http/reply';
import { validate } from '../http/validate';
import type { FormRecord, LockStatus } from '../model';
import { findUser } from '../seed/firms';
import { formSectionsFor, PROSECUTION_USER_ID } from '../seed/forms';
import { route, type RouteEntry } from './types';

export function lockStatusOf(form: FormRecord, section: string, nowMs: number): LockStatus {
  const lock = form.locks.get(section);
  if (!lock || lock.expiresAtMs <= nowMs) return { isLocked: false, lockedBy: null, lockedByName: null, lockRequestedBy: null, expiryTime: null };
  return { isLocked: true, lockedBy: lock.userId, lockedByName: displayName(lock.userId), lockRequestedBy: lock.requestedBy, expiryTime: new Date(lock.expiresAtMs).toISOString() };
}

function displayName(userId: string): string | null {
  const user = findUser(userId);
  return user ? `${user.firstName} ${user.lastName}` : userId === PROSECUTION_USER_ID ? 'Crown Prosecution Service' : null;
}

function sectionsView(form: FormRecord, nowMs: number): { section: string; lockStatus: LockStatus }[] {
  return formSectionsFor(form.formType).map((section) => ({ section, lockStatus: lockStatusOf(form, section, nowMs) }));
}

function idField(form: FormRecord): Record<string, string> {
  return form.formType === 'PET' ? { petId: form.recordId } : { courtFormId: form.recordId };
}

function summaryView(form: FormRecord, nowMs: number): Record<string, unknown> {
  return { ...idField(form), formId: form.formId, formType: form.formType, defendants: form.defendants.map((d) => ({ ...d })), version: form.version, lastUpdated: form.lastUpdated, sections: sectionsView(form, nowMs) };
}

function formView(form: FormRecord, nowMs: number): Record<string, unknown> {
  return { ...summaryView(form, nowMs), data: structuredClone(form.data) };
}

function formOr404(ctx: RouteContext): FormRecord {
  const form = ctx.app.state.forms.get(param(ctx, 'formId'));
  if (!form) throw new ApiError(404, 'FORM_NOT_FOUND', 'no form with that id');
  requireAssociated(ctx, form.caseId);
  return form;
}

function sectionOr404(form: FormRecord, section: string): string {
  if (!formSectionsFor(form.formType).includes(section)) throw new ApiError(404, 'UNKNOWN_SECTION', `a ${form.formType} form has no section ${section}`);
  return section;
}

async function listForms(ctx: RouteContext): Promise<Reply> {
  const c = caseOr404(ctx, param(ctx, 'caseId'));
  requireAssociated(ctx, c.record.id);
  const now = ctx.app.clock.nowMs();
  return json(200, { forms: ctx.app.state.formsOfCase(c.record.id).map((f) => summaryView(f, now)) });
}

async function getForm(ctx: RouteContext): Promise<Reply> {
  const form = formOr404(ctx);
  return json(200, formView(form, ctx.app.clock.nowMs()), { ETag: `"v${form.version}"` });
}

async function history(ctx: RouteContext): Promise<Reply> {
  const form = formOr404(ctx);
  return json(200, { formId: form.formId, history: form.history.map((h) => ({ date: h.date, updatedBy: h.updatedBy, updatedByName: displayName(h.updatedBy), status: h.status, version: h.version, data: structuredClone(h.data) })) });
}

const SaveBodySchema = z.object({ data: z.record(z.string(), z.unknown()), baseVersion: z.number().int().min(1) }).strict();

async function saveForm(ctx: RouteContext): Promise<Reply> {
  const p = principalOf(ctx);
  const form = formOr404(ctx);
  const key = idempotencyKey(ctx.req, false);
  const body = validate(SaveBodySchema, await readJsonBody(ctx.req), 'form save');
  const sections = formSectionsFor(form.formType);
  const unknown = Object.keys(body.data).filter((k) => !sections.includes(k));
  if (unknown.length > 0) throw new ApiError(400, 'UNKNOWN_SECTION', `unknown form sections: ${unknown.join(', ')}`);
  const fingerprint = createHash('sha256').update(`PUT ${ctx.url.pathname}\n${JSON.stringify(body)}`).digest('hex');
  return ctx.app.idempotency.run(p.organisationId, key, fingerprint, async () => {
    const now = ctx.app.clock.nowMs();
    if (body.baseVersion !== form.version) {
      throw new ApiError(409, 'VERSION_CONFLICT', `the form has changed since version ${body.baseVersion}`, { current: formView(form, now) });
    }
    // Sections absent from the body keep their current answers.
    const next: Record<string, unknown> = { ...structuredClone(form.data), ...structuredClone(body.data) };
    const changed = sections.filter((s) => JSON.stringify(next[s] ?? null) !== JSON.stringify(form.data[s] ?? null));
    for (const s of changed) {
      const lock = lockStatusOf(form, s, now);
      if (lock.isLocked && lock.lockedBy !== p.userId) {
        throw new ApiError(423, 'SECTION_LOCKED', `section ${s} is being edited by another user`, { section: s, lockStatus: lock });
      }
    }
    if (changed.length > 0) {
      form.data = next;
      form.version++;
      form.lastUpdated = ctx.app.clock.isoWithOffset(now);
      form.history.push({ date: form.lastUpdated, updatedBy: p.userId, data: structuredClone(next), status: 'UPDATED', version: form.version });
      ctx.app.state.bump(form.caseId);
      ctx.app.stats.formSaved();
    }
    // Saving ends the saver's edit: CP releases their section locks.
    for (const [s, lock] of form.locks) if (lock.userId === p.userId) form.locks.delete(s);
    return json(200, formView(form, now));
  });
}

async function acquireLock(ctx: RouteContext): Promise<Reply> {
  const p = principalOf(ctx);
  const form = formOr404(ctx);
  const section = sectionOr404(form, param(ctx, 'section'));
  ctx.req.resume();
  const now = ctx.app.clock.nowMs();
  const current = form.locks.get(section);
  if (current && current.expiresAtMs > now && current.userId !== p.userId) {
    current.requestedBy = p.userId; // CP shows the holder that someone is waiting
    throw new ApiError(423, 'SECTION_LOCKED', `section ${section} is being edited by another user`, { section, lockStatus: lockStatusOf(form, section, now) });
  }
  form.locks.set(section, { userId: p.userId, expiresAtMs: now + ctx.app.lockTtlMs, requestedBy: null });
  return json(200, { section, lockStatus: lockStatusOf(form, section, now) });
}

function heldLock(ctx: RouteContext, form: FormRecord, section: string, userId: string, now: number): { userId: string; expiresAtMs: number; requestedBy: string | null } {
  const lock = form.locks.get(section);
  if (!lock || lock.expiresAtMs <= now) throw new ApiError(409, 'NOT_LOCKED', `section ${section} is not locked`);
  if (lock.userId !== userId) throw new ApiError(423, 'SECTION_LOCKED', 'only the lock holder can do that', { section, lockStatus: lockStatusOf(form, section, now) });
  return lock;
}

async function extendLock(ctx: RouteContext): Promise<Reply> {
  const p = principalOf(ctx);
  const form = formOr404(ctx);
  const section = sectionOr404(form, param(ctx, 'section'));
  ctx.req.resume();
  const now = ctx.app.clock.nowMs();
  const lock = heldLock(ctx, form, section, p.userId, now);
  lock.expiresAtMs = now + ctx.app.lockTtlMs;
  return json(200, { section, lockStatus: lockStatusOf(form, section, now) });
}

async function releaseLock(ctx: RouteContext): Promise<Reply> {
  const p = principalOf(ctx);
  const form = formOr404(ctx);
  const section = sectionOr404(form, param(ctx, 'section'));
  ctx.req.resume();
  heldLock(ctx, form, section, p.userId, ctx.app.clock.nowMs());
  form.locks.delete(section);
  return empty(204);
}

export const formRoutes: readonly RouteEntry[] = [
  route('GET', '/prosecutionCases/:caseId/forms', listForms),
  route('GET', '/forms/:formId', getForm),
  route('PUT', '/forms/:formId', saveForm),
  route('GET', '/forms/:formId/history', history),
  route('POST', '/forms/:formId/sections/:section/lock', acquireLock),
  route('PUT', '/forms/:formId/sections/:section/lock', extendLock),
  route('DELETE', '/forms/:formId/sections/:section/lock', releaseLock),
];
