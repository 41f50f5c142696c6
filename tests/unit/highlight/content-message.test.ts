import { describe, expect, it } from 'vitest';
import { contentMessage } from '@/lib/highlight/content';
import { ContentMessage } from '@/lib/highlight/messages';

// The content script checks the background's messages by hand (it carries no zod): it must
// accept exactly what the schema accepts.
const mark = { indicator: 'E1-3', status: 'partial', selector: 'td#addr', label: '办理地点', kind: 'found' };
const cases: unknown[] = [
  { type: 'highlight/remove' },
  { type: 'links/list', url: 'https://a.gov.cn/x', indicator: 'E4-1' },
  { type: 'links/list', url: 'https://a.gov.cn/x', indicator: 'E1-1' },
  { type: 'highlight/draw', url: 'https://a.gov.cn/x', marks: [mark], scroll: true, without: ['B1'] },
  { type: 'highlight/draw', url: 'https://a.gov.cn/x', marks: [{ ...mark, widen: 'table', kind: 'expected' }], scroll: false, without: [] },
  { type: 'highlight/draw', url: 'https://a.gov.cn/x', marks: [{ ...mark, status: 'great' }], scroll: true, without: [] },
  { type: 'highlight/draw', url: 'https://a.gov.cn/x', marks: [{ ...mark, selector: 'x'.repeat(2001) }], scroll: true, without: [] },
  { type: 'highlight/draw', url: 'https://a.gov.cn/x', marks: Array.from({ length: 101 }, () => mark), scroll: true, without: [] },
  { type: 'highlight/draw', url: 'https://a.gov.cn/x', marks: [mark], scroll: 'yes', without: [] },
  { type: 'highlight/draw', marks: [mark], scroll: true, without: [] },
  { type: 'audit/ping' },
  null,
  'highlight/remove',
];

describe('content-side message check', () => {
  it('accepts exactly what ContentMessage accepts', () => {
    for (const c of cases) expect(contentMessage(c) !== undefined, JSON.stringify(c)?.slice(0, 120)).toBe(ContentMessage.safeParse(c).success);
  });
});
