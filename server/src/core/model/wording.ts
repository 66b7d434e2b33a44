// Reading the words of a title: what the judgement of objectives and key results shares.
//
// The readers are hand-written on purpose: a title is one short line, what matters is a few
// closed classes of words (generic verbs, standing-area nouns, vague qualities, quantifiers), and
// a general part-of-speech tagger both misreads the clipped style of OKRs ("Rock solid webhooks",
// "Backfills complete for all teams") and costs more than the whole analysis of a title.
// docs/judgement.md says what each class is for and how it was measured.

/** A word of a title, with where it is. */
export interface TitleWord {
  /** As written, without surrounding punctuation. */
  readonly text: string;
  readonly lower: string;
  readonly start: number;
  readonly end: number;
}

/**
 * The title with asides blanked out (same length, so offsets stay true): parenthesised and
 * bracketed remarks ("(cross-cut with Infra WG)", "[Q3-Q4]"), and a leading emoji or label
 * such as "Stretch:". Quoted text is kept: it is usually a name.
 */
export function withoutAsides(title: string): string {
  // Most titles have nothing to blank: answer them without building new strings.
  if (!/[([]/.test(title) && /^[\p{L}\p{N}"'“‘`$€£¥#<>≤≥]/u.test(title) && !/^\s*(?:stretch|bonus|optional|proposed)/i.test(title)) return title;
  let text = title.replace(/\(([^()]*)\)/g, (m) => ' '.repeat(m.length)).replace(/\[([^[\]]*)\]/g, (m) => ' '.repeat(m.length));
  // Nested parentheses: a second pass takes the outer ones.
  text = text.replace(/\(([^()]*)\)/g, (m) => ' '.repeat(m.length));
  text = text.replace(/^[^\p{L}\p{N}"'“‘`$€£¥#<>≤≥]+/u, (m) => ' '.repeat(m.length));
  const label = /^(\s*)(stretch|bonus|optional|proposed|stretch goal)\s*[:\-–—]\s*/i.exec(text);
  if (label) text = ' '.repeat(label[0].length) + text.slice(label[0].length);
  return text;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’._/&+-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu;

/** The words of a text, in order (hyphenated and dotted words stay whole: "co-operative", "Node.js"). */
export function wordsOf(text: string): TitleWord[] {
  const words: TitleWord[] = [];
  for (const m of text.matchAll(WORD)) {
    const word = m[0].replace(/['’]s$/i, '');
    words.push({ text: word, lower: word.toLowerCase(), start: m.index!, end: m.index! + word.length });
  }
  return words;
}

/**
 * A crude English stem, enough to match word forms: "processes" → "process", "improving" →
 * "improv", "communities" → "communiti", "teams" → "team". Used on both sides of a comparison,
 * never shown.
 */
export function stem(word: string): string {
  let w = word.toLowerCase().replace(/['’]s$/, '');
  if (w.length <= 3) return w;
  if (/ies$/.test(w)) w = `${w.slice(0, -3)}y`;
  else if (/(?:ss|us|is)$/.test(w)) { /* keep: process, status, analysis */ }
  else if (/(?:sh|ch|x|ss)es$/.test(w)) w = w.slice(0, -2);
  else if (/s$/.test(w)) w = w.slice(0, -1);
  if (w.length > 5 && /ing$/.test(w)) w = w.slice(0, -3);
  else if (w.length > 4 && /ed$/.test(w)) w = w.slice(0, -2);
  if (w.length > 4 && /e$/.test(w)) w = w.slice(0, -1);
  if (w.length > 4 && /y$/.test(w)) w = `${w.slice(0, -1)}i`;
  // "shipp(ing)", "plann(ed)": one of a doubled final consonant.
  if (/([bdgklmnprt])\1$/.test(w)) w = w.slice(0, -1);
  return w;
}

/** A set of words matched by stem. */
export class StemSet {
  private readonly stems: Set<string>;
  constructor(words: string) {
    this.stems = new Set(words.trim().split(/\s+/).map(stem));
  }
  has(word: string): boolean {
    return this.stems.has(stem(word));
  }
}

/** Words that carry no content of their own: articles, pronouns, prepositions, conjunctions, auxiliaries. */
export const FUNCTION_WORDS = new Set(`
  a an the and or nor but so yet to of in on at by for from with without into onto over under about around across
  through throughout towards toward via per as than then that this these those which who whom whose what when where
  why how whether if while our ours us we my me i you your their them they it its his her he she one ones all any some
  each every both either neither such same other others another more most much many few less least very really also
  too just only even still again further once is are was were be been being am has have had do does did will would
  shall should can could may might must not no up out off down here there beyond within upon among between
  s etc e.g i.e eg ie vs
`.trim().split(/\s+/));

/**
 * Generic words: what any organisation could write about any quarter. A title made only of these
 * (and function words) names a standing area or the business itself, not something that will be
 * different: "Improve our deployment infrastructure", "Grow community engagement", "Build team +
 * culture". Deliverables (strategy, plan, release, workspace), names and domain terms are
 * deliberately absent: any of them makes a title specific.
 */
export const GENERIC_WORDS = new StemSet(`
  improve improvement grow growth increase enhance enhancement optimize optimise optimization optimisation develop
  development build strengthen refine boost expand expansion maximize maximise minimize minimise cultivate foster
  support drive create establish ensure have become make engage engagement review identify achieve deliver
  communicate communication find define scale accelerate advance raise elevate promote nurture invest focus keep
  maintain sustain continue affect impact level step sell run serve manage operate help empower enable leverage
  streamline modernize modernise transform evolve mature deepen broaden extend bolster retain retention need needed
  better best good great strong stronger high higher robust clear active effective effectively efficient
  efficiently smooth smoothly overall core key main existing current new recurring general generally positive
  positively impactful valuable critical important relevant well defined well-defined aligned performing
  successful successfully healthy sustainable scalable reliable consistent consistently continuous ongoing future
  internal internally external externally public financial operational technical organizational organisational
  remote open source open-source whole entire total usual normal regular daily everyday day-to-day quality
  business company organization organisation org co-operative cooperative team teams people staff member members
  employee culture community communities customer customers client clients user users partner partners stakeholder
  stakeholders developer developers market marketing sales sale revenue income profit profitability cost costs
  spend spending budget finance finances money cash product products service services platform platforms offering
  system systems tool tools tooling infrastructure infra process processes practice practices routine routines
  workflow workflows operation operations ops activity activities work job jobs task tasks role roles
  responsibility responsibilities structure structures governance brand branding reach awareness influence
  presence reputation visibility positioning content material materials communication outreach relationship
  relationships collaboration cooperation coordination pipeline pipelines lead leads opportunity opportunities
  source sources channel channels performance productivity efficiency effectiveness reliability availability
  stability scalability security safety resilience redundancy uptime observability monitoring responsiveness
  usability accessibility speed velocity throughput latency continuity capability capabilities capacity
  experience satisfaction happiness wellbeing well-being morale usage adoption experimentation innovation
  functionality features feature frontend backend data analytics insight insights repository repositories
  codebase code documentation docs outlook area areas progress goal goals objective objectives result results
  value values mission vision purpose impact excellence success level levels time thing things stuff everything
  deployment track base core ecosystem environment simplify simple stabilize stabilise automate resolve issue issues
  problem problems friendly enterprise admin administration onboarding installation setup site website app apps
  status go go-to-market gtm arr mrr limit limits major consuming time-consuming org-wide company-wide across side way ways part parts
  it hr qa ux ui seo bi cdp crm erp kpi kpis okr okrs
`);

/** Quality attributes are generic whatever their stem: "Debuggability", "maintainability", "responsiveness". */
export const GENERIC_SUFFIX = /(?:ability|ibility|ity|ness)$/;

/** Verbs whose object is usually a standing area: "improve", "grow", "support" … (a subset of GENERIC_WORDS). */
export const GENERIC_VERBS = new StemSet(`
  improve grow increase enhance optimize optimise develop build strengthen refine boost expand maximize maximise
  minimize minimise cultivate foster support drive create establish ensure have become make engage review identify
  achieve deliver communicate find define scale accelerate advance raise elevate promote nurture invest focus keep
  maintain sustain continue affect impact sell run serve manage operate help empower enable leverage streamline
  modernize modernise transform evolve mature deepen broaden extend bolster retain
`);

/**
 * Common verbs in OKR titles, in their base form: enough to tell a title led by a verb (or a
 * sentence with one) from a bare noun phrase such as "Platform stability".
 */
export const VERBS = new StemSet(`
  improve grow increase enhance optimize optimise develop build strengthen refine boost expand maximize maximise
  minimize minimise cultivate foster support drive create establish ensure have become make engage review identify
  achieve deliver communicate find define scale accelerate advance raise elevate promote nurture invest focus keep
  maintain sustain continue affect impact sell run serve manage operate help empower enable leverage streamline
  modernize modernise transform evolve mature deepen broaden extend bolster retain be is are was were will get
  launch ship release publish migrate move hire recruit sign close open start begin finish complete add remove
  write draft design redesign implement introduce roll set kick reach hit meet win earn gain bring take give
  reduce cut lower decrease shorten halve double triple eliminate fix resolve prevent stop avoid learn explore
  understand assess examine investigate research evaluate audit test measure track monitor report document
  automate integrate upgrade replace refactor rewrite re-write prepare plan organize organise host hold attend run
  present speak share announce spread connect activate convert onboard train teach mentor coach certify comply
  deploy configure install prototype pilot validate verify prove demonstrate unblock nail tackle consider
  collaborate partner contribute provide offer allow let go stay remain say tell ask answer respond reply talk
  figure look see use adopt apply align turn delight earn own lead put save protect secure harden simplify unify
  consolidate standardize standardise centralize centralise clarify equip invite welcome wow please attract acquire
  capture dominate beat outperform differentiate enter localize localise internationalize land renew upsell monetize
  monetise price package bundle rebrand reposition relaunch revive rebuild restructure reorganize reorganise recognize
  recognise reward celebrate listen experiment iterate instrument inspire excite educate inform involve invite enroll
  enrol register subscribe pay charge bill collect fund raise spend allocate approve decide choose select prioritize
  prioritise simplify shrink trim lift cross clear free open unlock reuse recycle grow win deliver transition switch
  convert drive push pull hold stand fill join form shape craft cut bring carry send ship
`);

/**
 * Vague qualities: words that spoil a level, because nobody can score them ("rock solid",
 * "painlessly", "reliable monitoring … on all key services").
 */
export const VAGUE_QUALITIES = /(?<!\bfor\s)\b(?:rock[\s-]solid|solid|good|great|excellent|awesome|amazing|better|the\s+best|sound|fast|easy|intuitive|polished|distinct|painless(?:ly)?|seamless(?:ly)?|smooth(?:ly)?|firmly|reliabl[ey]|robust(?:ly)?|gracefully|successfully|empowered|evolved?\s+into|vibrant|healthy|top[\s-]notch|world[\s-]class|best[\s-]in[\s-]class|first[\s-]class|delightful|compelling|easily|easier|significantly|dramatically|meaningfully)\b/i;

/**
 * Selectors that leave open which items are meant, so an "all" over them is no threshold:
 * "all key services", "all relevant teams".
 */
export const VAGUE_SELECTORS = new Set(['key', 'major', 'relevant', 'important', 'critical', 'main', 'necessary', 'needed', 'appropriate', 'applicable', 'possible', 'missing']);
