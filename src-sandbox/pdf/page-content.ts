/**
 * The readable text of generated court papers: charge sheet, MG5 case summary,
 * MG11 statements (with the s.9 statement-of-truth declaration), exhibit list,
 * previous convictions, interview record and unused-material schedule.
 * Each function returns exactly `pages` pages of blocks; the renderer lays them out.
 */
import { longDate } from '../seed/dates';
import type { Prng } from '../seed/prng';
import type { DocContext } from './plan';

export type Block =
  | { readonly t: 'title'; readonly text: string }
  | { readonly t: 'heading'; readonly text: string }
  | { readonly t: 'para'; readonly text: string }
  | { readonly t: 'kv'; readonly key: string; readonly value: string }
  | { readonly t: 'small'; readonly text: string };

export type PageBlocks = readonly Block[];

export const MG11_DECLARATION =
  'This statement (consisting of {pages} page(s) each signed by me) is true to the best of my knowledge and belief and I make it knowing that, if it is tendered in evidence, I shall be liable to prosecution if I have wilfully stated in it anything which I know to be false, or do not believe to be true.';

export const CAUTION =
  'You do not have to say anything. But it may harm your defence if you do not mention when questioned something which you later rely on in court. Anything you do say may be given in evidence.';

function defendantName(ctx: DocContext): string {
  return ctx.defendants[0]?.name ?? 'the defendant';
}

function fill(prng: Prng, ctx: DocContext, template: string): string {
  return template.replace(/\{(\w+)\}/g, (_m, key: string) => {
    switch (key) {
      case 'date': return longDate(ctx.incidentDate);
      case 'time': return `${String(prng.int(7, 23)).padStart(2, '0')}${String(prng.int(0, 5) * 10).padStart(2, '0')}`;
      case 'place': return ctx.incidentPlace;
      case 'defendant': return defendantName(ctx);
      case 'officer': return `${ctx.officer.rank} ${ctx.officer.name} ${ctx.officer.collarNumber}`;
      case 'force': return ctx.policeForce;
      case 'height': return `${prng.int(5, 6)} feet ${prng.int(0, 11)} inches`;
      case 'clothing': return prng.pick(['a dark grey hooded top and black tracksuit bottoms', 'a navy puffer jacket, jeans and white trainers', 'a black North Face jacket with the hood up', 'a red football shirt and light blue jeans', 'a green parka coat and a black baseball cap']);
      case 'age': return `${prng.int(18, 45)} to ${prng.int(46, 55)} years`;
      case 'exhibit': return `${initials(ctx.officer.name)}/${prng.int(1, 9)}`;
      default: return key;
    }
  });
}

function initials(name: string): string {
  return name.split(/\s+/).map((p) => p[0] ?? '').join('').toUpperCase().slice(0, 3);
}

const GENERAL = [
  'At about {time} hours on {date} I was at {place}.',
  'I describe the person as white or light-skinned, aged about {age}, around {height} tall, of slim build and wearing {clothing}.',
  'The lighting was good: it was daylight and there was nothing between us blocking my view.',
  'I saw the person for about a minute in total, some of that time face on and at a distance of no more than three metres.',
  'I had not seen the person before that day and I do not know them.',
  'I would be able to recognise the person again if I saw them.',
  'I am willing to attend court to give evidence if required.',
  'I have been shown the CCTV footage by the officer and I recognise the events I have described.',
  'I was shocked by what happened and I felt frightened for my safety.',
  'At no time did I give anyone permission to behave in this way.',
  'I later noticed that my hands were shaking and I had to sit down.',
  'I called the police on 999 and waited for officers to arrive.',
  'Officers arrived within about ten minutes and I pointed out the person to them.',
  'I have been asked whether I would like to make a Victim Personal Statement and I have been given the leaflet explaining the process.',
];

const BY_THEME: Readonly<Record<string, readonly string[]>> = {
  shop: [
    'I am employed as a store detective and part of my duties is to monitor the shop floor and the CCTV system.',
    'I watched the person walk to the aisle and select several items from the shelf, placing them inside the front of their jacket.',
    'The person then walked past the tills without making any attempt to pay and left through the main doors.',
    'I followed the person outside, identified myself as store security and asked them to come back into the store.',
    'The person said "I ain\'t got nothing" and tried to walk away, and I kept them in sight until the police arrived.',
    'I later checked the items recovered against the stock system and produced a list of the goods and their values, which I exhibit as {exhibit}.',
  ],
  assault: [
    'Without any warning the person swung their right arm and punched me once to the left side of my face.',
    'I fell backwards onto the pavement and hit the back of my head.',
    'I felt immediate pain and tasted blood in my mouth; my lip was split and my cheek swelled up.',
    'I was taken by ambulance to the Emergency Department where I was examined and the wound was glued.',
    'Photographs of my injuries were taken by the officer two days later and I exhibit them as {exhibit}.',
    'I did nothing to provoke the person and I did not hit them at any point.',
  ],
  drugs: [
    'I searched the defendant under section 23 of the Misuse of Drugs Act 1971 after detecting a strong smell of cannabis.',
    'In the front pocket of the jacket I found a clear snap bag containing a green herbal substance which I believed to be cannabis.',
    'I seized the item, sealed it in evidence bag number {exhibit} and booked it into the drugs safe at the station.',
    'I received the sealed bag and conducted an analysis which confirmed the presence of a controlled drug.',
    'When asked what it was the defendant replied "it\'s just a bit of personal, that\'s all".',
  ],
  driving: [
    'I saw a vehicle being driven erratically, crossing the centre white line on several occasions.',
    'I activated the blue lights and the vehicle stopped a short distance later.',
    'I spoke to the driver, whose breath smelled strongly of intoxicants and whose speech was slurred.',
    'I required the driver to provide a specimen of breath for a preliminary test, which was positive.',
    'At the custody suite the evidential breath test procedure was carried out on an approved device and the printout is exhibited as {exhibit}.',
    'The lower of the two readings was above the prescribed limit of 35 microgrammes of alcohol in 100 millilitres of breath.',
  ],
  damage: [
    'I heard a loud bang and the sound of breaking glass from the front of the property.',
    'When I went to the window I saw the person kicking the front door repeatedly.',
    'The glass panel in the door was smashed and there were shards of glass across the hallway.',
    'I obtained a quote for the repair which I exhibit as {exhibit}.',
  ],
  publicOrder: [
    'The person was shouting and swearing loudly at members of the public outside the premises.',
    'They came right up to my face, pointed their finger at me and said "I\'m going to do you, I know where you live".',
    'I believed that they were going to hit me and I stepped back.',
    'There were families with young children nearby who looked upset and moved away.',
  ],
  weapon: [
    'I saw the handle of what appeared to be a knife protruding from the waistband of the person\'s tracksuit bottoms.',
    'I detained the person for the purpose of a search under section 1 of the Police and Criminal Evidence Act 1984.',
    'I recovered a black-handled kitchen knife with a blade approximately 20 centimetres long, which I exhibit as {exhibit}.',
    'When asked why they had it the person replied "it\'s for protection, people are after me".',
  ],
  burglary: [
    'When I returned home I found the back door had been forced and the frame was splintered.',
    'The bedrooms had been searched and drawers emptied onto the floor.',
    'A laptop, a jewellery box and a quantity of cash were missing.',
    'A crime scene investigator attended and recovered a glove mark from the kitchen window, exhibited as {exhibit}.',
  ],
};

const POLICE = [
  'I am a police officer with {force}. On {date} I was on duty in full uniform in a marked police vehicle.',
  'As a result of information received I attended {place}.',
  'I arrested {defendant} on suspicion of the offence at {time} hours and cautioned them: "' + CAUTION + '"',
  'In reply to caution the defendant said "I didn\'t do nothing, you\'ve got the wrong person".',
  'I conveyed the defendant to the custody suite where their detention was authorised by the custody sergeant.',
  'My body-worn video camera was activated throughout and the footage has been retained as exhibit {exhibit}.',
  'I seized the CCTV footage from the premises and exhibit it as {exhibit}.',
  'I later interviewed the defendant under caution in the presence of the duty solicitor; the interview was audio recorded.',
];

function sentences(prng: Prng, ctx: DocContext, role: string, count: number): string[] {
  const theme = ctx.offences[0]?.theme ?? 'assault';
  const bank = role === 'police' ? POLICE : [...(BY_THEME[theme] ?? []), ...GENERAL];
  // Without replacement within a paragraph: repeated sentences read as machine-made.
  return prng.sample(bank, count).map((s) => fill(prng, ctx, s));
}

function paragraphs(prng: Prng, ctx: DocContext, role: string, count: number): Block[] {
  const out: Block[] = [];
  for (let i = 0; i < count; i++) out.push({ t: 'para', text: sentences(prng, ctx, role, prng.int(3, 5)).join(' ') });
  return out;
}

export function statementPages(prng: Prng, ctx: DocContext, witnessIndex: number, pages: number, further: boolean): PageBlocks[] {
  const w = ctx.witnesses[witnessIndex] ?? ctx.witnesses[0] ?? { name: 'Unknown witness', occupation: 'Unknown', role: 'civilian' as const };
  const out: PageBlocks[] = [];
  for (let p = 0; p < pages; p++) {
    const blocks: Block[] = [];
    if (p === 0) {
      blocks.push({ t: 'title', text: further ? 'FURTHER WITNESS STATEMENT' : 'WITNESS STATEMENT' });
      blocks.push({ t: 'small', text: 'Criminal Justice Act 1967, s.9; Magistrates\' Courts Act 1980, s.5B; Criminal Procedure Rules 2020, r.16.2   MG11' });
      blocks.push({ t: 'kv', key: 'URN', value: ctx.urn });
      blocks.push({ t: 'kv', key: 'Statement of', value: w.name });
      blocks.push({ t: 'kv', key: 'Age if under 18', value: 'Over 18' });
      blocks.push({ t: 'kv', key: 'Occupation', value: w.occupation });
      blocks.push({ t: 'para', text: MG11_DECLARATION.replace('{pages}', String(pages)) });
      blocks.push({ t: 'kv', key: 'Signature', value: w.name + '        Date: ' + longDate(ctx.chargeDate) });
      blocks.push(...paragraphs(prng, ctx, w.role, 3));
    } else {
      blocks.push({ t: 'small', text: `Continuation of statement of ${w.name}   Page ${p + 1} of ${pages}` });
      blocks.push(...paragraphs(prng, ctx, w.role, 6));
    }
    if (p === pages - 1) blocks.push({ t: 'kv', key: 'Signature', value: `${w.name}    Signature witnessed by: ${ctx.officer.rank} ${ctx.officer.name}` });
    out.push(blocks);
  }
  return out;
}

export function chargeSheetPages(prng: Prng, ctx: DocContext, pages: number): PageBlocks[] {
  const out: PageBlocks[] = [];
  for (let p = 0; p < pages; p++) {
    const blocks: Block[] = [{ t: 'title', text: p === 0 ? 'CHARGE SHEET' : 'CHARGE SHEET (continued)' }];
    if (p === 0) {
      blocks.push({ t: 'kv', key: 'Police force', value: ctx.policeForce });
      blocks.push({ t: 'kv', key: 'URN', value: ctx.urn });
      for (const d of ctx.defendants) {
        blocks.push({ t: 'kv', key: 'Person charged', value: d.name });
        blocks.push({ t: 'kv', key: 'Date of birth', value: longDate(d.dateOfBirth) });
        blocks.push({ t: 'kv', key: 'Address', value: d.address });
        blocks.push({ t: 'kv', key: 'PNC ID', value: d.pncId });
      }
      blocks.push({ t: 'para', text: `You are charged with the offence(s) shown below. ${CAUTION}` });
    }
    ctx.offences.forEach((o, i) => {
      if (i % pages !== p) return;
      blocks.push({ t: 'heading', text: `Charge ${i + 1}: ${o.title} (${o.code})` });
      blocks.push({ t: 'para', text: o.wording });
      blocks.push({ t: 'small', text: o.legislation });
    });
    blocks.push({ t: 'kv', key: 'Reply to charge', value: prng.pick(['No reply.', '"No comment."', '"I want to speak to my solicitor."', '"That\'s not right."']) });
    blocks.push({ t: 'kv', key: 'Charging officer', value: `${ctx.officer.rank} ${ctx.officer.name} ${ctx.officer.collarNumber}     Date: ${longDate(ctx.chargeDate)}` });
    blocks.push({ t: 'kv', key: 'First hearing', value: `${ctx.courtName}, ${longDate(ctx.firstHearingDate)}` });
    out.push(blocks);
  }
  return out;
}

export function caseSummaryPages(prng: Prng, ctx: DocContext, pages: number): PageBlocks[] {
  const out: PageBlocks[] = [];
  for (let p = 0; p < pages; p++) {
    const blocks: Block[] = [];
    if (p === 0) {
      blocks.push({ t: 'title', text: 'CASE SUMMARY (MG5)' });
      blocks.push({ t: 'kv', key: 'URN', value: ctx.urn });
      blocks.push({ t: 'kv', key: 'Defendant(s)', value: ctx.defendants.map((d) => d.name).join('; ') });
      blocks.push({ t: 'kv', key: 'Offence(s)', value: ctx.offences.map((o) => o.title).join('; ') });
      blocks.push({ t: 'heading', text: 'Summary of key evidence' });
    } else blocks.push({ t: 'heading', text: p === pages - 1 ? 'Interview and other relevant information' : 'Summary of key evidence (continued)' });
    blocks.push(...paragraphs(prng, ctx, 'civilian', p === 0 ? 3 : 4));
    blocks.push(...paragraphs(prng, ctx, 'police', 2));
    out.push(blocks);
  }
  return out;
}

export function interviewPages(prng: Prng, ctx: DocContext, pages: number): PageBlocks[] {
  const questions = [
    'Can you tell me where you were on {date} at about {time}?',
    'You have been shown the CCTV. Is that you in the footage?',
    'Why were you at {place}?',
    'The witness says you were wearing {clothing}. Is that right?',
    'Do you accept that you did not pay for those items?',
    'Is there anything you wish to add or clarify?',
  ];
  const answers = ['No comment.', 'I was at my mate\'s house all night.', 'That\'s not me, I don\'t even own a jacket like that.', 'I can\'t remember, I\'d had a few drinks.', 'I was defending myself, he came at me first.', 'No comment, on legal advice.'];
  const out: PageBlocks[] = [];
  for (let p = 0; p < pages; p++) {
    const blocks: Block[] = [];
    if (p === 0) {
      blocks.push({ t: 'title', text: 'RECORD OF TAPED INTERVIEW (MG15)' });
      blocks.push({ t: 'kv', key: 'Person interviewed', value: defendantName(ctx) });
      blocks.push({ t: 'kv', key: 'Interviewing officer', value: `${ctx.officer.rank} ${ctx.officer.name}` });
      blocks.push({ t: 'kv', key: 'Others present', value: 'Duty solicitor' });
      blocks.push({ t: 'para', text: `The interview began with the caution: "${CAUTION}" The defendant confirmed they understood it.` });
    }
    for (let q = 0; q < 7; q++) {
      blocks.push({ t: 'kv', key: 'Q', value: fill(prng, ctx, prng.pick(questions)) });
      blocks.push({ t: 'kv', key: 'A', value: prng.pick(answers) });
    }
    out.push(blocks);
  }
  return out;
}

export function previousConvictionPages(prng: Prng, ctx: DocContext, pages: number): PageBlocks[] {
  const offences = ['Theft from a shop', 'Assault by beating', 'Possess cannabis', 'Drunk and disorderly', 'Criminal damage', 'Driving without insurance', 'Failing to surrender to custody'];
  const disposals = ['Fine £120, costs £85, victim surcharge £48', 'Conditional discharge 12 months', 'Community order 12 months with 60 hours unpaid work', 'Committed to prison 6 weeks suspended for 12 months', 'Fine £200; licence endorsed 6 points'];
  const out: PageBlocks[] = [];
  for (let p = 0; p < pages; p++) {
    const blocks: Block[] = [{ t: 'title', text: p === 0 ? 'PREVIOUS CONVICTIONS (PNC PRINT)' : 'PREVIOUS CONVICTIONS (continued)' }];
    for (const d of ctx.defendants) {
      blocks.push({ t: 'heading', text: `${d.name}   PNC ID ${d.pncId}` });
      const n = prng.int(2, 6);
      for (let i = 0; i < n; i++) blocks.push({ t: 'para', text: `${String(prng.int(1, 28)).padStart(2, '0')}/${String(prng.int(1, 12)).padStart(2, '0')}/${prng.int(2012, 2024)}  ${ctx.courtName}  ${prng.pick(offences)}  -  ${prng.pick(disposals)}` });
    }
    out.push(blocks);
  }
  return out;
}

export function exhibitListPages(prng: Prng, ctx: DocContext, pages: number): PageBlocks[] {
  const items = ['CCTV footage (DVD)', 'Body-worn video footage', 'Photographs of injuries', 'Till receipt', 'Stock value list', 'Evidential breath test printout', 'Custody record', 'Drugs analysis certificate', 'Kitchen knife (sealed)', 'Scene photographs', '999 call recording'];
  const out: PageBlocks[] = [];
  for (let p = 0; p < pages; p++) {
    const blocks: Block[] = [{ t: 'title', text: 'EXHIBIT LIST (MG12)' }, { t: 'kv', key: 'URN', value: ctx.urn }];
    const n = prng.int(4, 10);
    for (let i = 0; i < n; i++) blocks.push({ t: 'kv', key: `${initials(ctx.officer.name)}/${p * 10 + i + 1}`, value: `${prng.pick(items)} - produced by ${ctx.officer.rank} ${ctx.officer.name}` });
    out.push(blocks);
  }
  return out;
}

export function unusedSchedulePages(prng: Prng, ctx: DocContext, pages: number): PageBlocks[] {
  const items = ['Incident log (CAD) print', 'Officer\'s pocket notebook entries', 'Custody record', 'House-to-house enquiry forms', 'Crime report', 'Duty statement', 'Unused CCTV from neighbouring premises', 'First account notes', 'Call handler notes'];
  const out: PageBlocks[] = [];
  for (let p = 0; p < pages; p++) {
    const blocks: Block[] = [{ t: 'title', text: 'SCHEDULE OF NON-SENSITIVE UNUSED MATERIAL (MG6C)' }, { t: 'kv', key: 'URN', value: ctx.urn }, { t: 'small', text: `Page ${p + 1} of ${pages}. Disclosure officer: ${ctx.officer.rank} ${ctx.officer.name}` }];
    const n = prng.int(8, 14);
    for (let i = 0; i < n; i++) blocks.push({ t: 'kv', key: `Item ${p * 14 + i + 1}`, value: `${prng.pick(items)} - ${prng.pick(['Retained', 'Retained - available for inspection', 'Copy supplied', 'Not disclosable - does not undermine or assist'])}` });
    out.push(blocks);
  }
  return out;
}

export function indexPage(ctx: DocContext, title: string, entries: readonly { label: string; firstPage: number }[]): PageBlocks {
  return [
    { t: 'title', text: title },
    { t: 'kv', key: 'URN', value: ctx.urn },
    { t: 'kv', key: 'Court', value: ctx.courtName },
    { t: 'kv', key: 'Defendant(s)', value: ctx.defendants.map((d) => d.name).join('; ') },
    { t: 'heading', text: 'Index' },
    ...entries.slice(0, 28).map((e): Block => ({ t: 'kv', key: `p. ${e.firstPage}`, value: e.label })),
  ];
}
