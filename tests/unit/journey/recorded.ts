import { handleMessage } from '@/lib/background/handler';
import type { JourneyDeps } from '@/lib/background/journey';
import type { Captured } from '@/lib/journey/events';
import { DEFAULT_JOURNEY_SETTINGS } from '@/lib/journey/settings';
import type { StoreDb } from '@/lib/store';
import { memoryStore } from '../../helpers';

/**
 * Journeys recorded the way the extension records them: content-script events through the
 * background's message handler into the store (so the store holds exactly what a reviewer's
 * browsing leaves there), for tests of the readers of journeys.
 */

const ORIGIN = 'chrome-extension://abc/';
export const PORTAL = 'http://127.0.0.1:9/';
let n = 0;
const uid = () => `00000000-0000-4000-9000-${String(++n).padStart(12, '0')}`;


export interface Step { click?: string; page?: string; login?: boolean; form?: string; offline?: string }

/**
 * Records one journey in tab `tabId`: the entry click 在线办理 on the guide of item `code`
 * (claiming 网办深度 `depth`), then each step, at increasing times. Returns the journey's id.
 */
export async function recordJourney(db: StoreDb, o: { code: string; name: string; depth?: number | null; tabId?: number; steps: Step[]; t0?: number }): Promise<string> {
  const session = memoryStore();
  const deps: JourneyDeps = { session, db: async () => db, settings: async () => DEFAULT_JOURNEY_SETTINGS };
  const tabId = o.tabId ?? 1;
  let ts = o.t0 ?? 1_700_000_000_000;
  const send = (event: Captured) => handleMessage({ type: 'journey/capture', event }, { tab: { id: tabId }, url: PORTAL }, session, { extensionOrigin: ORIGIN, journey: deps });
  const click = (text: string, entry = false): Captured => ({
    kind: 'click', eventId: uid(), ts: (ts += 5000), url: `${PORTAL}guide.html`, title: '指南', trusted: true, via: 'pointer', entry,
    target: { tag: 'a', text, selector: 'a' }, guide: entry ? { itemName: o.name, itemCode: o.code, depth: o.depth ?? null } : null,
  });
  const r = (await send(click('在线办理', true))) as { journeyId?: string };
  if (!r.journeyId) throw new Error('the entry click started no journey');
  for (const s of o.steps) {
    if (s.click) await send(click(s.click));
    if (s.page) {
      await send({
        kind: 'page', eventId: uid(), ts: (ts += 5000), url: `${PORTAL}${s.page}`, title: s.page, nav: 'load', redirects: 0,
        login: s.login ? '统一身份认证' : null, form: s.form ?? null, offline: s.offline ?? null,
      });
    }
  }
  return r.journeyId;
}
