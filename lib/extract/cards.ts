/**
 * Cards: the repeated items inside a materials or process section that is not a table — list
 * items, same-class `div` cards (state classes such as `active` or `is-current` aside), several
 * `<p>` after a heading, or numbered lines (`1.` `（1）` `①`) of one block — and the
 * `标签：值` details inside one card, by the column labels of a table kind (来源渠道, 份数 …;
 * 办理人, 办理时限, 审查标准 …), as label elements or as runs of text.
 */
import { COLUMN_LABELS, columnOf } from '../labels';
import { labelKey } from '../text';
import { stripNumbering, tidy, type RawHit } from './hit';
import { valueAfter } from './pairs';
import { cssPath, type Candidate, type Walked } from './walk';

/** A card; `group` is the heading it stands under (`1.申请表格类` over `(1)、申请表`). */
export type Item = { el?: Element; text: string; path: string; group?: string };
/** Items of one list share tag and classes, state classes aside (the active step, the current card). */
function signature(el: Element): string {
  const classes = (el.getAttribute('class') ?? '')
    .split(/\s+/)
    .filter((c) => c && !/--|^(?:active|on|current|cur|sel|selected|first|last|odd|even|open|show|in)$|^is-/.test(c))
    .sort();
  return `${el.tagName}.${classes.join(' ')}`;
}

const DETAIL_WORDS = {
  material: /来源|份|出具|提供|类型|下载|原件|复印件|自备|核发|表格/g,
  step: /办理人|承办|岗位|时限|工作日|标准|审核|审查|结果/g,
};
export function itemsOf(hit: RawHit, w: Walked, kind: keyof typeof DETAIL_WORDS): Item[] {
  const containers = hit.nodes.filter((n): n is Element => n.nodeType === 1);
  let best: Element[] = [];
  let bestScore = [0, 0];
  // A card carries several details (来源, 份数, 下载 … / 办理人, 时限, 标准); a row inside one carries one.
  const richness = (group: Element[]) => group.filter((el) => (w.textOf(el).match(DETAIL_WORDS[kind]) ?? []).length >= 2).length;
  const consider = (group: Element[]) => {
    const score = [richness(group), group.length];
    if (score[0]! > bestScore[0]! || (score[0] === bestScore[0] && score[1]! > bestScore[1]!)) {
      best = group;
      bestScore = score;
    }
  };
  const scan = (el: Element, depth: number) => {
    if (depth > 6) return;
    const kids = Array.from(el.children).filter((k) => tidy(w.textOf(k)));
    const bySig = new Map<string, Element[]>();
    for (const k of kids) {
      const sig = signature(k);
      (bySig.get(sig) ?? bySig.set(sig, []).get(sig)!).push(k);
    }
    for (const [sig, group] of bySig) {
      if (group.length < 2 || /^(BR|SPAN|A|STRONG|B|EM|I|LABEL|H\d|TD|TH)\./i.test(sig)) continue;
      // The notes under each line of a list (`<div>（说明：原件1份）</div>`) are not the items.
      if (group.every((g) => NOTE.test(tidy(w.textOf(g))))) continue;
      consider(group);
    }
    for (const k of kids) scan(k, depth + 1);
  };
  for (const c of containers) scan(c, 0);
  // A container whose own children are the section's siblings (e.g. several <p> after a heading)
  if (containers.length >= 2) {
    const sigs = new Set(containers.map(signature));
    if (sigs.size === 1) consider(containers);
  }
  if (best.length >= 2) return best.map((el) => ({ el, text: tidy(w.textOf(el)), path: cssPath(el) }));
  const lines = numberedLines(tidy(hit.value));
  if (lines.length) return lines.map((l) => ({ ...l, path: cssPath(hit.labelNode) }));
  if (best.length === 1) return best.map((el) => ({ el, text: tidy(w.textOf(el)), path: cssPath(el) }));
  return [];
}

const NUMBERED = /^\s*(?:\d{1,2}\s*[.、．)）]|[(（]\d{1,2}[)）]|[\u2460-\u2473])/;
/** A second level of numbering: （1） or ①. */
const SUB_NUMBERED = /^\s*(?:[(（]\d{1,2}[)）]|[\u2460-\u2473])/;
const GROUP_HEADING = /(?:类|类材料|类文件|[:：])$/;
/** A line that is one bracketed note: （说明：原件1份，验原件）. */
const NOTE = /^[(（][^()（）]*[)）]$/;

/**
 * The numbered lines of a block as items: a note on its own line under one belongs to it, and a
 * top-level line over second-level ones (`1.申请表格类` over `(1)、…`) is their group, not an item.
 */
function numberedLines(text: string): { text: string; group?: string }[] {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  const out: { text: string; group?: string }[] = [];
  let group: string | undefined;
  let last: { text: string } | undefined;
  lines.forEach((line, i) => {
    if (NUMBERED.test(line)) {
      // A heading names a kind of material (申请表格类, 证明材料：); `1.《申请书》` over `(1)须签字` is a material with its requirements.
      if (!SUB_NUMBERED.test(line) && SUB_NUMBERED.test(lines[i + 1] ?? '') && GROUP_HEADING.test(stripNumbering(line))) {
        group = stripNumbering(line);
        last = undefined;
        return;
      }
      last = { text: line, ...(group && SUB_NUMBERED.test(line) ? { group } : {}) };
      out.push(last);
    } else if (last && NOTE.test(line)) {
      last.text += ` ${line}`;
    } else last = undefined;
  });
  return out;
}

/** Label → value pairs inside one card, by the column labels of a table kind; then `标签：值` runs in its text. */
export function pairsIn(card: Element, kind: 'material' | 'step', w: Walked, inCard: Candidate[]): Record<string, string> {
  const cols: Record<string, string> = {};
  // Several source labels (来源渠道, 出具单位) all describe the source: keep them all.
  const put = (col: string, value: string) => {
    if (!value) return;
    if (!(col in cols)) cols[col] = value;
    else if (col === 'source' && !cols[col]!.includes(value)) cols[col] += `；${value}`;
  };
  const labels = inCard.filter((c) => c.node !== card && columnOf(kind, labelKey(c.text)));
  const labelNodes = new Set<Node>(labels.map((c) => c.node));
  for (const c of labels) put(String(columnOf(kind, labelKey(c.text))), valueAfter(c.node, labelNodes, w)?.value ?? '');
  for (const { col, value } of columnRuns(w.textOf(card), kind).runs) put(col, value);
  return cols;
}

const columnRes = new Map<string, RegExp>();
/**
 * `标签：值` runs of column labels in a text, wherever they stand on a line — minified pages and
 * SPAs run a card's spans together: "户籍证明来源渠道：政府部门核发份数：原件1份". `lead` is the
 * text before the first label (the material's name in such a card).
 */
export function columnRuns(text: string, kind: 'material' | 'step'): { lead: string; runs: { col: string; value: string }[] } {
  let re = columnRes.get(kind);
  if (!re) {
    const labels = Object.values(COLUMN_LABELS[kind]).flat().filter((l) => l.length >= 2).sort((a, b) => b.length - a.length);
    re = new RegExp(`(${labels.join('|')})\\s*[:：]`, 'g');
    columnRes.set(kind, re);
  }
  const runs: { col: string; value: string }[] = [];
  let lead = '';
  text.split('\n').forEach((line, li) => {
    const found = [...line.matchAll(re!)];
    if (li === 0 || !lead) lead ||= tidy(found.length ? line.slice(0, found[0]!.index) : '');
    found.forEach((m, i) => {
      const col = columnOf(kind, m[1]!);
      const value = tidy(line.slice(m.index! + m[0].length, found[i + 1]?.index ?? line.length));
      if (col) runs.push({ col: String(col), value });
    });
  });
  return { lead, runs };
}
