import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../src-sandbox/index';
import { CaseSearchResponseSchema, DefendantSummaryByNameSchema, DefendantSummaryByPartsSchema } from '../../src-sandbox/schemas/search-response';
import { apiJson, clientCredentialsToken, login, seedData, startTestSandbox, FIRM2_SOLICITOR } from './helpers';

let sb: Sandbox;
let token: string;

beforeAll(async () => {
  sb = await startTestSandbox();
  token = await clientCredentialsToken(sb);
}, 180_000);

afterAll(async () => {
  await sb.stop();
});

describe('GET /prosecutionCases (case search)', () => {
  it('answers a seeded URN in exactly CP shape (strict parse, no extra properties)', async () => {
    const c = seedData().cases[0];
    if (!c) throw new Error('no cases');
    const { status, body } = await apiJson<unknown>(sb, token, `/prosecutionCases?prosecutionCaseReference=${c.urn}`);
    expect(status).toBe(200);
    const parsed = CaseSearchResponseSchema.parse(body);
    expect(parsed.totalResults).toBe(1);
    expect(parsed.cases[0]?.prosecutionCaseReference).toBe(c.urn);
    expect(Object.keys(body as object).sort()).toEqual(['cases', 'totalResults']);
  });

  it('every seeded case parses strictly, URNs are valid and unique, and both naming forms occur', async () => {
    const urns = seedData().cases.map((c) => c.urn);
    expect(new Set(urns).size).toBe(urns.length);
    let byName = 0;
    let byParts = 0;
    for (const urn of urns) {
      expect(urn).toMatch(/^[0-9]{2}[0-9A-Z]{2}[0-9]{5}[0-9]{2}$/);
      const { body } = await apiJson<unknown>(sb, token, `/prosecutionCases?prosecutionCaseReference=${urn}`);
      const parsed = CaseSearchResponseSchema.parse(body);
      for (const d of parsed.cases[0]?.defendantSummary ?? []) {
        if (DefendantSummaryByNameSchema.safeParse(d).success) byName++;
        if (DefendantSummaryByPartsSchema.safeParse(d).success) byParts++;
      }
    }
    expect(byName).toBeGreaterThan(0);
    expect(byParts).toBeGreaterThan(0);
  });

  it('rejects a summary with both naming forms (the schema enforces "never both")', () => {
    const d = { defendantId: '2ee15770-9d78-46c4-a815-708472276e59', offenceSummary: [{ offenceId: '2ee15770-9d78-46c4-a815-708472276e59', offenceCode: 'TH68010', offenceTitle: 'Theft from a shop' }] };
    expect(DefendantSummaryByNameSchema.safeParse({ ...d, defendantName: 'A B' }).success).toBe(true);
    expect(DefendantSummaryByNameSchema.safeParse({ ...d, defendantName: 'A B', defendantFirstName: 'A', defendantMiddleName: '', defendantLastName: 'B' }).success).toBe(false);
    expect(DefendantSummaryByPartsSchema.safeParse({ ...d, defendantName: 'A B', defendantFirstName: 'A', defendantMiddleName: '', defendantLastName: 'B' }).success).toBe(false);
  });

  it('normalises a URN typed with slashes and spaces', async () => {
    const c = seedData().cases[3];
    if (!c) throw new Error('no case');
    const typed = `${c.urn.slice(0, 2)}/${c.urn.slice(2, 4).toLowerCase()} ${c.urn.slice(4, 9)}/${c.urn.slice(9)}`;
    const { body } = await apiJson<{ totalResults: number }>(sb, token, `/prosecutionCases?prosecutionCaseReference=${encodeURIComponent(typed)}`);
    expect(body.totalResults).toBe(1);
  });

  it('any signed-in user may search any case (firm 2 finds a firm-1 case)', async () => {
    const firm2 = await login(sb, FIRM2_SOLICITOR);
    const c = seedData().cases[0];
    const { body } = await apiJson<{ totalResults: number }>(sb, firm2.accessToken, `/prosecutionCases?prosecutionCaseReference=${c?.urn ?? ''}`);
    expect(body.totalResults).toBe(1);
  });

  it('searches by NINO, ASN, name + DOB and name + date of next hearing', async () => {
    const cases = seedData().cases;
    const withNino = cases.flatMap((c) => c.defendants).find((d) => d.personDetails.nationalInsuranceNumber !== undefined);
    if (!withNino?.personDetails.nationalInsuranceNumber) throw new Error('no NINO seeded');
    const byNino = await apiJson<unknown>(sb, token, `/prosecutionCases?defendantNINO=${withNino.personDetails.nationalInsuranceNumber}`);
    expect(CaseSearchResponseSchema.parse(byNino.body).totalResults).toBeGreaterThanOrEqual(1);

    const d0 = cases[0]?.defendants[0];
    if (!d0) throw new Error('no defendant');
    const byAsn = await apiJson<unknown>(sb, token, `/prosecutionCases?defendantASN=${d0.arrestSummonsNumber}`);
    expect(CaseSearchResponseSchema.parse(byAsn.body).totalResults).toBe(1);

    const name = `${d0.personDetails.firstName} ${d0.personDetails.lastName}`;
    const byDob = await apiJson<unknown>(sb, token, `/prosecutionCases?defendantName=${encodeURIComponent(name)}&defendantDOB=${d0.personDetails.dateOfBirth}`);
    const parsed = CaseSearchResponseSchema.parse(byDob.body);
    expect(parsed.cases.map((c) => c.prosecutionCaseId)).toContain(cases[0]?.id);

    // dateOfNextHearing: take it from the search answer itself (it depends on the server's today).
    const summary = parsed.cases.find((c) => c.prosecutionCaseId === cases[0]?.id)?.defendantSummary.find((d) => d.defendantId === d0.id);
    const next = summary?.dateOfNextHearing;
    if (next !== undefined) {
      const byNext = await apiJson<unknown>(sb, token, `/prosecutionCases?defendantName=${encodeURIComponent(name)}&dateOfNextHearing=${next}`);
      expect(CaseSearchResponseSchema.parse(byNext.body).cases.map((c) => c.prosecutionCaseId)).toContain(cases[0]?.id);
    }
  });

  it('an unknown URN is an empty result, not an error', async () => {
    const { status, body } = await apiJson<unknown>(sb, token, '/prosecutionCases?prosecutionCaseReference=99ZZ9999999');
    expect(status).toBe(200);
    expect(CaseSearchResponseSchema.parse(body)).toEqual({ cases: [], totalResults: 0 });
  });

  it.each([
    ['no key', ''],
    ['two keys', '?prosecutionCaseReference=01AB1234526&defendantASN=X123456'],
    ['name alone', '?defendantName=John%20Smith'],
    ['DOB alone', '?defendantDOB=1990-01-01'],
    ['name + bad date', '?defendantName=John%20Smith&defendantDOB=01/01/1990'],
    ['unknown parameter', '?surname=Smith'],
    ['malformed URN', '?prosecutionCaseReference=ABC'],
    ['repeated key', '?prosecutionCaseReference=01AB1234526&prosecutionCaseReference=01AB1234527'],
  ])('400 for a bad search key: %s', async (_label, query) => {
    const { status, body } = await apiJson<{ errorCode: string; message: string }>(sb, token, `/prosecutionCases${query}`);
    expect(status).toBe(400);
    expect(typeof body.errorCode).toBe('string');
    expect(typeof body.message).toBe('string');
  });

  it('401 with WWW-Authenticate without a token, or with a bad one', async () => {
    for (const auth of [null, 'not-a-token']) {
      const res = await apiJson<{ errorCode: string }>(sb, auth, '/prosecutionCases?prosecutionCaseReference=01AB1234526');
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer .*error="invalid_token"/);
      expect(res.body.errorCode).toBe('UNAUTHORIZED');
    }
  });
});

describe('seeded data', () => {
  it('has the shape the brief asks for', () => {
    const d = seedData();
    expect(d.cases.length).toBeGreaterThanOrEqual(36);
    const centres = new Set(d.cases.flatMap((c) => c.hearings.map((h) => h.courtCentre.name)));
    expect(centres.size).toBeGreaterThanOrEqual(6);
    const welsh = new Set(d.cases.flatMap((c) => c.hearings.map((h) => h.courtCentre.welshName)).filter((n) => n !== undefined));
    expect(welsh.size).toBeGreaterThanOrEqual(2);
    const jurisdictions = new Set(d.cases.map((c) => c.currentJurisdiction));
    expect(jurisdictions).toEqual(new Set(['MAGISTRATES', 'CROWN']));
    expect(d.cases.some((c) => c.hearings.some((h) => h.hearingDays.some((day) => day.sittingDay.startsWith(ANCHOR_DATE))))).toBe(true);
    const pages = d.documents.flatMap((doc) => doc.materials.map((m) => m.plan.parts.reduce((n, p) => n + (p.kind === 'index' ? 1 : p.pages), 0)));
    expect(Math.min(...pages)).toBeGreaterThanOrEqual(5);
    expect(Math.max(...pages)).toBe(400);
    expect(d.documents.some((doc) => doc.section === 'IDPC' && doc.materials.length === 2)).toBe(true);
    expect(new Set(d.documents.map((doc) => doc.section))).toEqual(new Set(['IDPC', 'WS', 'EX', 'MCEB', 'UM']));
    expect(d.lockedFormId).not.toBeNull();
    expect(d.forms.some((f) => f.formType === 'PET')).toBe(true);
    expect(d.forms.some((f) => f.formType === 'BCM')).toBe(true);
  });
});

const ANCHOR_DATE = '2026-03-10';
