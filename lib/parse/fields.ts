import type { FieldKey } from '../labels';
import type { FieldHit, GuideSnapshot } from '../snapshot';

/** This item's hits for a field: not the footer's (the portal's) nor a list's (other items'). */
export function hitsOf(s: Pick<GuideSnapshot, 'fields'>, key: FieldKey): FieldHit[] {
  return (s.fields[key] ?? []).filter((h) => h.within !== 'footer' && h.within !== 'list');
}

/** The first hit with a value, else the first (empty) hit, else undefined. */
export function firstValue(s: GuideSnapshot, key: FieldKey, keep: (h: FieldHit) => boolean = () => true): FieldHit | undefined {
  const hits = hitsOf(s, key).filter(keep);
  return hits.find((h) => h.value.trim()) ?? hits[0];
}
