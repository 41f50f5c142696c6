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

/** What a form shows for a message of lib/settings or lib/journey/settings (`{ key, subs }`), in `locale`. */
export function shown(m: { key: string; subs: string[] } | undefined, locale: 'zh_CN' | 'en' = 'zh_CN'): string {
  if (!m) return '';
  const messages = JSON.parse(fs.readFileSync(`public/_locales/${locale}/messages.json`, 'utf8')) as Record<string, { message: string }>;
  const text = messages[m.key]?.message;
  if (text === undefined) throw new Error(`no message ${m.key} in ${locale}`);
  return text.replace(/\$(\d)/g, (_, n: string) => m.subs[Number(n) - 1] ?? '');
}
