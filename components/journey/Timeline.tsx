import { useEffect, useState } from 'preact/hooks';
import type { JourneyView } from '@/lib/background/journey';
import type { Step } from '@/lib/journey/derive';
import { journeysCsv, stepsCsv } from '@/lib/journey/export';
import type { JourneySettings } from '@/lib/journey/settings';
import { STATUS_TEXT } from '@/lib/outcome';
import { JourneySettingsForm } from './JourneySettingsForm';

/**
 * The journeys page: every recorded journey with its counts and A3-2 outcome, and one journey's
 * timeline (each step: time, URL, title, what was clicked, counted or not and why, running
 * counts). The reviewer marks the end (提交页已到达 / 死路 / 放弃) and excludes a step that was not
 * the applicant's, with a reason; the step stays in the timeline and the export.
 */

export type Send = (msg: unknown) => Promise<{ ok: boolean; error?: string; journeys?: JourneyView[]; journey?: JourneyView | null; journeyId?: string }>;

export const JOURNEY_STATUS: Record<JourneyView['status'], string> = {
  open: '记录中 recording',
  reached: '已到达提交页 reached',
  'dead-end': '死路 dead end',
  abandoned: '已放弃 abandoned',
  interrupted: '已中断 interrupted',
};

const KIND: Record<Step['kind'], string> = {
  start: '开始', click: '点击', page: '页面', redirect: '重定向', tab: '新标签页', form: '申请表', mark: '标记',
};
const NAV: Record<string, string> = {
  load: '打开', reload: '刷新', back_forward: '后退/前进', bfcache: '后退/前进（缓存）', push: '页内跳转', replace: '页内替换', traverse: '页内后退/前进', hash: '锚点路由',
};

const time = (ts: number) => new Date(ts).toLocaleTimeString('zh-CN', { hour12: false });

export interface TimelineProps {
  send: Send;
  journeyId?: string;
  tabId?: number;
  /** Hands a CSV file to the user (a download). */
  download?: (name: string, text: string) => void;
  settings?: { load: () => Promise<JourneySettings>; save: (s: JourneySettings) => Promise<void> };
}

export function Timeline({ send, journeyId, tabId, download, settings }: TimelineProps) {
  const [list, setList] = useState<JourneyView[] | null>(null);
  const [selected, setSelected] = useState<string | undefined>(journeyId);
  const [detail, setDetail] = useState<JourneyView | null>(null);
  const [error, setError] = useState<string>();
  const [excluding, setExcluding] = useState<{ ref: string; reason: string }>();

  const load = async () => {
    const r = await send({ type: 'journey/list' });
    if (!r.ok) return setError(r.error);
    setList(r.journeys ?? []);
    const id = selected ?? r.journeys?.[0]?.journey.journeyId;
    if (!id) return setDetail(null);
    const g = await send({ type: 'journey/get', journeyId: id });
    if (!g.ok) return setError(g.error);
    setDetail(g.journey ?? null);
  };
  useEffect(() => {
    load().catch((e: unknown) => setError(String(e)));
    // A journey in progress grows while the reviewer browses: follow it.
    const t = setInterval(() => void load().catch(() => {}), 2000);
    return () => clearInterval(t);
  }, [selected]);

  const exportCsv = async (perStep: boolean) => {
    const views: JourneyView[] = [];
    for (const v of list ?? []) {
      const g = await send({ type: 'journey/get', journeyId: v.journey.journeyId });
      if (g.ok && g.journey) views.push(g.journey);
    }
    download?.(perStep ? '办事路径步骤.csv' : '办事路径.csv', perStep ? stepsCsv(views) : journeysCsv(views));
  };

  const act = async (msg: unknown) => {
    const r = await send(msg);
    if (!r.ok) setError(r.error);
    await load();
  };

  return (
    <div class="journeys">
      <h1>办事路径 Journeys（A3-2 引导便捷度）</h1>
      {error && <p role="alert">出错了 / error: {error}</p>}
      {tabId !== undefined && (
        <p><button data-testid="start" onClick={() => void act({ type: 'journey/start', tabId }).then(() => setSelected(undefined))}>从此标签页开始记录 Start recording in this tab</button></p>
      )}
      {download && !!list?.length && (
        <p class="export">
          <button data-testid="export-journeys" onClick={() => void exportCsv(false)}>导出 CSV（每条路径一行）Export journeys</button>{' '}
          <button data-testid="export-steps" onClick={() => void exportCsv(true)}>导出 CSV（每个步骤一行）Export steps</button>
        </p>
      )}
      {list === null ? <p>正在读取… Loading…</p> : list.length === 0 ? (
        <p data-testid="empty">还没有办事路径。在办事指南页点击“在线办理”等网上办理入口即自动开始记录。No journeys yet: click a guide's online entry (在线办理 …) to start one.</p>
      ) : (
        <table data-testid="journey-list">
          <thead><tr><th>开始 Started</th><th>办事指南 Guide</th><th>状态 Status</th><th>点击 Clicks</th><th>页面 Pages</th><th>登录页 Login</th><th>A3-2</th></tr></thead>
          <tbody>
            {list.map((v) => (
              <tr key={v.journey.journeyId} class={v.journey.journeyId === detail?.journey.journeyId ? 'sel' : ''} onClick={() => setSelected(v.journey.journeyId)}>
                <td>{new Date(v.journey.startedAt).toLocaleString('zh-CN', { hour12: false })}</td>
                <td>{v.journey.guide.itemName ?? v.journey.guide.title}</td>
                <td data-testid="status">{JOURNEY_STATUS[v.status]}</td>
                <td data-testid="clicks">{v.clicks}</td>
                <td data-testid="pages">{v.pages}</td>
                <td data-testid="login-pages">{v.loginPages}</td>
                <td class={`st ${v.outcomes[0]!.status}`}>{STATUS_TEXT[v.outcomes[0]!.status].zh}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {detail && (
        <section data-testid="timeline">
          <h2>{detail.journey.guide.itemName ?? detail.journey.guide.title}</h2>
          <p class="url">{detail.journey.guide.url}</p>
          <p class="counts">
            <span class="pill">{JOURNEY_STATUS[detail.status]}</span>
            <span class="pill">点击 {detail.clicks}</span><span class="pill">页面 {detail.pages}</span><span class="pill">其中登录页 {detail.loginPages}</span>
          </p>
          <ul class="outcomes">
            {detail.outcomes.map((o) => (
              <li key={o.indicator} data-testid={`outcome-${o.indicator}`}><b>{o.indicator}</b> <span class={`st ${o.status}`}>{STATUS_TEXT[o.status].zh}</span> {o.message}{o.hint && <span class="hint"> — {o.hint}</span>}</li>
            ))}
          </ul>
          {detail.status === 'open' && (
            <p class="marks">
              <button data-testid="mark-reached" onClick={() => void act({ type: 'journey/mark', journeyId: detail.journey.journeyId, mark: 'reached' })}>已到达提交页 Submission reached</button>{' '}
              <button data-testid="mark-dead-end" onClick={() => void act({ type: 'journey/mark', journeyId: detail.journey.journeyId, mark: 'dead-end' })}>死路 Dead end</button>{' '}
              <button data-testid="mark-abandoned" onClick={() => void act({ type: 'journey/mark', journeyId: detail.journey.journeyId, mark: 'abandoned' })}>放弃 Abandon</button>
            </p>
          )}
          <table data-testid="steps">
            <thead><tr><th>时间</th><th>步骤</th><th>网址 / 标题</th><th>点击了</th><th>计数</th><th>累计点击</th><th>累计页面</th><th></th></tr></thead>
            <tbody>
              {detail.steps?.map((s) => (
                <tr key={s.eventId} data-kind={s.kind} data-counted={String(s.counted)} class={s.excluded !== undefined ? 'excluded' : ''}>
                  <td>{time(s.ts)}</td>
                  <td>{KIND[s.kind]}{s.nav ? `（${NAV[s.nav] ?? s.nav}）` : ''}{s.login ? <span class="login" title={s.login}> 登录页</span> : null}</td>
                  <td class="url"><div>{s.url}</div><div class="title">{s.title}</div></td>
                  <td>{s.clicked ?? s.form ?? ''}</td>
                  <td>{s.counted ? '✔ 计数' : '–'}{s.why && <div class="why">{s.why}</div>}</td>
                  <td>{s.clicks}</td>
                  <td>{s.pages}</td>
                  <td>
                    {(s.kind === 'click' || s.kind === 'page') && (s.excluded !== undefined ? (
                      <button onClick={() => void act({ type: 'journey/exclude', journeyId: detail.journey.journeyId, ref: s.eventId, reason: '', undo: true })}>恢复 Restore</button>
                    ) : excluding?.ref === s.eventId ? (
                      <form onSubmit={(e) => { e.preventDefault(); const reason = excluding.reason.trim(); if (!reason) return; setExcluding(undefined); void act({ type: 'journey/exclude', journeyId: detail.journey.journeyId, ref: s.eventId, reason }); }}>
                        <input aria-label="排除原因 reason" placeholder="原因，如：评审人关闭弹窗" value={excluding.reason} onInput={(e) => setExcluding({ ref: s.eventId, reason: (e.target as HTMLInputElement).value })} maxLength={500} />
                        <button type="submit" disabled={!excluding.reason.trim()}>排除</button>
                      </form>
                    ) : (
                      <button onClick={() => setExcluding({ ref: s.eventId, reason: '' })}>不是申请人的操作</button>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {settings && (
        <details class="settings">
          <summary>办事路径设置 Journey settings</summary>
          <JourneySettingsForm load={settings.load} save={settings.save} />
        </details>
      )}
    </div>
  );
}
