import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { STORE_STATUS_KEY, StoreStatus } from '@/lib/store/autosave';

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
      审核结果未保存 Not saved{status.lost ? `（${status.lost}）` : ''}：{status.message}
    </p>
  );
}
