// What the command line writes for a terminal is text and nothing else. User text (titles, ids,
// owners, notes, messages that quote them, file names) may hold control characters: ESC starts
// the sequences that move the cursor, clear lines, set the window title or make links (CSI, OSC),
// the C1 controls do the same in one character, BEL rings, backspace and DEL erase, and bidi
// controls reorder what is shown. Each is written as its escape (`\x1B`, `\u202E`), as the
// preview and the exports show user text as text in HTML. The command line's own colours are
// added after, and only when stdout is a terminal (`paint.ts`).

/** C0 controls but LF, DEL, C1 controls, and the characters that reorder or separate lines. */
const UNSAFE = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;
/** The same with LF: for one-line pieces (a title cannot hold a line break; a file name can). */
const UNSAFE_IN_LINE = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

const escapeOf = (char: string): string => {
  const code = char.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
};

/** One line of user text for a terminal: every control character written as its escape. */
export function terminalText(text: string): string {
  return text.replace(UNSAFE_IN_LINE, escapeOf);
}

/** Lines of text for a terminal: line breaks kept, every other control character escaped. */
export function terminalLines(text: string): string {
  return text.replace(UNSAFE, escapeOf);
}

/**
 * JSON for a terminal: JSON.stringify already escapes C0 controls; the C1 controls and the bidi
 * controls are escaped too (`\u009B`), which a JSON reader reads back as the same characters.
 */
export function terminalJson(json: string): string {
  return json.replace(/[\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
