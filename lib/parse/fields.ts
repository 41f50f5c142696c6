import type { FieldKey } from '../labels';
import type { FieldHit, GuideSnapshot } from '../snapshot';

export function hitsOf(s: GuideSnapshot, key: FieldKey): FieldHit[] {
  return s.fields[key] ?? [];
}

/** The first hit with a value, else the first (empty) hit, else undefined. */
export function firstValue(s: GuideSnapshot, key: FieldKey, keep: (h: FieldHit) => boolean = () => true): FieldHit | undefined {
  const hits = hitsOf(s, key).filter(keep);
  return hits.find((h) => h.value.trim()) ?? hits[0];
}
