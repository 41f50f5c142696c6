/**
 * Page text leaving the browser (terminal table, JSON, CSV) is plain text: no terminal escape
 * sequences, no control characters, no bidi overrides that could make a cell read backwards.
 */

// ANSI/VT escape sequences: CSI (ESC [ … final), OSC (ESC ] … BEL or ESC \), and two-byte ESC x.
// eslint-disable-next-line no-control-regex
const ESCAPES = /\u001b\[[0-?]*[ -/]*[@-~]|\u009b[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-_]?/g;
// Bidi embeddings, overrides, isolates and marks (U+202E and friends), and the BOM inside text.
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
// C0 and C1 controls except tab and line feed (a cell may hold several lines; CR becomes LF).
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]+/g;

/** The text without escape sequences, bidi or control characters (runs of them become one space). */
export function plainText(s: string): string {
  return s.replace(ESCAPES, '').replace(BIDI, '').replace(/\r\n?|[\u2028\u2029]/g, '\n').replace(CONTROLS, ' ');
}

/** One line of plain text for a terminal: line breaks and tabs become spaces too. */
export function lineText(s: string): string {
  return plainText(s).replace(/[\t\n]+/g, ' ');
}

/** A copy of a JSON-like value with every string in it made plain text. */
export function plainValue<T>(v: T): T {
  if (typeof v === 'string') return plainText(v) as T;
  if (Array.isArray(v)) return v.map(plainValue) as T;
  if (v && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [plainText(k), plainValue(x)])) as T;
  }
  return v;
}
