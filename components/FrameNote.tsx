import { t } from '@/lib/i18n';
import type { TabResult } from '@/lib/messages';

/** Says which frame of the page the guide came from, when it is not the top page (issue 9: frames). */
export function FrameNote({ entry }: { entry?: TabResult | null }) {
  if (!entry?.frameId) return null;
  return (
    <p class="frame" data-testid="frame">
      {t('fromFrame')} {entry.frameUrl ?? ''}
    </p>
  );
}
