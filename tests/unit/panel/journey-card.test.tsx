import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { JourneyCard } from '@/components/JourneyCard';
import { useItemJourney } from '@/components/useItemJourney';
import { Workbench } from '@/components/Workbench';
import { JOURNEY_SETTINGS_KEY } from '@/lib/journey/settings';
import { itemKey, openStore, saveAudit, type StoreDb } from '@/lib/store';
import { auditHtml, guide, snapshotOf } from '../../helpers';
import { recordJourney, type Step } from '../journey/recorded';
import { useMessages } from './i18n-mock';

/** The A3-2 outcome joins the item's scorecard: read from the store, derived from the journey's events. */

let n = 0;
const CODE = '11231281MB193827494000117004242';
const html = guide({ 实施编码: CODE, 网上办理深度: '全程网办（Ⅳ级）' });
const result = auditHtml(html);
const key = itemKey(result);

/** The side panel's wiring (components/PanelApp.tsx): the hook reads the store, the card sits in the scorecard. */
function Scorecard({ db, version }: { db: StoreDb; version: number }) {
  const journey = useItemJourney(db, key, version);
  return (
    <Workbench result={result} verdicts={[]} actions={{ reviewer: '' }}
      journey={<JourneyCard journey={journey} timelineUrl={(id) => `chrome-extension://x/journey.html?id=${id}`} recordUrl="chrome-extension://x/journey.html?tab=7" />} />
  );
}

async function mount(db: StoreDb, version = 0): Promise<HTMLElement> {
  const root = document.createElement('div');
  document.body.append(root);
  act(() => render(<Scorecard db={db} version={version} />, root));
  return root;
}
/** Waits for the store reads to land (a condition, not a sleep). */
async function until(check: () => boolean) {
  for (let i = 0; i < 200 && !check(); i++) await act(() => new Promise((r) => setTimeout(r, 5)));
  expect(check()).toBe(true);
}
const card = (root: HTMLElement) => root.querySelector<HTMLElement>('[data-testid="journey-card"]')!;

// guide → 在线办理 → login → 登录 → 情形选择 → 下一步 → form: 3 clicks (within the budget of 3), 3 pages, 1 login page
const WITHIN: Step[] = [{ page: 'login.html', login: true }, { click: '登录', page: 'choose.html' }, { click: '下一步', page: 'form.html', form: '提交' }];

describe('the journey on the panel scorecard', () => {
  let db: StoreDb;
  beforeEach(async () => {
    document.body.innerHTML = '';
    useMessages('zh_CN');
    fakeBrowser.reset();
    useMessages('zh_CN');
    db = await openStore({ name: `journey-card-${++n}` });
    await saveAudit(db, result, snapshotOf(html));
  });

  it('says so when the item has no journey, with a way to record one', async () => {
    const root = await mount(db);
    await until(() => !!card(root));
    expect(card(root).dataset.journey).toBe('none');
    expect(card(root).textContent).toContain('还没有记录本事项的办事路径');
    expect(root.querySelector<HTMLAnchorElement>('[data-testid="journey-record"]')!.href).toBe('chrome-extension://x/journey.html?tab=7');
  });

  it('shows the stored journey\'s A3-2 outcome and counts inside the scorecard, with a link to its timeline', async () => {
    const id = await recordJourney(db, { code: CODE, name: '个体工商户设立登记', depth: 4, steps: WITHIN });
    // A later journey of another item never shows on this item's scorecard.
    await recordJourney(db, { code: '11231281MB193827494000117009999', name: '别的事项', steps: [{ page: 'x.html' }], tabId: 2, t0: 1_800_000_000_000 });
    const root = await mount(db);
    await until(() => card(root)?.dataset.journey === id);
    const scorecard = root.querySelector('[data-testid="scorecard"]')!;
    expect(scorecard.contains(card(root))).toBe(true);
    const a32 = card(root).querySelector<HTMLElement>('li[data-indicator="A3-2"]')!;
    expect(a32.dataset.status).toBe('pass');
    expect(a32.textContent).toContain('在点击预算（3次）内到达在线提交页面：3次点击、3个页面（其中登录/身份认证页1个）');
    expect(root.querySelector('[data-testid="journey-counts"]')!.textContent).toBe('3 次点击、3 个页面（其中登录页 1 个）');
    expect(root.querySelector('[data-testid="journey-status"]')!.textContent).toBe('已到达提交页');
    expect(card(root).querySelector<HTMLElement>('li[data-indicator="B1"]')!.dataset.status).toBe('pass');
    expect(root.querySelector<HTMLAnchorElement>('[data-testid="journey-link"]')!.href).toBe(`chrome-extension://x/journey.html?id=${id}`);
  });

  it('follows the reviewer\'s click budget and shows the B1-against-the-journey finding', async () => {
    await fakeBrowser.storage.local.set({ [JOURNEY_SETTINGS_KEY]: { clickBudget: 2 } });
    // The online entry opens the portal's home page: B1 claimed 全程网办 is only partly true.
    await recordJourney(db, { code: CODE, name: '个体工商户设立登记', depth: 4, steps: [{ page: 'index.html' }, { click: '个人办事', page: 'login.html', login: true }, { click: '登录', page: 'form.html', form: '提交' }] });
    const root = await mount(db);
    await until(() => !!card(root)?.querySelector('li[data-indicator="A3-2"]'));
    expect(card(root).querySelector<HTMLElement>('li[data-indicator="A3-2"]')!.dataset.status).toBe('partial'); // 3 clicks over a budget of 2
    const b1 = card(root).querySelector<HTMLElement>('li[data-indicator="B1"]')!;
    expect(b1.dataset.status).toBe('partial');
    expect(b1.textContent).toContain('网上办理入口打开的是门户首页');
  });
});
