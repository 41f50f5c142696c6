import { z } from 'zod';

/**
 * The guide as read from a page: plain, serialisable and independent of the DOM, so rules run
 * in Node, in the extension, and on a stored snapshot long after the page changed.
 */

export const FieldHit = /* @__PURE__ */ (() => z.object({
  label: z.string(), // the label as written on the page
  value: z.string(), // the value text, original characters, white space collapsed
  path: z.string(), // where it was found (CSS path of the label element)
  how: z.enum(['pair', 'inline', 'tab']),
  /**
   * Not this item's own value: inside a process, materials or special-procedure section, the
   * page footer, or a list of other items (相关事项, a catalogue) that repeats item fields.
   */
  within: z.enum(['process', 'materials', 'special', 'footer', 'list']).optional(),
}))();
export type FieldHit = z.infer<typeof FieldHit>;

export const Link = /* @__PURE__ */ (() => z.object({
  text: z.string(),
  href: z.string(),
  /** It leads somewhere: a real href, a download attribute, or a click/download handler. */
  usable: z.boolean(),
  path: z.string(),
}))();
export type Link = z.infer<typeof Link>;

export const Material = /* @__PURE__ */ (() => z.object({
  name: z.string(),
  source: z.string().optional(),
  copies: z.string().optional(),
  type: z.string().optional(),
  text: z.string(),
  blank: z.array(Link),
  sample: z.array(Link),
  path: z.string(),
}))();
export type Material = z.infer<typeof Material>;

export const Step = /* @__PURE__ */ (() => z.object({
  name: z.string(),
  limit: z.string().optional(),
  handler: z.string().optional(),
  standard: z.string().optional(),
  text: z.string(),
  path: z.string(),
  from: z.enum(['table', 'prose']),
}))();
export type Step = z.infer<typeof Step>;

export const SpecialProcedure = /* @__PURE__ */ (() => z.object({
  name: z.string(),
  limit: z.string().optional(),
  text: z.string(),
  path: z.string(),
}))();
export type SpecialProcedure = z.infer<typeof SpecialProcedure>;

export const GuideSnapshot = /* @__PURE__ */ (() => z.object({
  url: z.string(),
  title: z.string(),
  /** The item's name from a 事项名称 field or the page's main heading. */
  heading: z.string().optional(),
  fields: z.record(z.string(), z.array(FieldHit)),
  /** How many places outside sections state each field (a catalogue repeats them per item). */
  repeats: z.record(z.string(), z.number().int()),
  /** Entries of lists of other items (each with a link and its own 时限 / 到现场次数). */
  listEntries: z.number().int(),
  /** null: the page has no materials block at all. */
  materials: z.array(Material).nullable(),
  materialsPath: z.string().optional(),
  steps: z.array(Step),
  /** All process text (tables and prose), for E1-6's "mentioned but not listed" check. */
  processText: z.string(),
  specials: z.array(SpecialProcedure),
  onlineLinks: z.array(Link),
  /** How many elements the extractor visited — feeds the performance benchmark. */
  visited: z.number().int(),
}))();
export type GuideSnapshot = z.infer<typeof GuideSnapshot>;
