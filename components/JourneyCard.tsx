import { lang, t } from '@/lib/i18n';
import { JOURNEY_STATUS_KEY, type JourneyView } from '@/lib/journey/view';
import { STATUS_TEXT } from '@/lib/outcome';

/**
 * The item's journey on its scorecard: the A3-2 outcome of the journey that stands for the item
 * (lib/journey/view.ts: its latest decided one, read from the store and derived from the stored
 * events), the B1-against-the-journey finding when there is one, and a link to its timeline.
 */
export function JourneyCard({ journey, timelineUrl, recordUrl }: { journey?: JourneyView; timelineUrl: (journeyId: string) => string; recordUrl?: string }) {
  const l = lang();
  if (!journey) {
    return (
      <section class="series journey" data-testid="journey-card" data-journey="none">
        <h3>A3-2 {t('journeyTitle')}</h3>
        <p class="empty">
          {t('journeyNone')}
          {recordUrl && (
            <>
              {' '}
              <a href={recordUrl} target="_blank" rel="noopener" data-testid="journey-record">
                {t('journeyRecord')}
              </a>
            </>
          )}
        </p>
      </section>
    );
  }
  const names: Record<string, string> = { 'A3-2': t('journeyA32Name'), B1: t('journeyB1Name') };
  return (
    <section class="series journey" data-testid="journey-card" data-journey={journey.journey.journeyId}>
      <h3>
        A3-2 {t('journeyTitle')} · <span data-testid="journey-status">{t(JOURNEY_STATUS_KEY[journey.status])}</span>
      </h3>
      <p class="journey-counts" data-testid="journey-counts">
        {t('journeyCounts', journey.clicks, journey.pages, journey.loginPages)}
      </p>
      <ul class="rows">
        {journey.outcomes.map((o) => (
          <li class={`row ${o.status}`} key={o.indicator} data-indicator={o.indicator} data-status={o.status} data-source="journey">
            <div class="row-head">
              <h4>
                <span class="ind-id">{o.indicator}</span> {names[o.indicator] ?? o.indicator}
              </h4>
              <span class={`badge ${o.status}`} data-testid="status">
                {`${STATUS_TEXT[o.status].mark} ${STATUS_TEXT[o.status][l]}`}
              </span>
            </div>
            <p class="finding">{o.message}</p>
            {o.hint && <p class="hint">{o.hint}</p>}
          </li>
        ))}
      </ul>
      <a href={timelineUrl(journey.journey.journeyId)} target="_blank" rel="noopener" data-testid="journey-link">
        {t('journeyOpen')}
      </a>
    </section>
  );
}
