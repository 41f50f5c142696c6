import { useEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { StoreNotice } from './dashboard/StoreNotice';
import { t } from '@/lib/i18n';
import { captureEvidence, CaptureError } from '@/lib/screenshot';
import { deleteVerdict, openStore, putVerdict, saveScreenshot } from '@/lib/store';
import { verdictRecord } from '@/lib/verdict';
import { loadItem } from '@/lib/verdict-store';
import { LanguagePicker } from './LanguagePicker';
import { Screenshots } from './Screenshots';
import { usePageTools } from './usePageTools';
import { useReviewer, useTabAudit, useTargetTab } from './useTabAudit';
import { FrameNote } from './FrameNote';
import { JourneyCard } from './JourneyCard';
import { useItemJourney } from './useItemJourney';
import { Workbench } from './Workbench';

/** The side panel: the active tab's audit, the reviewer's verdicts and the screenshot evidence. */
export function PanelApp() {
  const target = useTargetTab();
  const audit = useTabAudit(target.tabId, target.ready);
  const [reviewer, setReviewer] = useReviewer();
  const result = audit.entry?.result;
  const tools = usePageTools(target.tabId);
  const journey = useItemJourney(audit.db, audit.item?.itemKey, audit.item);
  const extensionUrl = browser.runtime.getURL as (path: string) => string;
  // For the benchmark (bench/panel.bench.ts): when the scorecard and the item's records are on screen.
  useEffect(() => {
    if (result && !audit.loading) performance.mark('guide-auditor:panel-ready');
  }, [result, audit.loading]);

  const capture = async () => {
    if (!result || target.tabId === undefined || target.windowId === undefined) return;
    const db = await openStore();
    // Read the item again: the background may have saved this result since the panel loaded.
    const item = await loadItem(db, result);
    if (!item.audit) throw new Error(t('notSavedYet'));
    try {
      const shot = await captureEvidence(
        { tabId: target.tabId, windowId: target.windowId },
        { auditId: item.audit.id, itemKey: item.itemKey, rects: tools.rects },
        {
          activeTab: async (windowId) => (await browser.tabs.query({ active: true, windowId }))[0]?.id,
          capture: (windowId) => browser.tabs.captureVisibleTab(windowId, { format: 'png' }),
        },
      );
      await saveScreenshot(db, shot);
    } catch (e) {
      if (e instanceof CaptureError) throw new Error(e.kind === 'not-visible' ? t('captureNotVisible') : t('captureDenied', e.message));
      throw e;
    }
    await audit.reloadItem();
  };

  return (
    <main class="panel">
      <div class="reviewer">
        <label for="reviewer">{t('reviewerLabel')}</label>
        <input id="reviewer" type="text" autocomplete="name" maxLength={200} value={reviewer} aria-describedby="reviewer-hint" onInput={(e) => setReviewer((e.currentTarget as HTMLInputElement).value)} />
        <span id="reviewer-hint" class="hint-small">
          {t('reviewerHint')}
        </span>
        <LanguagePicker />
      </div>
      <StoreNotice onSaved={() => void audit.reloadItem()} />
      {audit.loading ? (
        <p>{t('loading')}</p>
      ) : audit.error ? (
        <p role="alert">{t('loadFailed', audit.error)}</p>
      ) : !result ? (
        <section data-testid="no-result">
          <p>{target.tabId === undefined ? t('noTab') : audit.failure ? t('auditFailed', audit.failure) : t('noResult')}</p>
        </section>
      ) : (
        <>
          {audit.storeError && (
            <p class="errors" role="alert">
              {t('storeUnavailable', audit.storeError)}
            </p>
          )}
          {result.isGuide && (
            <div class="toolbar">
              <button type="button" aria-pressed={tools.allShown} data-testid="highlight-all" onClick={tools.toggleAll}>
                {tools.allShown ? t('highlightOff') : t('highlightAll')}
              </button>
            </div>
          )}
          <p role="status" class={tools.notice?.error ? 'errors' : 'tool-notice'} data-testid="tool-notice">
            {tools.notice?.text ?? ''}
          </p>
          <FrameNote entry={audit.entry} />
          <Workbench
            result={result}
            department={audit.item?.audit?.item.department}
            verdicts={audit.item?.verdicts ?? []}
            journey={
              audit.item && (
                <JourneyCard
                  journey={journey}
                  timelineUrl={(id) => extensionUrl(`/journey.html?id=${encodeURIComponent(id)}`)}
                  recordUrl={target.tabId === undefined ? undefined : extensionUrl(`/journey.html?tab=${target.tabId}`)}
                />
              )
            }
            actions={{
              reviewer,
              highlight: tools.show,
              checkLinks: (indicator) => tools.checkLinks(indicator, result.url),
              busyLinks: tools.busyLinks,
              ...(audit.db && audit.item && {
                saveVerdict: async (indicator, v) => {
                  const o = result.outcomes.find((x) => x.indicator === indicator)!;
                  await putVerdict(audit.db!, verdictRecord(audit.item!.itemKey, o, v, reviewer, audit.item!.audit?.id));
                  await audit.reloadItem();
                },
                clearVerdict: async (indicator) => {
                  await deleteVerdict(audit.db!, audit.item!.itemKey, indicator);
                  await audit.reloadItem();
                },
              }),
            }}
          />
          {result.isGuide && <Screenshots shots={audit.item?.screenshots ?? []} capture={audit.db ? capture : undefined} />}
        </>
      )}
    </main>
  );
}
