import { useEffect, useState } from 'preact/hooks';
import type { JourneyView } from '@/lib/background/journey';
import type { Step } from '@/lib/journey/derive';
import { journeysCsv, stepsCsv } from '@/lib/journey/export';
import { JOURNEY_STATUS_KEY } from '@/lib/journey/view';
import type { JourneySettings } from '@/lib/journey/settings';
import { lang, t, type MessageKey } from '@/lib/i18n';
import { STATUS_TEXT } from '@/lib/outcome';
import { JourneySettingsForm } from './JourneySettingsForm';

/**
 * The journeys page: every recorded journey with its counts and A3-2 outcome, and one journey's
 * timeline (each step: time, URL, title, what was clicked, counted or not and why, running
 * counts). The reviewer marks the end (提交页已到达 / 死路 / 放弃) and excludes a step that was not
 * the applicant's, with a reason; the step stays in the timeline and the export.
 */

export type Send = (msg: unknown) => Promise<{ ok: boolean; error?: string; journeys?: JourneyView[]; journey?: JourneyView | null; journeyId?: string }>;

const KIND: Record<Step['kind'], MessageKey> = {
  start: 'jnKindStart', click: 'jnKindClick', page: 'jnKindPage', redirect: 'jnKindRedirect', tab: 'jnKindTab', form: 'jnKindForm', mark: 'jnKindMark',
};
const NAV: Record<string, MessageKey> = {
  load: 'jnNavLoad', reload: 'jnNavReload', back_forward: 'jnNavBackForward', bfcache: 'jnNavBfcache', push: 'jnNavPush', replace: 'jnNavReplace', traverse: 'jnNavTraverse', hash: 'jnNavHash',
};

const dateLocale = () => (lang() === 'en' ? 'en-GB' : 'zh-CN');
const time = (ts: number) => new Date(ts).toLocaleTimeString(dateLocale(), { hour12: false });

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
    const timer = setInterval(() => void load().catch(() => {}), 2000);
    return () => clearInterval(timer);
  }, [selected]);

  const exportCsv = async (perStep: boolean) => {
    const views: JourneyView[] = [];
    for (const v of list ?? []) {
      const g = await send({ type: 'journey/get', journeyId: v.journey.journeyId });
      if (g.ok && g.journey) views.push(g.journey);
    }
    download?.(t(perStep ? 'jnCsvSteps' : 'jnCsvJourneys'), perStep ? stepsCsv(views) : journeysCsv(views));
  };

  const act = async (msg: unknown) => {
    const r = await send(msg);
    if (!r.ok) setError(r.error);
    await load();
  };

  return (
    <div class="journeys">
      <h1>{t('jnHeading')}</h1>
      {error && <p role="alert">{t('jnError', error)}</p>}
      {tabId !== undefined && (
        <p><button data-testid="start" onClick={() => void act({ type: 'journey/start', tabId }).then(() => setSelected(undefined))}>{t('jnStart')}</button></p>
      )}
      {download && !!list?.length && (
        <p class="export">
          <button data-testid="export-journeys" onClick={() => void exportCsv(false)}>{t('jnExportJourneys')}</button>{' '}
          <button data-testid="export-steps" onClick={() => void exportCsv(true)}>{t('jnExportSteps')}</button>
        </p>
      )}
      {list === null ? <p>{t('jnLoading')}</p> : list.length === 0 ? (
        <p data-testid="empty">{t('jnEmpty')}</p>
      ) : (
        <table data-testid="journey-list">
          <thead><tr><th>{t('jnColStarted')}</th><th>{t('jnColGuide')}</th><th>{t('jnColStatus')}</th><th>{t('jnColClicks')}</th><th>{t('jnColPages')}</th><th>{t('jnColLogin')}</th><th>A3-2</th></tr></thead>
          <tbody>
            {list.map((v) => (
              <tr key={v.journey.journeyId} class={v.journey.journeyId === detail?.journey.journeyId ? 'sel' : ''} onClick={() => setSelected(v.journey.journeyId)}>
                <td>{new Date(v.journey.startedAt).toLocaleString(dateLocale(), { hour12: false })}</td>
                <td>{v.journey.guide.itemName ?? v.journey.guide.title}</td>
                <td data-testid="status">{t(JOURNEY_STATUS_KEY[v.status])}</td>
                <td data-testid="clicks">{v.clicks}</td>
                <td data-testid="pages">{v.pages}</td>
                <td data-testid="login-pages">{v.loginPages}</td>
                <td class={`st ${v.outcomes[0]!.status}`}>{STATUS_TEXT[v.outcomes[0]!.status][lang()]}</td>
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
            <span class="pill">{t(JOURNEY_STATUS_KEY[detail.status])}</span>
            <span class="pill">{t('jnClicksPill', detail.clicks)}</span><span class="pill">{t('jnPagesPill', detail.pages)}</span><span class="pill">{t('jnLoginPill', detail.loginPages)}</span>
          </p>
          <ul class="outcomes">
            {detail.outcomes.map((o) => (
              <li key={o.indicator} data-testid={`outcome-${o.indicator}`}><b>{o.indicator}</b> <span class={`st ${o.status}`}>{STATUS_TEXT[o.status][lang()]}</span> {o.message}{o.hint && <span class="hint"> — {o.hint}</span>}</li>
            ))}
          </ul>
          {detail.status === 'open' && (
            <p class="marks">
              <button data-testid="mark-reached" onClick={() => void act({ type: 'journey/mark', journeyId: detail.journey.journeyId, mark: 'reached' })}>{t('jnMarkReached')}</button>{' '}
              <button data-testid="mark-dead-end" onClick={() => void act({ type: 'journey/mark', journeyId: detail.journey.journeyId, mark: 'dead-end' })}>{t('jnMarkDeadEnd')}</button>{' '}
              <button data-testid="mark-abandoned" onClick={() => void act({ type: 'journey/mark', journeyId: detail.journey.journeyId, mark: 'abandoned' })}>{t('jnMarkAbandon')}</button>
            </p>
          )}
          <table data-testid="steps">
            <thead><tr><th>{t('jnColTime')}</th><th>{t('jnColStep')}</th><th>{t('jnColUrl')}</th><th>{t('jnColClicked')}</th><th>{t('jnColCounted')}</th><th>{t('jnColRunClicks')}</th><th>{t('jnColRunPages')}</th><th></th></tr></thead>
            <tbody>
              {detail.steps?.map((s) => (
                <tr key={s.eventId} data-kind={s.kind} data-counted={String(s.counted)} class={s.excluded !== undefined ? 'excluded' : ''}>
                  <td>{time(s.ts)}</td>
                  <td>{t(KIND[s.kind])}{s.nav ? t('jnNavParen', NAV[s.nav] ? t(NAV[s.nav]!) : s.nav) : ''}{s.login ? <span class="login" title={s.login}>{t('jnLoginTag')}</span> : null}</td>
                  <td class="url"><div>{s.url}</div><div class="title">{s.title}</div></td>
                  <td>{s.clicked ?? s.form ?? ''}</td>
                  <td>{s.counted ? t('jnCounted') : '–'}{s.why && <div class="why">{s.why}</div>}</td>
                  <td>{s.clicks}</td>
                  <td>{s.pages}</td>
                  <td>
                    {(s.kind === 'click' || s.kind === 'page') && (s.excluded !== undefined ? (
                      <button onClick={() => void act({ type: 'journey/exclude', journeyId: detail.journey.journeyId, ref: s.eventId, reason: '', undo: true })}>{t('jnRestore')}</button>
                    ) : excluding?.ref === s.eventId ? (
                      <form onSubmit={(e) => { e.preventDefault(); const reason = excluding.reason.trim(); if (!reason) return; setExcluding(undefined); void act({ type: 'journey/exclude', journeyId: detail.journey.journeyId, ref: s.eventId, reason }); }}>
                        <input aria-label={t('jnExcludeReason')} placeholder={t('jnExcludePlaceholder')} value={excluding.reason} onInput={(e) => setExcluding({ ref: s.eventId, reason: (e.target as HTMLInputElement).value })} maxLength={500} />
                        <button type="submit" disabled={!excluding.reason.trim()}>{t('jnExclude')}</button>
                      </form>
                    ) : (
                      <button onClick={() => setExcluding({ ref: s.eventId, reason: '' })}>{t('jnNotApplicant')}</button>
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
          <summary>{t('jnSettings')}</summary>
          <JourneySettingsForm load={settings.load} save={settings.save} />
        </details>
      )}
    </div>
  );
}
