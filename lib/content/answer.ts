/**
 * A runtime.onMessage listener that answers with a promise, in the form every browser takes:
 * `sendResponse` and `return true`. The content script is built without the webextension
 * polyfill (wxt.config.ts: it runs on every page, and the polyfill would add a sixth to it), and
 * Chrome's own listeners cannot answer by returning a promise.
 */
export function answering(
  listener: (message: unknown) => Promise<unknown> | undefined,
): (message: unknown, sender: unknown, sendResponse: (response?: unknown) => void) => true | undefined {
  return (message, _sender, sendResponse) => {
    const reply = listener(message);
    if (!reply) return undefined;
    reply.then(sendResponse, () => sendResponse(undefined));
    return true;
  };
}
