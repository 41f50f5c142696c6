import { startPortal, openForms } from '../tests/fixtures/highlight/portal';
import { expect, test } from './support';

let portal: Awaited<ReturnType<typeof startPortal>>;
test.beforeAll(async () => void (portal = await startPortal()));
test.afterAll(async () => portal.close());

test('without the host permission the link check asks for it and makes no request', async ({ session }) => {
  const { send, tabId } = await openForms(session, portal.origin);
  // The shipped build holds no host permission: the panel must ask for it (permissions.request) first.
  expect(await send({ type: 'links/check', tabId, indicator: 'E4-2' })).toEqual({ ok: false, error: 'permission', origin: 'http://127.0.0.1/*' });
  expect(portal.log).toEqual([]);
});
