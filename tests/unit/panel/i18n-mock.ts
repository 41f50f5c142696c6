import fs from 'node:fs';
import { fakeBrowser } from 'wxt/testing/fake-browser';

/** The browser's i18n in unit tests: answers from our own messages.json of `locale`. */
export function useMessages(locale: 'zh_CN' | 'en' = 'zh_CN'): Record<string, { message: string }> {
  const messages = JSON.parse(fs.readFileSync(`public/_locales/${locale}/messages.json`, 'utf8')) as Record<string, { message: string }>;
  fakeBrowser.i18n.getMessage = ((key: string, subs?: string | string[]) => {
    const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
    return messages[key]?.message.replace(/\$(\d)/g, (_, n: string) => list[Number(n) - 1] ?? '') ?? '';
  }) as typeof fakeBrowser.i18n.getMessage;
  return messages;
}
