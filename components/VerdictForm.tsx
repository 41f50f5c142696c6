import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { STATUSES, type Status } from '@/lib/outcome';
import type { VerdictRecord } from '@/lib/store';
import { REASONS, reasonKey, verdictProblems, type VerdictInput, type VerdictReason } from '@/lib/verdict';

interface Props {
  id: string;
  indicatorName: string;
  auto: Status;
  initial?: VerdictRecord;
  reviewer: string;
  wordOf: (s: Status) => string;
  onSave: (v: VerdictInput & { reason: VerdictReason }) => Promise<void>;
  onCancel: () => void;
}

/** The reviewer's status for one indicator, with a required reason and a free note. */
export function VerdictForm(p: Props) {
  const [status, setStatus] = useState<Status>(p.initial?.status ?? (p.auto === 'pass' ? 'fail' : 'pass'));
  const [reason, setReason] = useState<VerdictReason | ''>(p.initial?.reason ?? '');
  const [note, setNote] = useState(p.initial?.note ?? '');
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLSelectElement>(null);
  useEffect(() => first.current?.focus(), []);

  const submit = async (e: Event) => {
    e.preventDefault();
    const problems = verdictProblems({ status, reason, note }, p.reviewer).map((k) => t(k));
    setErrors(problems);
    if (problems.length || !reason) return;
    setBusy(true);
    try {
      await p.onSave({ status, reason, note });
    } catch (err) {
      setErrors([t('verdictNotSaved', err instanceof Error ? err.message : String(err))]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form id={p.id} class="verdict-form" onSubmit={submit} aria-label={t('verdictFormLabel', p.indicatorName)} noValidate>
      <p class="auto-line">
        {t('autoStatus')}
        {p.wordOf(p.auto)}
      </p>
      <label for={`${p.id}-status`}>{t('verdictStatus')}</label>
      <select id={`${p.id}-status`} ref={first} value={status} onChange={(e) => setStatus((e.currentTarget as HTMLSelectElement).value as Status)}>
        {STATUSES.map((s) => (
          <option value={s} key={s}>
            {p.wordOf(s)}
          </option>
        ))}
      </select>
      <fieldset aria-describedby={errors.length ? `${p.id}-errors` : undefined}>
        <legend>{t('verdictReasonRequired')}</legend>
        {REASONS.map((r) => (
          <label class="radio" key={r}>
            <input type="radio" name={`${p.id}-reason`} value={r} checked={reason === r} required onChange={() => setReason(r)} />
            {t(`reason_${reasonKey(r)}`)}
          </label>
        ))}
      </fieldset>
      <label for={`${p.id}-note`}>{t('verdictNote')}</label>
      <textarea id={`${p.id}-note`} rows={2} maxLength={4000} value={note} onInput={(e) => setNote((e.currentTarget as HTMLTextAreaElement).value)} />
      {errors.length > 0 && (
        <ul id={`${p.id}-errors`} class="errors" role="alert">
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
      <div class="form-actions">
        <button type="submit" class="primary" disabled={busy}>
          {t('saveVerdict')}
        </button>
        <button type="button" onClick={p.onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
