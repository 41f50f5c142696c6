import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Timeline, type Send } from '@/components/journey/Timeline';

// journey.html[?id=<journeyId>][&tab=<tabId>]: `tab` offers to start recording in that tab by hand.
const q = new URLSearchParams(location.search);
const tab = Number(q.get('tab'));
const send: Send = (msg) => browser.runtime.sendMessage(msg) as ReturnType<Send>;
render(<Timeline send={send} journeyId={q.get('id') ?? undefined} tabId={q.has('tab') && Number.isInteger(tab) && tab >= 0 ? tab : undefined} />, document.getElementById('app')!);
