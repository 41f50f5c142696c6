import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';

/** A delete button that asks first, in place; nothing is deleted without the second click. */
export function ConfirmButton({ label, question, onConfirm, testId }: { label: string; question: string; onConfirm: () => void | Promise<void>; testId?: string }) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" class="danger" data-testid={testId} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <span class="confirm" role="alertdialog" aria-label={question}>
      <span>{question}</span>
      <button type="button" class="danger" data-testid={testId && `${testId}-yes`} onClick={() => { setAsking(false); void onConfirm(); }}>
        {t('dashConfirmDelete')}
      </button>
      <button type="button" onClick={() => setAsking(false)} autoFocus>
        {t('cancel')}
      </button>
    </span>
  );
}
