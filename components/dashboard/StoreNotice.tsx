import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t, type MessageKey } from '@/lib/i18n';
import { STORE_STATUS_KEY, StoreStatus } from '@/lib/store/autosave';
import { STORE_MESSAGES, type StoreErrorKind } from '@/lib/store/db';

const KIND_TEXT: Record<StoreErrorKind, MessageKey> = {
  blocked: 'storeErrBlocked', unavailable: 'storeErrUnavailable', quota: 'storeErrQuota', invalid: 'storeErrInvalid', newer: 'storeErrNewer', failed: 'storeErrFailed',
};

/**
 * What went wrong, in the UI language: the store's own text of a known kind is replaced by the
 * locale's, the browser's reason after it (`(VersionError: …)`) is kept; anything else is shown as stored.
 */
export function storeErrorText(kind: string | undefined, message = ''): string {
  if (!kind || !Object.hasOwn(KIND_TEXT, kind)) return message;
  const own = STORE_MESSAGES[kind as StoreErrorKind];
  return !message || message.startsWith(own) ? t(KIND_TEXT[kind as StoreErrorKind]) + message.slice(own.length) : message;
}

const reason = (status: StoreStatus) => storeErrorText(status.kind, status.message);

/** Tells the user when the background could not keep an audit (full disk, private window, …). */
export function StoreNotice({ onSaved }: { onSaved?: () => void }) {
  const [status, setStatus] = useState<StoreStatus | null>(null);
  useEffect(() => {
    const read = (raw: unknown) => {
      const p = StoreStatus.safeParse(raw);
      setStatus(p.success ? p.data : null);
    };
    void browser.storage.session.get(STORE_STATUS_KEY).then((r) => read(r[STORE_STATUS_KEY])).catch(() => {});
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area !== 'session' || !(STORE_STATUS_KEY in changes)) return;
      read(changes[STORE_STATUS_KEY]!.newValue);
      onSaved?.();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);
  if (!status || status.ok) return null;
  return (
    <p role="alert" class="store-notice" data-testid="store-notice">
      {status.lost ? t('storeNotSavedItem', status.lost, reason(status)) : t('storeNotSaved', reason(status))}
    </p>
  );
}
