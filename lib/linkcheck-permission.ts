import { browser } from 'wxt/browser';
import { originPattern } from './linkcheck';

/**
 * For the page that offers the link check (side panel, popup): asks for the audited page's host
 * permission, which the check needs. Call it first thing in the click handler, before any
 * `await`: browsers grant the prompt only during the user's gesture (Firefox strictly so).
 * Resolves true when the permission is held (already, or granted now).
 */
export function requestLinkCheckPermission(pageUrl: string): Promise<boolean> {
  const origin = originPattern(pageUrl);
  if (!origin) return Promise.resolve(false);
  return browser.permissions.request({ origins: [origin] }).catch(() => false);
}
