/**
 * What a defence lawyer types into search, drawn from the corpus itself (seeded, so every run asks the
 * same questions): names of defendants, witnesses and officers, places, offence words, phrases from
 * statements, half-typed words, URNs, and some of them within one case.
 */
import { Prng } from '../../src-sandbox/seed/prng';
import type { SearchCorpus } from './search-corpus';

export interface BenchQuery {
  readonly query: string;
  readonly caseId?: string;
}

const OFFENCE_WORDS = ['cannabis', 'cocaine', 'knife', 'burglary', 'assault', 'breath', 'specimen', 'CCTV', 'shoplifting', 'laptop', 'jewellery', 'intoxicants', 'custody', 'interview', 'caution', 'glass', 'kitchen knife', 'controlled drug', 'ambulance', 'injuries'];
const PHRASES = ['"body-worn video"', '"no comment"', '"duty solicitor"', '"in reply to caution"', '"custody suite"', '"prescribed limit"', '"Misuse of Drugs Act"', '"statement of truth"', '"I did nothing to provoke"', '"evidence bag"', '"front door"', '"would be able to recognise"'];
const HALF_TYPED = ['burgl', 'statem', 'interv', 'cannab', 'identif', 'cust', 'exhib', 'polic', 'magistr', 'defen', 'vehic', 'photog'];

export function benchQueries(corpus: SearchCorpus, count = 240): BenchQuery[] {
  const prng = new Prng('search-bench-queries');
  const contexts = corpus.materials.map((m) => ({ caseId: m.caseId, context: m.context }));
  const pickContext = () => prng.pick(contexts);
  const surname = (name: string) => name.split(/\s+/).at(-1) ?? name;
  const makers: Array<() => BenchQuery> = [
    () => ({ query: surname(pickContext().context.defendants[0]?.name ?? 'Smith') }),
    () => {
      const w = prng.pick(pickContext().context.witnesses);
      return { query: w?.name ?? 'Turner' };
    },
    () => {
      const o = pickContext().context.officer;
      return { query: `${o.rank} ${surname(o.name)}` };
    },
    () => ({ query: `"${pickContext().context.incidentPlace.split(',')[0]?.trim() ?? 'High Street'}"` }),
    () => ({ query: prng.pick(OFFENCE_WORDS) }),
    () => ({ query: prng.pick(PHRASES) }),
    () => ({ query: prng.pick(HALF_TYPED) }),
    () => {
      const name = surname(pickContext().context.defendants[0]?.name ?? 'Smith');
      return { query: name.slice(0, Math.max(3, name.length - 2)) };
    },
    () => ({ query: pickContext().context.defendants[0]?.pncId ?? '2026' }),
    () => ({ query: `${prng.pick(OFFENCE_WORDS)} ${surname(pickContext().context.defendants[0]?.name ?? 'Smith')}` }),
    () => {
      const { caseId, context } = pickContext();
      return { query: prng.pick([surname(context.officer.name), prng.pick(OFFENCE_WORDS), prng.pick(HALF_TYPED)]), caseId };
    },
    () => ({ query: prng.pick(['the defendant', 'police officer', 'statement', 'witness', 'I saw']) }),
  ];
  const queries: BenchQuery[] = [];
  for (let i = 0; i < count; i++) {
    const make = makers[i % makers.length];
    if (make) queries.push(make());
  }
  return queries;
}
