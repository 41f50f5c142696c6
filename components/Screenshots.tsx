import { useEffect, useState } from 'preact/hooks';
import { lang, t } from '@/lib/i18n';

export interface Shot {
  id: string;
  takenAt: number;
  blob: Blob;
  rects: unknown[];
}

interface Props {
  shots: Shot[];
  /** Absent: screenshots cannot be taken here (no store, or not a guide). */
  capture?: () => Promise<void>;
}

/** Evidence screenshots of the item: one button to capture the visible page, thumbnails below. */
export function Screenshots({ shots, capture }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [urls, setUrls] = useState<Record<string, string>>({});
  useEffect(() => {
    const made = Object.fromEntries(shots.map((s) => [s.id, URL.createObjectURL(s.blob)]));
    setUrls(made);
    return () => Object.values(made).forEach((u) => URL.revokeObjectURL(u));
  }, [shots]);
  const l = lang();

  const take = async () => {
    if (!capture) return;
    setBusy(true);
    setError('');
    try {
      await capture();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="shots" aria-labelledby="shots-title" data-testid="screenshots">
      <div class="shots-head">
        <h2 id="shots-title" class="section-title">
          {t('screenshotsTitle', shots.length)}
        </h2>
        {capture && (
          <button type="button" onClick={() => void take()} disabled={busy} data-testid="capture">
            {busy ? t('capturing') : t('capture')}
          </button>
        )}
      </div>
      {error && (
        <p class="errors" role="alert">
          {error}
        </p>
      )}
      {shots.length > 0 && (
        <ul class="thumbs">
          {shots.map((s) => {
            const when = new Date(s.takenAt).toLocaleString(l === 'zh' ? 'zh-CN' : 'en');
            return (
              <li key={s.id}>
                {urls[s.id] && (
                  <a href={urls[s.id]} target="_blank" rel="noopener" title={t('openScreenshot')}>
                    <img src={urls[s.id]} alt={t('screenshotAlt', when, s.rects.length)} width={96} data-testid="thumb" />
                  </a>
                )}
                <span class="when">{when}</span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
