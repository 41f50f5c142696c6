import { repeatedReason } from '../judge';
import { ONLINE_ENTRY_WORDS, withoutNote } from '../labels';
import type { FieldHit, GuideSnapshot } from '../snapshot';
import { findHeading } from './headings';
import { tidy, type RawHit } from './hit';
import { findInline } from './inline';
import { linkOf } from './links';
import { attachFormLinks, extractMaterials } from './materials';
import { attributeHits, findPairs } from './pairs';
import { distinctSections, listEntries, mostSpecific, sectionOf } from './sections';
import { extractSpecials } from './specials';
import { extractSteps } from './steps';
import { fieldTableHits, settleAmbiguousTables, tableSteps } from './tables';
import { runAtOnce, type Steps } from './slices';
import { cssPath, walkSteps } from './walk';

/**
 * Page → snapshot. One walk over the DOM (./walk.ts), then the parts, each reading one kind of
 * markup: tables with header rows (./tables.ts), label–value pairs and tabs (./pairs.ts,
 * ./tabs.ts), inline `标签：值` text (./inline.ts); where each label stands (./sections.ts); then
 * materials, steps and special procedures (./materials.ts, ./steps.ts, ./specials.ts, reading
 * tables or the cards of ./cards.ts) and the item's name (./headings.ts). Fields are found by
 * label (lib/labels.ts), never by position. A catalogue of many items (lib/judge.ts) is known
 * from its fields, before its materials and process are read; they are not.
 */
export function extractGuide(doc: Document, url: string = doc.location?.href ?? ''): GuideSnapshot {
  return runAtOnce(extractionSteps(doc, url));
}

/**
 * The extraction as steps that may pause (./slices.ts): the content script reads a big page in
 * slices, pausing inside the walk and between the parts.
 */
export function* extractionSteps(doc: Document, url: string = doc.location?.href ?? ''): Steps<GuideSnapshot> {
  const root = doc.body ?? doc.documentElement;
  if (!root) return emptySnapshot(url, doc);
  const w = yield* walkSteps(root);
  yield;
  const tables = yield* tableSteps(w);
  const tableEls = new Set<Node>(tables.map((t) => t.table));
  const inColumnTable = (n: Node) => {
    for (let a: Node | null = n; a; a = a.parentNode) if (tableEls.has(a)) return true;
    return false;
  };
  const hits = findPairs(doc, w, inColumnTable);
  yield;
  hits.push(...fieldTableHits(tables, w), ...attributeHits(w));
  findInline(w, hits);
  yield;
  settleAmbiguousTables(tables, hits, w);
  yield;

  const materialHits = distinctSections(hits.filter((h) => h.key === 'materials'));
  const processHits = distinctSections(hits.filter((h) => h.key === 'process'));
  const sectionWithin = sectionOf(w, hits, tables);
  const listing = listEntries(hits.filter((h) => !sectionWithin(h.labelNode)), w);
  const within = (h: RawHit): FieldHit['within'] => sectionWithin(h.labelNode) ?? (listing.hits.has(h.labelNode) || h.entry ? 'list' : undefined);
  const entries = Math.max(listing.entries, new Set(hits.map((h) => h.entry).filter(Boolean)).size);
  const fields: Record<string, FieldHit[]> = {};
  const repeats: Record<string, number> = {};
  // Blocks holding a label element of a field: an inline `标签：值` there repeats that label's pair.
  const pairedIn = new Map<Node, Set<string>>();
  for (const o of hits) {
    if (o.how === 'inline') continue;
    for (let n: Node | null = o.labelNode; n; n = n.parentNode) {
      const keys = pairedIn.get(n) ?? pairedIn.set(n, new Set()).get(n)!;
      if (keys.has(o.key)) break;
      keys.add(o.key);
    }
  }
  for (const h of mostSpecific(hits)) {
    const where = within(h);
    if (h.value && !where && !(h.how === 'inline' && pairedIn.get(h.labelNode)?.has(h.key))) {
      repeats[h.key] = (repeats[h.key] ?? 0) + 1;
    }
    const list = (fields[h.key] ??= []);
    if (!list.some((x) => x.value === h.value)) {
      list.push({ label: h.label, value: h.value, path: cssPath(h.labelNode), how: h.how, ...(where ? { within: where } : {}) });
    }
  }

  // A catalogue of many items is no guide whatever its materials and process say: they are not
  // read (on a page of a hundred items, reading them is most of the work).
  if (entries < 3 && repeatedReason({ fields, repeats })) {
    return { ...emptySnapshot(url, doc), heading: findHeading(doc, w, fields), fields, repeats, listEntries: entries, visited: w.visited };
  }
  yield;
  const materials = extractMaterials(w, tables, materialHits);
  attachFormLinks(materials, hits.filter((h) => h.key === 'forms'), w);
  yield;
  const steps = extractSteps(w, tables, processHits);
  const specials = extractSpecials(w, tables);
  const processText = [
    ...processHits.map((h) => h.value),
    ...tables.filter((t) => t.kind === 'step').map((t) => w.textOf(t.table)),
  ].join('\n');

  const onlineLinks = w.anchors
    .filter((a) => {
      const raw = w.textOf(a) || a.getAttribute('value') || a.getAttribute('title') || '';
      // Tidying only turns white space into spaces, so a text without the words has none after it
      // either: the page's many other links are dismissed by one test each.
      if (!ONLINE_ENTRY_WORDS.test(raw)) return false;
      const t = withoutNote(tidy(raw));
      return t.length <= 12 && ONLINE_ENTRY_WORDS.test(t);
    })
    .map((a) => linkOf(a, w));
  const materialTable = tables.find((t) => t.kind === 'material');

  return {
    url,
    title: tidy(doc.title ?? ''),
    heading: findHeading(doc, w, fields),
    fields,
    repeats,
    listEntries: entries,
    materials,
    materialsPath: materialHits[0] ? cssPath(materialHits[0].labelNode) : materialTable ? cssPath(materialTable.table) : undefined,
    steps,
    processText: tidy(processText),
    specials,
    onlineLinks,
    visited: w.visited,
  };
}

function emptySnapshot(url: string, doc: Document): GuideSnapshot {
  return { url, title: tidy(doc.title ?? ''), fields: {}, repeats: {}, listEntries: 0, materials: null, steps: [], processText: '', specials: [], onlineLinks: [], visited: 0 };
}
