import { useState } from 'preact/hooks';
import { englishLine, evidenceQuote, findingOf, INDICATORS, outcomeWord, type IndicatorId } from '@/lib/indicators';
import { lang, t } from '@/lib/i18n';
import { STATUS_TEXT } from '@/lib/outcome';
import { reasonKey, type Reviewed, type VerdictInput, type VerdictReason } from '@/lib/verdict';
import { VerdictForm } from './VerdictForm';

export interface RowActions {
  reviewer: string;
  /** Saves a verdict; rejects with a message the form shows. Absent: verdicts cannot be kept here. */
  saveVerdict?: (indicator: string, v: VerdictInput & { reason: VerdictReason }) => Promise<void>;
  clearVerdict?: (indicator: string) => Promise<void>;
  /** Outlines the indicator's element on the page (lib/highlight). */
  highlight?: (indicator: string) => void;
  /** Checks the blank/sample form links of E4-1/E4-2 (the only request the extension makes, on this click). */
  checkLinks?: (indicator: 'E4-1' | 'E4-2') => void;
  /** The indicator whose links are being checked. */
  busyLinks?: string;
}

/** One indicator: the status that counts (and the automatic one beside a verdict), the finding, evidence, hint. */
export function IndicatorRow({ r, actions }: { r: Reviewed; actions: RowActions }) {
  const { outcome: o, verdict } = r;
  const [editing, setEditing] = useState(false);
  // Closing the form puts the keyboard focus back on the row's review button; a verdict may have
  // moved the row (a problem reviewed as a pass goes to the folded passes), so find it by id.
  const close = () => {
    setEditing(false);
    setTimeout(() => {
      const button = document.getElementById(`${id}-toggle`);
      const folded = button?.closest('details');
      if (folded && !folded.open) folded.open = true;
      button?.focus();
    });
  };
  const l = lang();
  const name = INDICATORS[o.indicator as IndicatorId]?.[l] ?? o.indicator;
  const { finding, advice } = findingOf(o);
  const quote = evidenceQuote(o);
  const id = `row-${o.indicator}`;
  const word = (s = r.status) => `${STATUS_TEXT[s].mark} ${outcomeWord(o, s, l)}`;
  return (
    <li class={`row ${r.status}`} data-indicator={o.indicator} data-status={r.status} aria-labelledby={`${id}-h`}>
      <div class="row-head">
        <h4 id={`${id}-h`}>
          <span class="ind-id">{o.indicator}</span> {name}
        </h4>
        <span class={`badge ${r.status}`} data-testid="status">
          {word()}
        </span>
      </div>
      {verdict && (
        <p class="verdict-line" data-testid="verdict">
          {t('verdictBy', verdict.reviewer || t('reviewerUnknown'), new Date(verdict.at).toLocaleString(l === 'zh' ? 'zh-CN' : 'en'))}
          {' · '}
          {t('autoStatus')}
          <span class={`auto ${o.status}`} data-testid="auto-status">
            {word(o.status)}
          </span>
          {' · '}
          {t('verdictReason')}
          {t(`reason_${reasonKey(verdict.reason)}`)}
          {verdict.note && <span class="note">{` · ${verdict.note}`}</span>}
        </p>
      )}
      {r.autoChanged && verdict && (
        <p class="changed" role="note" data-testid="auto-changed">
          {t('autoChangedSince', word(verdict.autoStatus), word(o.status))}
        </p>
      )}
      <p class="finding">{finding}</p>
      {advice.map((a) => (
        <p class="advice" key={a}>
          {t('advice')}
          {a}
        </p>
      ))}
      <p class="en" lang="en">
        {englishLine(o)}
      </p>
      {(o.evidence.label || quote) && (
        <p class="evidence" data-testid="evidence">
          {t('foundAt')}
          {o.evidence.label && <span class="label">「{o.evidence.label.replace(/[:：]\s*$/, '')}」</span>}
          {quote && <q class="quote">{quote}</q>}
        </p>
      )}
      {o.hint && (
        <p class="hint">
          {t('fixHint')}
          {o.hint}
        </p>
      )}
      <div class="row-actions">
        {actions.highlight && o.evidence.selector && (
          <button type="button" onClick={() => actions.highlight!(o.indicator)}>
            {t('showOnPage')}
          </button>
        )}
        {actions.checkLinks && (o.indicator === 'E4-1' || o.indicator === 'E4-2') && o.status !== 'na' && (
          <button type="button" disabled={actions.busyLinks === o.indicator} onClick={() => actions.checkLinks!(o.indicator as 'E4-1' | 'E4-2')}>
            {actions.busyLinks === o.indicator ? t('checkingLinks') : t('checkLinks')}
          </button>
        )}
        {actions.saveVerdict && (
          <button type="button" id={`${id}-toggle`} aria-expanded={editing} aria-controls={`${id}-form`} onClick={() => (editing ? close() : setEditing(true))}>
            {verdict ? t('editVerdict') : t('setVerdict')}
          </button>
        )}
        {verdict && actions.clearVerdict && (
          <button type="button" onClick={() => void actions.clearVerdict!(o.indicator)}>
            {t('clearVerdict')}
          </button>
        )}
      </div>
      {editing && actions.saveVerdict && (
        <VerdictForm
          id={`${id}-form`}
          indicatorName={`${o.indicator} ${name}`}
          auto={o.status}
          initial={verdict}
          reviewer={actions.reviewer}
          wordOf={(s) => word(s)}
          onCancel={close}
          onSave={async (v) => {
            await actions.saveVerdict!(o.indicator, v);
            close();
          }}
        />
      )}
    </li>
  );
}
