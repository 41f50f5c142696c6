import { walk, type Walked } from '@/lib/extract/walk';
import { pageOf } from '../../helpers';

/** A page body given as HTML, parsed in happy-dom and walked once, as the extractor does. */
export function read(body: string): { doc: Document; w: Walked } {
  const doc = pageOf(`<html><head><title>测试</title></head><body>${body}</body></html>`);
  return { doc, w: walk(doc.body) };
}
