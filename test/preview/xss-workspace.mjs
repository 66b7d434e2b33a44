// A workspace of .okr files built from the XSS corpus (fixtures/xss-corpus.json): each payload in
// every place of the language that can hold it, and on the lines that cannot, so that the parser
// has to turn it down. Shared by the preview page's tests (xss.test.mjs) and the command line's
// export tests (test/cli/export-escaping.test.ts).
//
// Per payload N (its own files, so one payload's problems never hide another's):
//   NNN <payload>.okr (or NNN.okr when the payload cannot be a file name)
//     strategy sN: P                    the strategy's title
//     objective oN: P                   title, why:, owner "P" or @P, level company, learned: P
//       kr k: P                         title, owner, rollup sum, unit P (when P is a unit word),
//                                       a check-in with note P, a grade with note P, learned: P
//       kr steps: P                     a milestone key result: steps P, missed
//       kr: P                           a key result without id
//     objective cN: P                   aligned to oN.k (via) and to sN (an extra link); its key
//                                       result `part` contributes to oN.k
//     objective wN: P                   a catch-all by its wording (okr.config.json lists P as a
//                                       phrase), unless P holds a digit
//     objective P: P                    when P is an id: also its level, key result id, unit, and
//                                       a key result whose metric is read from its title
//   NNN-rejected.okr                    P where the language has no room for it: period, level,
//                                       owner, aligns to, target unit, check-in date, weight,
//                                       objective id, key result id
// okr.config.json: today pinned, the payloads that are level names appended to the levels, every
// payload short enough a catch-all phrase.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The payloads of a corpus file: `{ name, text }`. */
export function readCorpus(file) {
  const { payloads } = JSON.parse(fs.readFileSync(file, 'utf8'));
  const names = new Set();
  for (const payload of payloads) {
    if (names.has(payload.name)) throw new Error(`${file}: the name ${payload.name} is used twice`);
    names.add(payload.name);
    // Free text runs to the end of the line or to `# `, and is trimmed: a payload that breaks those
    // rules would be cut, and the tests could not look for it whole.
    if (/[\r\n]|#(?![^ \t\r\n])/.test(payload.text) || payload.text !== payload.text.trim() || !payload.text) {
      throw new Error(`${file}: payload ${payload.name} does not fit on one line of free text`);
    }
  }
  return payloads;
}

const KEYWORDS = new Set(['period', 'level', 'owner', 'strategy', 'objective', 'aligns', 'to', 'why', 'committed', 'aspirational', 'kr', 'from', 'target', 'keep', 'above', 'below', 'current', 'checkin', 'confidence', 'contributes', 'rollup', 'sum', 'weight', 'step', 'grade', 'status', 'learned']);

/** What the language lets a payload be, besides free text (docs/language.md §2). */
export function placesOf(text) {
  const id = /^[A-Za-z_\u00C0-\uFFFF][\w\u00C0-\uFFFF-]*$/.test(text);
  return {
    id,
    unit: id && !KEYWORDS.has(text),
    // okr.config.json's "levels" are stricter than ids in .okr files.
    configLevel: /^[\p{L}_][\p{L}\p{N}_-]*$/u.test(text),
    handle: /^[^\s,#:"]+$/.test(text),
    quoted: !text.includes('"'),
    fileName: !/[/\\\0]/.test(text) && Buffer.byteLength(text) <= 200,
  };
}

/** The owner line's value for a payload, when the language has a form that holds it. */
export function ownerOf(text) {
  const places = placesOf(text);
  return places.quoted ? `"${text}"` : places.handle ? `@${text}` : undefined;
}

/**
 * Writes the workspace into `dir` (created when missing) and returns what went where.
 * @param {string} dir
 * @param {{ name: string, text: string }[]} payloads
 * @returns {{ files: string[], config: object }}
 */
export function writeXssWorkspace(dir, payloads) {
  fs.mkdirSync(dir, { recursive: true });
  const files = [];
  const write = (name, lines) => {
    fs.writeFileSync(path.join(dir, name), `${lines.join('\n')}\n`);
    files.push(name);
  };
  const levels = ['company', 'department', 'team', 'individual'];
  payloads.forEach(({ text }, i) => {
    const n = String(i).padStart(3, '0');
    const places = placesOf(text);
    const owner = ownerOf(text) ?? `@owner-${n}`;
    const unit = places.unit ? text : 'signups';
    const lines = [
      'period 2026-Q1',
      '',
      `strategy s${n}: ${text}`,
      '',
      `objective o${n}: ${text}`,
      '  level company',
      `  owner ${owner}`,
      `  aligns to s${n}`,
      `  why: ${text}`,
      `  learned: ${text}`,
      `  kr k: ${text}`,
      `    target 10 ${unit}`,
      '    rollup sum',
      `    owner ${owner}`,
      `    checkin 2026-01-20 4 confidence 0.5: ${text}`,
      `    grade 0.4: ${text}`,
      `    learned: ${text}`,
      `  kr: ${text}`,
      `  kr steps: ${text}`,
      `    step 2026-01-15 done: ${text}`,
      `    step 2026-02-15: ${text}`,
      '    status missed',
      '',
      `objective c${n}: ${text}`,
      '  level department',
      `  owner ${owner}`,
      `  aligns to o${n}.k, s${n}`,
      `  why: ${text}`,
      `  kr: ${text}`,
      '  kr part: Our share',
      `    target 4 ${unit}`,
      `    contributes to o${n}.k`,
      '',
      `objective w${n}: ${text}`,
      '  level department',
      `  aligns to o${n}`,
      `  kr: ${text}`,
    ];
    if (places.id) {
      if (places.configLevel && !levels.includes(text)) levels.push(text);
      lines.push(
        '',
        `objective ${text}: ${text}`,
        `  level ${text}`,
        `  owner ${places.handle ? `@${text}` : owner}`,
        `  aligns to c${n}, o${n}.k`,
        `  kr ${text}: ${text}`,
        `    target 3 ${unit}`,
        `    contributes to o${n}.k`,
        ...(places.unit ? [`  kr: Reach 7 ${text}`] : []),
      );
    }
    write(places.fileName ? `${n} ${text}.okr` : `${n}.okr`, lines);

    const rejected = [
      `objective r${n}: Lines with no room for the text`,
      `  period ${text}`,
      ...(places.id ? [] : [`  level ${text}`, `  aligns to ${text}`]),
      `  owner ${text}`,
      '  kr r: A key result',
      `    target 10 ${text}`,
      `    checkin ${text} 5`,
      `    weight ${text}`,
      ...(places.id ? [] : [`  kr ${text}: A key result whose id cannot be read`, `objective ${text}: An objective whose id cannot be read`]),
    ];
    write(`${n}-rejected.okr`, rejected);
  });
  const config = {
    today: '2026-02-15',
    levels,
    // okr.config.json refuses phrases over 200 characters (MAX_PHRASE_LENGTH), and all of them then.
    catchAll: { phrases: payloads.map((p) => p.text).filter((text) => text.length <= 200) },
  };
  fs.writeFileSync(path.join(dir, 'okr.config.json'), `${JSON.stringify(config, null, 2)}\n`);
  return { files, config };
}
