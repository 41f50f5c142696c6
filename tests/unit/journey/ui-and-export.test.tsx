import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { Timeline, type Send } from '@/components/journey/Timeline';
import type { JourneyView } from '@/lib/background/journey';
import { deriveJourney } from '@/lib/journey/derive';
import type { JourneyEvent } from '@/lib/journey/events';
import { journeysCsv, stepsCsv } from '@/lib/journey/export';
import { parseFlow, stepName } from '@/lib/journey/flow';
import { a32Outcome } from '@/lib/journey/outcome';
import { DEFAULT_JOURNEY_SETTINGS as S, journeyFormFrom, journeySettingsFromForm } from '@/lib/journey/settings';
import { shown, useMessages } from '../panel/i18n-mock';

const J = 'journey-ui-0001';
const ev = (e: Partial<JourneyEvent> & Pick<JourneyEvent, 'kind' | 'eventId' | 'ts'>) => ({ url: 'http://x.gov.cn/a', title: 'A', journeyId: J, tabId: 1, ...e }) as JourneyEvent;
function sampleView(excluded = false): JourneyView {
  const events = [
    ev({ kind: 'start', eventId: 's-000000001', ts: 1, by: 'entry' } as never),
    ev({ kind: 'click', eventId: 'c-000000001', ts: 1, trusted: true, via: 'pointer', entry: true, target: { tag: 'a', text: '=HYPERLINK("x")', selector: 'a' } } as never),
    ev({ kind: 'page', eventId: 'p-000000001', ts: 2, url: 'http://x.gov.cn/form', title: '<img src=x onerror=alert(1)>', nav: 'load', redirects: 0, login: null, form: '提交', offline: null } as never),
    ...(excluded ? [ev({ kind: 'exclude', eventId: 'x-000000001', ts: 3, ref: 'c-000000001', reason: '误点广告', undo: false } as never)] : []),
  ];
  const d = deriveJourney(events, S);
  const journey = { journeyId: J, startedAt: 1, guide: { url: 'http://x.gov.cn/g', title: '指南', itemName: '食品经营许可', itemCode: null, depth: 4 } };
  return { journey, clicks: d.clicks, pages: d.pages, loginPages: d.loginPages, reached: d.reached, status: d.status, outcomes: [a32Outcome(journey, d, S)], steps: d.steps };
}

describe('timeline', () => {
  it('shows each step with counts; page text stays text; the reviewer excludes a step with a reason', async () => {
    useMessages('zh_CN');
    const sent: unknown[] = [];
    let excluded = false;
    const send: Send = async (msg) => {
      sent.push(msg);
      const m = msg as { type: string };
      if (m.type === 'journey/exclude') excluded = true;
      const v = sampleView(excluded);
      return m.type === 'journey/list' ? { ok: true, journeys: [v] } : { ok: true, journey: v };
    };
    const root = document.createElement('div');
    document.body.append(root);
    const until = async (cond: () => boolean) => {
      for (let i = 0; i < 100 && !cond(); i++) await act(async () => void (await new Promise((r) => setTimeout(r, 10))));
    };
    act(() => render(<Timeline send={send} />, root));
    await until(() => !!root.querySelector('[data-testid=steps]'));
    expect(root.querySelector('[data-testid=clicks]')!.textContent).toBe('1');
    expect(root.querySelector('[data-testid=pages]')!.textContent).toBe('1');
    expect(root.querySelectorAll('[data-testid=steps] tbody tr')).toHaveLength(3);
    expect(root.querySelector('img')).toBeNull();
    expect(root.textContent).toContain('<img src=x onerror=alert(1)>');
    const button = [...root.querySelectorAll('button')].find((b) => b.textContent === '不是申请人的操作')!;
    await act(async () => button.click());
    const input = root.querySelector('input[aria-label^=排除原因]') as HTMLInputElement;
    await act(async () => {
      input.value = '误点广告';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => {
      input.form!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    await until(() => root.querySelector('[data-testid=clicks]')!.textContent === '0');
    expect(sent).toContainEqual({ type: 'journey/exclude', journeyId: J, ref: 'c-000000001', reason: '误点广告' });
    expect(root.querySelector('[data-testid=clicks]')!.textContent).toBe('0');
    expect(root.querySelector('tr.excluded')).not.toBeNull();
    render(null, root);
  });

  it('speaks the UI language: English labels and status words when the locale is en', async () => {
    useMessages('en');
    const send: Send = async (msg) => ((msg as { type: string }).type === 'journey/list' ? { ok: true, journeys: [sampleView()] } : { ok: true, journey: sampleView() });
    const root = document.createElement('div');
    document.body.append(root);
    act(() => render(<Timeline send={send} settings={{ load: async () => S, save: async () => {} }} />, root));
    for (let i = 0; i < 100 && !root.querySelector('[data-testid=steps]'); i++) await act(async () => void (await new Promise((r) => setTimeout(r, 10))));
    expect(root.querySelector('h1')!.textContent).toBe('Journeys (A3-2 guidance convenience)');
    expect([...root.querySelectorAll('[data-testid=steps] th')].map((th) => th.textContent)).toContain('Clicks so far');
    expect([...root.querySelectorAll('button')].map((b) => b.textContent)).toContain('Not the applicant’s action');
    expect(root.querySelector('[data-testid=steps] tbody tr[data-kind=page] td:nth-child(2)')!.textContent).toBe('Page (opened)');
    expect(root.querySelector('summary')!.textContent).toBe('Journey settings');
    render(null, root);
    useMessages('zh_CN');
  });
});

describe('journey CSV', () => {
  it('one row per journey or per step, BOM, formula-safe; excluded steps are kept with their reason', () => {
    const v = sampleView(true);
    const one = journeysCsv([v]);
    expect(one.startsWith('\uFEFF"开始时间 Started"')).toBe(true);
    expect(one.split('\r\n').filter(Boolean)).toHaveLength(2);
    expect(one).toContain('误点广告');
    const steps = stepsCsv([v]);
    expect(steps.split('\r\n').filter(Boolean)).toHaveLength(4);
    expect(steps).toContain(`"'=HYPERLINK(""x"")"`);
  });
});

describe('journey settings form and Recorder flows', () => {
  it('reads the form line by line and explains bad input', () => {
    const f = journeyFormFrom(S);
    expect(journeySettingsFromForm(f).settings).toEqual(S);
    const bad = journeySettingsFromForm({ ...f, clickBudget: '0', loginUrls: 're:(\ntyrz' });
    expect(bad.settings).toBeUndefined();
    expect(shown(bad.errors.clickBudget)).toContain('1到50');
    expect(shown(bad.errors.loginUrls)).toContain('re:(');
    expect(shown(bad.errors.loginUrls, 'en')).toContain('valid regular expression');
  });

  it('parses a Recorder export and names the step that does not fit', () => {
    const ok = parseFlow(JSON.stringify({ title: 't', steps: [{ type: 'navigate', url: 'http://x/' }, { type: 'click', selectors: [['aria/在线办理'], ['#a']], target: 'main', offsetX: 1, offsetY: 2 }] }));
    expect(ok.flow?.steps).toHaveLength(2);
    expect(stepName(ok.flow!.steps[1]!, 1)).toBe('步骤 2（click aria/在线办理）/ step 2');
    expect(parseFlow('{').error).toContain('not JSON');
    expect(parseFlow(JSON.stringify({ title: 't', steps: [{ type: 'navigate', url: 'http://x/' }, { type: 'click' }] })).error).toContain('步骤 2');
    expect(parseFlow(JSON.stringify({ title: 't', steps: [{ type: 'teleport' }] })).error).toContain('步骤 1');
  });
});
