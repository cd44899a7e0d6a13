import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceItem } from '../../../src-preload/api';
import { MAX_SERVE_BYTES } from '../../../src-main/core';
import {
  crownCase,
  magistratesCase,
  outboxVaultFiles,
  pdfkitPdf,
  pngImage,
  sha256Hex,
  startServingWorld,
  tinyPdf,
  wordDocx,
  type ServingWorld,
} from './serving-fixtures';

/**
 * Staging a file as a draft: checked from its bytes before the draft exists, and on any refusal
 * nothing of it is kept in the outbox vault.
 */
describe('staging a document to serve', () => {
  let world: ServingWorld;
  beforeAll(async () => {
    world = await startServingWorld();
  });
  afterAll(async () => {
    await world.dispose();
  });

  const refusal = async (name: string, bytes: Buffer, declared?: number | null) => {
    const result = await world.stage(magistratesCase.id, name, bytes, declared);
    if (!('error' in result)) throw new Error(`${name} was staged`);
    expect(outboxVaultFiles(world.dataDir)).toEqual([]);
    return { status: result.status, key: result.error.messageKey };
  };

  it('makes a draft of a real PDF: in the vault, hashed, its pages counted', async () => {
    const pdf = await pdfkitPdf({ pages: 3 });
    const result = await world.stage(magistratesCase.id, 'C:\\Users\\me\\Defence statement.pdf', pdf);
    if (!('item' in result)) throw new Error(result.error.messageKey);
    expect(result.status).toBe(201);
    expect(result.item).toMatchObject({
      caseId: magistratesCase.id,
      urn: magistratesCase.urn,
      name: 'Defence statement.pdf',
      state: 'draft',
      size: pdf.length,
      sha256: sha256Hex(pdf),
      pageCount: 3,
      documentType: null,
      defendantIds: [],
      receipt: null,
    });
    expect(outboxVaultFiles(world.dataDir)).toHaveLength(1);
    const { items } = await world.call<{ items: ServiceItem[] }>('serving.list', { caseId: magistratesCase.id });
    expect(items.map((item) => item.id)).toEqual([result.item.id]);
    await world.call('serving.cancel', { itemId: result.item.id });
    expect(outboxVaultFiles(world.dataDir)).toEqual([]);
  });

  it('names what a file really is, whatever its name says', async () => {
    expect(await refusal('statement.pdf', wordDocx())).toEqual({ status: 415, key: 'errors.serveNotPdfWord' });
    expect(await refusal('statement.pdf', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]))).toEqual({
      status: 415,
      key: 'errors.serveNotPdfWord',
    });
    expect(await refusal('scan.pdf', pngImage())).toEqual({ status: 415, key: 'errors.serveNotPdfImage' });
    expect(await refusal('notes.pdf', Buffer.from('Just some text, not a PDF at all.\n'))).toEqual({ status: 415, key: 'errors.serveNotPdf' });
  });

  it('refuses an empty file and one over the limit, before reading it', async () => {
    expect(await refusal('empty.pdf', Buffer.alloc(0))).toEqual({ status: 400, key: 'errors.serveEmpty' });
    expect(await refusal('huge.pdf', Buffer.alloc(0), MAX_SERVE_BYTES + 1)).toEqual({ status: 413, key: 'errors.serveTooLarge' });
  });

  it('refuses a password-protected PDF and a damaged or truncated one (opened by pdf.js in a worker)', async () => {
    expect(await refusal('locked.pdf', await pdfkitPdf({ userPassword: 'secret' }))).toEqual({ status: 422, key: 'errors.servePasswordProtected' });
    const whole = await pdfkitPdf({ pages: 4 });
    expect(await refusal('cut.pdf', whole.subarray(0, Math.floor(whole.length * 0.6)))).toEqual({ status: 422, key: 'errors.serveUnreadable' });
    // Ends properly but the inside is garbage: only pdf.js can tell.
    const garbled = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(4000, 0x41), Buffer.from('\n%%EOF\n')]);
    expect(await refusal('garbled.pdf', garbled)).toEqual({ status: 422, key: 'errors.serveUnreadable' });
    // Shorter than it said: the upload was cut off.
    const tiny = tinyPdf('short');
    expect((await refusal('short.pdf', tiny, tiny.length + 10)).status).toBe(400);
  });

  it('accepts a valid PDF padded with whitespace after %%EOF', async () => {
    const result = await world.stage(magistratesCase.id, 'padded.pdf', tinyPdf('padded', 300_000));
    if (!('item' in result)) throw new Error(result.error.messageKey);
    expect(result.item.pageCount).toBe(1);
    await world.call('serving.cancel', { itemId: result.item.id });
  });

  it('refuses a Crown Court case (served through DCS) and an unknown case', async () => {
    const crown = await world.stage(crownCase.id, 'a.pdf', tinyPdf('crown'));
    expect('error' in crown && crown.error.messageKey).toBe('errors.serveCrownCourt');
    expect(await world.call('serving.eligibility', { caseId: crownCase.id })).toEqual({ allowed: false, reason: 'crownCourt' });
    expect(await world.call('serving.eligibility', { caseId: magistratesCase.id })).toEqual({ allowed: true });
    const unknown = await world.stage('00000000-0000-0000-0000-000000000000', 'a.pdf', tinyPdf('x'));
    expect('error' in unknown && { status: unknown.status, key: unknown.error.messageKey }).toEqual({ status: 404, key: 'errors.caseNotFound' });
    expect(outboxVaultFiles(world.dataDir)).toEqual([]);
  });
});
