import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { LinkCheckReply, LinkCheckResult } from '@/lib/background/linkcheck';
import type { DrawReply } from '@/lib/highlight/messages';
import { requestLinkCheckPermission } from '@/lib/linkcheck-permission';
import type { Message } from '@/lib/messages';
import { t } from '@/lib/i18n';

/**
 * The panel's tools on the page itself, through the background (lib/highlight, the link
 * check): outline one indicator or all of them, check form links. Keeps the rectangles of what
 * is outlined now, for screenshot evidence, and what the last action said.
 */
export interface PageTools {
  allShown: boolean;
  rects: DrawReply['rects'];
  /** What the last action said (outlines not drawn, links checked, an error). */
  notice?: { text: string; error: boolean };
  show(indicator: string): void;
  toggleAll(): void;
  checkLinks(indicator: 'E4-1' | 'E4-2', pageUrl: string): void;
  busyLinks?: string;
}

type Reply = { ok: true; highlight?: DrawReply; links?: LinkCheckResult } | { ok: false; error: string };

export function usePageTools(tabId: number | undefined): PageTools {
  const [allShown, setAllShown] = useState(false);
  const [rects, setRects] = useState<DrawReply['rects']>([]);
  const [notice, setNotice] = useState<PageTools['notice']>();
  const [busyLinks, setBusyLinks] = useState<string>();
  // Another tab: its outlines are its own; start afresh.
  useEffect(() => {
    setAllShown(false);
    setRects([]);
    setNotice(undefined);
  }, [tabId]);

  const send = useCallback(async (msg: Message): Promise<Reply> => {
    const reply = (await browser.runtime.sendMessage(msg)) as Reply | undefined;
    return reply ?? { ok: false, error: 'no answer' };
  }, []);

  const drawn = (reply: Reply) => {
    if (!reply.ok) {
      setNotice({ text: t('highlightFailed', reply.error), error: true });
      return;
    }
    setRects(reply.highlight?.rects ?? []);
    const notes = reply.highlight?.notes.filter((n) => n.reason !== 'no-evidence') ?? [];
    setNotice(notes.length ? { text: t('highlightNotes', notes.map((n) => n.indicator).join('、')), error: false } : undefined);
  };

  return {
    allShown,
    rects,
    notice,
    busyLinks,
    show(indicator) {
      if (tabId === undefined) return;
      setAllShown(false);
      void send({ type: 'highlight/show', tabId, indicator }).then(drawn, (e: unknown) => drawn({ ok: false, error: String(e) }));
    },
    toggleAll() {
      if (tabId === undefined) return;
      const on = !allShown;
      setAllShown(on);
      const msg: Message = on ? { type: 'highlight/all', tabId, on } : { type: 'highlight/clear', tabId };
      void send(msg).then(
        (r) => (on ? drawn(r) : (setRects([]), setNotice(undefined))),
        (e: unknown) => drawn({ ok: false, error: String(e) }),
      );
    },
    checkLinks(indicator, pageUrl) {
      if (tabId === undefined) return;
      // The permission prompt first, inside the click: browsers grant it only during the gesture.
      const permitted = requestLinkCheckPermission(pageUrl);
      setBusyLinks(indicator);
      void permitted
        .then(async (ok) => {
          if (!ok) return setNotice({ text: t('linksNeedPermission'), error: true });
          const reply = (await send({ type: 'links/check', tabId, indicator })) as LinkCheckReply;
          if (!reply.ok) return setNotice({ text: reply.error === 'permission' ? t('linksNeedPermission') : t('linksFailed', reply.error), error: true });
          const broken = reply.links.checked.filter((l) => l.verdict !== 'ok' && l.verdict !== 'skipped').length;
          setNotice({ text: t('linksChecked', reply.links.checked.length, broken), error: broken > 0 });
        })
        .catch((e: unknown) => setNotice({ text: t('linksFailed', String(e)), error: true }))
        .finally(() => setBusyLinks(undefined));
    },
  };
}
