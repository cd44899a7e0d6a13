/**
 * Fixed reference data the generator draws from: court centres, offences with
 * CJS-style codes, police forces (the first two digits of a URN), names and places.
 * Real-sounding on purpose: demos and screenshots should look like a real list.
 */

export type Jurisdiction = 'MAGISTRATES' | 'CROWN';

export interface CourtCentreRef {
  readonly key: string;
  readonly name: string;
  readonly welshName?: string;
  readonly jurisdiction: Jurisdiction;
  readonly address: { readonly address1: string; readonly address2?: string; readonly address3: string; readonly postcode: string };
  readonly rooms: readonly string[];
  /** Police force codes whose cases are listed here (URN prefix). */
  readonly forces: readonly string[];
  readonly region: RegionKey;
}

export type RegionKey = 'london' | 'manchester' | 'westMidlands' | 'leeds' | 'bristol' | 'southWales' | 'westWales';

export const COURT_CENTRES: readonly CourtCentreRef[] = [
  { key: 'westminster-mc', name: "Westminster Magistrates' Court", jurisdiction: 'MAGISTRATES', address: { address1: '181 Marylebone Road', address3: 'London', postcode: 'NW1 5BR' }, rooms: ['Courtroom 1', 'Courtroom 3', 'Courtroom 6', 'Courtroom 10'], forces: ['01'], region: 'london' },
  { key: 'highbury-mc', name: "Highbury Corner Magistrates' Court", jurisdiction: 'MAGISTRATES', address: { address1: '51 Holloway Road', address3: 'London', postcode: 'N7 8JA' }, rooms: ['Courtroom 1', 'Courtroom 2', 'Courtroom 4'], forces: ['01'], region: 'london' },
  { key: 'southwark-cc', name: 'Southwark Crown Court', jurisdiction: 'CROWN', address: { address1: '1 English Grounds', address2: 'Battlebridge Lane', address3: 'London', postcode: 'SE1 2HU' }, rooms: ['Court 2', 'Court 5', 'Court 9', 'Court 14'], forces: ['01'], region: 'london' },
  { key: 'manchester-mc', name: "Manchester and Salford Magistrates' Court", jurisdiction: 'MAGISTRATES', address: { address1: 'Crown Square', address3: 'Manchester', postcode: 'M3 3FL' }, rooms: ['Courtroom 4', 'Courtroom 7', 'Courtroom 12'], forces: ['06'], region: 'manchester' },
  { key: 'manchester-cc', name: 'Manchester Crown Court (Minshull Street)', jurisdiction: 'CROWN', address: { address1: 'Minshull Street', address3: 'Manchester', postcode: 'M1 3FS' }, rooms: ['Court 1', 'Court 3', 'Court 7'], forces: ['06'], region: 'manchester' },
  { key: 'birmingham-mc', name: "Birmingham Magistrates' Court", jurisdiction: 'MAGISTRATES', address: { address1: 'Victoria Law Courts', address2: 'Corporation Street', address3: 'Birmingham', postcode: 'B4 6QA' }, rooms: ['Courtroom 2', 'Courtroom 5', 'Courtroom 11'], forces: ['20'], region: 'westMidlands' },
  { key: 'birmingham-cc', name: 'Birmingham Crown Court', jurisdiction: 'CROWN', address: { address1: 'Queen Elizabeth II Law Courts', address2: '1 Newton Street', address3: 'Birmingham', postcode: 'B4 7NA' }, rooms: ['Court 4', 'Court 8', 'Court 12', 'Court 16'], forces: ['20'], region: 'westMidlands' },
  { key: 'leeds-mc', name: "Leeds Magistrates' Court", jurisdiction: 'MAGISTRATES', address: { address1: 'Westgate', address3: 'Leeds', postcode: 'LS1 3JP' }, rooms: ['Courtroom 1', 'Courtroom 8', 'Courtroom 15'], forces: ['13'], region: 'leeds' },
  { key: 'leeds-cc', name: 'Leeds Crown Court', jurisdiction: 'CROWN', address: { address1: '1 Oxford Row', address3: 'Leeds', postcode: 'LS1 3BG' }, rooms: ['Court 2', 'Court 6', 'Court 10'], forces: ['13'], region: 'leeds' },
  { key: 'bristol-mc', name: "Bristol Magistrates' Court", jurisdiction: 'MAGISTRATES', address: { address1: 'Marlborough Street', address3: 'Bristol', postcode: 'BS1 3NU' }, rooms: ['Courtroom 2', 'Courtroom 3', 'Courtroom 7'], forces: ['52'], region: 'bristol' },
  { key: 'cardiff-mc', name: "Cardiff Magistrates' Court", welshName: 'Llys Ynadon Caerdydd', jurisdiction: 'MAGISTRATES', address: { address1: 'Fitzalan Place', address3: 'Cardiff', postcode: 'CF24 0RZ' }, rooms: ['Courtroom 1', 'Courtroom 4', 'Courtroom 6'], forces: ['62'], region: 'southWales' },
  { key: 'cardiff-cc', name: 'Cardiff Crown Court', welshName: 'Llys y Goron Caerdydd', jurisdiction: 'CROWN', address: { address1: 'The Law Courts', address2: 'Cathays Park', address3: 'Cardiff', postcode: 'CF10 3PG' }, rooms: ['Court 1', 'Court 3', 'Court 5'], forces: ['62'], region: 'southWales' },
  { key: 'swansea-mc', name: "Swansea Magistrates' Court", welshName: 'Llys Ynadon Abertawe', jurisdiction: 'MAGISTRATES', address: { address1: 'Grove Place', address3: 'Swansea', postcode: 'SA1 5DB' }, rooms: ['Courtroom 1', 'Courtroom 2', 'Courtroom 5'], forces: ['62', '63'], region: 'westWales' },
];

export const POLICE_FORCES: Readonly<Record<string, string>> = {
  '01': 'Metropolitan Police Service',
  '06': 'Greater Manchester Police',
  '13': 'West Yorkshire Police',
  '20': 'West Midlands Police',
  '52': 'Avon and Somerset Constabulary',
  '62': 'South Wales Police',
  '63': 'Dyfed-Powys Police',
};

export type ModeOfTrial = 'Summary' | 'Either Way' | 'Indictable';

export interface OffenceRef {
  readonly code: string;
  readonly title: string;
  readonly legislation: string;
  readonly modeOfTrial: ModeOfTrial;
  /** Wording template: {date} {place} {victim} {value} {item} {vehicle} {road} {drug} are filled in. */
  readonly wording: string;
  /** Which kind of witnesses/evidence the narrative talks about. */
  readonly theme: OffenceTheme;
}

export type OffenceTheme = 'shop' | 'assault' | 'drugs' | 'driving' | 'damage' | 'publicOrder' | 'weapon' | 'burglary';

export const OFFENCES: readonly OffenceRef[] = [
  { code: 'TH68010', title: 'Theft from a shop', legislation: 'Contrary to sections 1 and 7 of the Theft Act 1968.', modeOfTrial: 'Either Way', theme: 'shop', wording: 'On {date} at {place} stole {item} to the value of £{value} belonging to {victim}.' },
  { code: 'TH68001', title: 'Theft', legislation: 'Contrary to sections 1 and 7 of the Theft Act 1968.', modeOfTrial: 'Either Way', theme: 'shop', wording: 'On {date} at {place} stole a mobile telephone to the value of £{value} belonging to {victim}.' },
  { code: 'OF61131', title: 'Assault occasioning actual bodily harm', legislation: 'Contrary to section 47 of the Offences Against the Person Act 1861.', modeOfTrial: 'Either Way', theme: 'assault', wording: 'On {date} at {place} assaulted {victim} thereby occasioning them actual bodily harm.' },
  { code: 'OF61016', title: 'Inflict grievous bodily harm', legislation: 'Contrary to section 20 of the Offences Against the Person Act 1861.', modeOfTrial: 'Either Way', theme: 'assault', wording: 'On {date} at {place} unlawfully and maliciously inflicted grievous bodily harm upon {victim}.' },
  { code: 'OF61015', title: 'Wounding with intent to do grievous bodily harm', legislation: 'Contrary to section 18 of the Offences Against the Person Act 1861.', modeOfTrial: 'Indictable', theme: 'assault', wording: 'On {date} at {place} unlawfully and maliciously wounded {victim} with intent to do them grievous bodily harm.' },
  { code: 'CJ88116', title: 'Assault by beating', legislation: 'Contrary to section 39 of the Criminal Justice Act 1988.', modeOfTrial: 'Summary', theme: 'assault', wording: 'On {date} at {place} assaulted {victim} by beating them.' },
  { code: 'CJ88001', title: 'Assault by beating of an emergency worker', legislation: 'Contrary to section 39 of the Criminal Justice Act 1988 and section 1 of the Assaults on Emergency Workers (Offences) Act 2018.', modeOfTrial: 'Either Way', theme: 'assault', wording: 'On {date} at {place} assaulted {victim}, an emergency worker acting in the exercise of functions as such a worker, by beating them.' },
  { code: 'MD71230', title: 'Possess a controlled drug of Class B - cannabis / cannabis resin', legislation: 'Contrary to section 5(2) of and Schedule 4 to the Misuse of Drugs Act 1971.', modeOfTrial: 'Either Way', theme: 'drugs', wording: 'On {date} at {place} had in your possession a quantity of cannabis, a controlled drug of Class B.' },
  { code: 'MD71530', title: 'Possess a controlled drug of Class A - cocaine', legislation: 'Contrary to section 5(2) of and Schedule 4 to the Misuse of Drugs Act 1971.', modeOfTrial: 'Either Way', theme: 'drugs', wording: 'On {date} at {place} had in your possession a quantity of cocaine, a controlled drug of Class A.' },
  { code: 'MD71521', title: 'Possess with intent to supply a controlled drug of Class A - crack cocaine', legislation: 'Contrary to section 5(3) of the Misuse of Drugs Act 1971.', modeOfTrial: 'Indictable', theme: 'drugs', wording: 'On {date} at {place} had in your possession a quantity of crack cocaine, a controlled drug of Class A, with intent to supply it to another.' },
  { code: 'RT88191', title: 'Drive a motor vehicle with excess alcohol', legislation: 'Contrary to section 5(1)(a) of the Road Traffic Act 1988 and Schedule 2 to the Road Traffic Offenders Act 1988.', modeOfTrial: 'Summary', theme: 'driving', wording: 'On {date} at {road} drove a motor vehicle, namely a {vehicle}, on a road after consuming so much alcohol that the proportion of it in your breath, namely {value} microgrammes of alcohol in 100 millilitres of breath, exceeded the prescribed limit.' },
  { code: 'RT88576', title: 'Drive whilst disqualified', legislation: 'Contrary to section 103(1)(b) of the Road Traffic Act 1988.', modeOfTrial: 'Summary', theme: 'driving', wording: 'On {date} at {road} drove a motor vehicle, namely a {vehicle}, on a road while disqualified from holding or obtaining a driving licence.' },
  { code: 'RT88338', title: 'Use a motor vehicle without third party insurance', legislation: 'Contrary to section 143(2) of the Road Traffic Act 1988.', modeOfTrial: 'Summary', theme: 'driving', wording: 'On {date} at {road} used a motor vehicle, namely a {vehicle}, on a road when there was not in force in relation to that use a policy of insurance.' },
  { code: 'CD71039', title: 'Destroy or damage property (value of damage £5000 or less)', legislation: 'Contrary to sections 1(1) and 4 of the Criminal Damage Act 1971.', modeOfTrial: 'Either Way', theme: 'damage', wording: 'On {date} at {place} without lawful excuse damaged a window to the value of £{value} belonging to {victim}, intending to damage such property or being reckless as to whether such property would be damaged.' },
  { code: 'PL86014', title: 'Use threatening, abusive or insulting words or behaviour to cause fear of or provoke unlawful violence', legislation: 'Contrary to section 4(1) and (4) of the Public Order Act 1986.', modeOfTrial: 'Summary', theme: 'publicOrder', wording: 'On {date} at {place} used towards {victim} threatening words and behaviour with intent to cause them to believe that immediate unlawful violence would be used against them.' },
  { code: 'PL86019', title: 'Use threatening or abusive words or behaviour likely to cause harassment, alarm or distress', legislation: 'Contrary to section 5(1) and (6) of the Public Order Act 1986.', modeOfTrial: 'Summary', theme: 'publicOrder', wording: 'On {date} at {place} used threatening or abusive words or behaviour within the hearing or sight of a person likely to be caused harassment, alarm or distress thereby.' },
  { code: 'CJ88132', title: 'Have an article with a blade or point in a public place', legislation: 'Contrary to section 139(1) and (6) of the Criminal Justice Act 1988.', modeOfTrial: 'Either Way', theme: 'weapon', wording: 'On {date} at {place}, a public place, without good reason or lawful authority had with you an article which had a blade or was sharply pointed, namely a kitchen knife.' },
  { code: 'TH68024', title: 'Burglary dwelling - with intent to steal', legislation: 'Contrary to section 9(1)(a) of the Theft Act 1968.', modeOfTrial: 'Either Way', theme: 'burglary', wording: 'On {date} having entered as a trespasser a building, namely a dwelling at {place}, with intent to steal therein.' },
];

export interface RegionRef {
  readonly towns: readonly string[];
  readonly streets: readonly string[];
  readonly postcodeAreas: readonly string[];
  readonly welsh: boolean;
}

export const REGIONS: Readonly<Record<RegionKey, RegionRef>> = {
  london: { towns: ['London', 'Islington', 'Camden', 'Hackney', 'Lambeth', 'Southwark', 'Westminster'], streets: ['Caledonian Road', 'Holloway Road', 'Essex Road', 'Walworth Road', 'Old Kent Road', 'Kilburn High Road', 'Edgware Road', 'Mare Street', 'Brixton Road', 'Camden High Street'], postcodeAreas: ['N1', 'N7', 'NW1', 'NW6', 'SE1', 'SE17', 'E8', 'SW9'], welsh: false },
  manchester: { towns: ['Manchester', 'Salford', 'Stockport', 'Oldham', 'Wythenshawe'], streets: ['Oxford Road', 'Deansgate', 'Stockport Road', 'Great Ancoats Street', 'Eccles New Road', 'Princess Parkway', 'Rochdale Road'], postcodeAreas: ['M1', 'M4', 'M6', 'M13', 'M22', 'OL1', 'SK1'], welsh: false },
  westMidlands: { towns: ['Birmingham', 'Wolverhampton', 'Dudley', 'West Bromwich', 'Solihull'], streets: ['Soho Road', 'Stratford Road', 'Coventry Road', 'Broad Street', 'Hagley Road', 'Alum Rock Road', 'Bristol Road'], postcodeAreas: ['B1', 'B8', 'B11', 'B16', 'B21', 'WV1', 'DY1'], welsh: false },
  leeds: { towns: ['Leeds', 'Bradford', 'Wakefield', 'Huddersfield', 'Halifax'], streets: ['Kirkstall Road', 'Roundhay Road', 'York Road', 'Leeds Road', 'Manningham Lane', 'Dewsbury Road', 'Harehills Lane'], postcodeAreas: ['LS1', 'LS6', 'LS8', 'LS9', 'BD1', 'WF1', 'HD1'], welsh: false },
  bristol: { towns: ['Bristol', 'Bath', 'Weston-super-Mare', 'Kingswood'], streets: ['Stapleton Road', 'Gloucester Road', 'Whiteladies Road', 'Bedminster Parade', 'Church Road', 'Fishponds Road'], postcodeAreas: ['BS1', 'BS2', 'BS3', 'BS5', 'BS6', 'BA1'], welsh: false },
  southWales: { towns: ['Cardiff', 'Caerphilly', 'Pontypridd', 'Barry', 'Penarth', 'Merthyr Tydfil'], streets: ['Cowbridge Road East', 'City Road', 'Heol y Gors', 'Clifton Street', 'Heol Hir', 'Ninian Park Road', 'Commercial Street'], postcodeAreas: ['CF5', 'CF10', 'CF11', 'CF14', 'CF24', 'CF37', 'CF62'], welsh: true },
  westWales: { towns: ['Swansea', 'Neath', 'Port Talbot', 'Llanelli', 'Carmarthen', 'Aberystwyth'], streets: ['Oxford Street', 'Walter Road', 'Heol Las', 'Stryd Fawr', 'Mansel Street', 'Heol y Brenin', 'Station Road'], postcodeAreas: ['SA1', 'SA2', 'SA11', 'SA13', 'SA15', 'SA31', 'SY23'], welsh: true },
};

export const FIRST_NAMES_MALE = ['James', 'Oliver', 'Thomas', 'Daniel', 'Connor', 'Liam', 'Jack', 'Ryan', 'Mohammed', 'Kieran', 'Jordan', 'Adam', 'Callum', 'Nathan', 'Lewis', 'Marcus', 'Tyrone', 'Samuel', 'Aaron', 'Bilal', 'Craig', 'Dean', 'Gary', 'Harvey', 'Imran', 'Jamal', 'Kyle', 'Luke', 'Reece', 'Shane'] as const;
export const FIRST_NAMES_FEMALE = ['Emily', 'Sophie', 'Chloe', 'Jessica', 'Amelia', 'Hannah', 'Charlotte', 'Leanne', 'Aisha', 'Kayleigh', 'Natalie', 'Rebecca', 'Stacey', 'Zara', 'Gemma', 'Jade', 'Megan', 'Priya', 'Shannon', 'Tasha'] as const;
export const WELSH_FIRST_NAMES_MALE = ['Rhys', 'Dafydd', 'Gareth', 'Iwan', 'Gethin', 'Aled', 'Emyr', 'Owain', 'Huw', 'Geraint', 'Dylan', 'Rhodri'] as const;
export const WELSH_FIRST_NAMES_FEMALE = ['Cerys', 'Siân', 'Ffion', 'Bethan', 'Angharad', 'Eleri', 'Nia', 'Catrin', 'Seren', 'Rhiannon', 'Mererid', 'Lowri'] as const;
export const SURNAMES = ['Smith', 'Walker', 'Patel', 'Wright', 'Hughes', 'Green', 'Clarke', 'Ahmed', "O'Brien", 'Murphy', 'Thompson', 'Robinson', 'Hussain', 'Kaur', 'Campbell', 'Turner', 'Fletcher', 'Barker', 'Okafor', 'Mensah', 'Nowak', 'Kowalski', 'Brennan', 'Ashworth', 'Holroyd', 'Pickering', 'Sutcliffe', 'Begum', 'Doherty', 'Whitfield'] as const;
export const WELSH_SURNAMES = ['Jones', 'Williams', 'Davies', 'Evans', 'Thomas', 'Roberts', 'Lewis', 'Morgan', 'Griffiths', 'Llewellyn', 'Pritchard', 'Powell', 'Bevan', 'Rees', 'Price', 'Vaughan', 'ap Rhys', 'Prosser'] as const;

export const SHOPS = ['Tesco Express', "Sainsbury's Local", 'Boots', 'Co-op', 'Primark', 'B&M Bargains', 'Superdrug', 'Lidl', 'Aldi', 'Greggs', 'JD Sports'] as const;
export const VEHICLES = ['silver Ford Focus', 'black Vauxhall Corsa', 'white Volkswagen Golf', 'blue BMW 320d', 'grey Nissan Qashqai', 'red Peugeot 208', 'white Ford Transit van'] as const;
export const STOLEN_ITEMS = ['meat and cheese products', 'razor blades', 'bottles of spirits', 'perfume', 'baby formula', 'clothing', 'a pair of trainers', 'laundry detergent'] as const;
export const PUBLIC_PLACES = ['the Wetherspoons public house', 'the bus station', 'the car park of the retail park', 'the High Street', 'the railway station forecourt', 'the underpass near the shopping centre', 'the takeaway'] as const;
export const OCCUPATIONS = ['Store detective', 'Retail assistant', 'Security officer', 'Police constable', 'Paramedic', 'Bus driver', 'Nurse', 'Student', 'Bar manager', 'Taxi driver', 'Teacher', 'Warehouse operative', 'Civil servant', 'Unemployed', 'Door supervisor'] as const;
export const HEARING_TYPES = {
  first: 'First hearing',
  trial: 'Trial',
  ptph: 'Plea and Trial Preparation Hearing',
  sentence: 'Sentence',
  mention: 'Mention',
  ptr: 'Pre-Trial Review',
  bail: 'Bail Application',
} as const;
