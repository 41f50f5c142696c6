import { browser } from 'wxt/browser';
import { StoreNotice } from './dashboard/StoreNotice';
import { FrameNote } from './FrameNote';
import { lang, t } from '@/lib/i18n';
import { INDICATORS, outcomeWord, type IndicatorId } from '@/lib/indicators';
import { STATUS_TEXT, STATUSES, type Status } from '@/lib/outcome';
import { review } from '@/lib/verdict';
import { useTabAudit, useTargetTab } from './useTabAudit';

/** Worst first. */
const PROBLEMS: Status[] = ['fail', 'partial', 'review'];

/** Opens the side panel for a tab: Chrome/Edge `sidePanel`, Firefox `sidebarAction` (within the click). */
function openPanel(tabId: number | undefined) {
  const api = globalThis as unknown as {
    chrome?: { sidePanel?: { open(o: { tabId?: number; windowId?: number }): Promise<void> } };
    browser?: { sidebarAction?: { open(): Promise<void> } };
  };
  const opening = api.chrome?.sidePanel && tabId !== undefined ? api.chrome.sidePanel.open({ tabId }) : api.browser?.sidebarAction?.open();
  void opening?.then(() => window.close()).catch((e: unknown) => console.warn('[办事指南审核助手] side panel', e));
}

/** The toolbar popup: a quick summary of the active tab's audit and the ways on. */
export function PopupApp() {
  const target = useTargetTab();
  const audit = useTabAudit(target.tabId, target.ready);
  const result = audit.entry?.result;
  const l = lang();
  const rows = result?.isGuide ? review(result.outcomes, audit.item?.verdicts ?? []) : [];
  const problems = rows.filter((r) => PROBLEMS.includes(r.status)).sort((a, b) => PROBLEMS.indexOf(a.status) - PROBLEMS.indexOf(b.status));
  const dashboard = (browser.runtime.getURL as (path: string) => string)('/dashboard.html');
  const journeys = (browser.runtime.getURL as (path: string) => string)(`/journey.html${target.tabId === undefined ? '' : `?tab=${target.tabId}`}`);

  return (
    <main class="popup">
      <StoreNotice />
      {audit.loading ? (
        <p>{t('loading')}</p>
      ) : !result ? (
        <p data-testid="no-result">{audit.error ? t('loadFailed', audit.error) : audit.failure ? t('auditFailed', audit.failure) : t('noResult')}</p>
      ) : !result.isGuide ? (
        <section data-testid="not-guide">
          <p>{t('notGuide')}</p>
          <p class="reason">{result.reason}</p>
        </section>
      ) : (
        <section data-testid="summary">
          <FrameNote entry={audit.entry} />
          <h1 data-testid="item-name">{result.item.name ?? result.title}</h1>
          {result.item.code && (
            <p class="en">
              {t('itemCode')} {result.item.code}
            </p>
          )}
          <ul class="counts" data-testid="counts" aria-label={t('countsLabel')}>
            {STATUSES.map((s) => (
              <li class={`pill ${s}`} key={s} data-status={s}>
                {STATUS_TEXT[s][l]} <b>{rows.filter((r) => r.status === s).length}</b>
              </li>
            ))}
          </ul>
          {problems.length ? (
            <>
              <h2 class="section-title">{t('popupProblems')}</h2>
              <ul class="problems-list">
                {problems.map((r) => (
                  <li key={r.outcome.indicator} data-indicator={r.outcome.indicator}>
                    <span>
                      {r.outcome.indicator} {INDICATORS[r.outcome.indicator as IndicatorId]?.[l]}
                    </span>
                    <span class={`badge ${r.status}`}>{outcomeWord(r.outcome, r.status, l)}</span>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p>{t('popupAllPass')}</p>
          )}
        </section>
      )}
      <div class="popup-actions">
        <button type="button" class="primary" data-testid="open-panel" onClick={() => openPanel(target.tabId)}>
          {t('openPanel')}
        </button>
        <button type="button" data-testid="open-dashboard" onClick={() => void browser.tabs.create({ url: dashboard }).then(() => window.close())}>
          {t('openDashboard')}
        </button>
        <button type="button" data-testid="journeys-link" onClick={() => void browser.tabs.create({ url: journeys }).then(() => window.close())}>
          {t('openJourneys')}
        </button>
        <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('settings')}
        </button>
      </div>
    </main>
  );
}
