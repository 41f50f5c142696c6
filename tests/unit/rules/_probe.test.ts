import { it } from 'vitest';
import { guide, outcomeOf } from '../../helpers';
import cases from '/tmp/probe-cases.mjs';

it('probe', () => {
  for (const [name, id, html] of cases(guide) as [string, string, string][]) {
    try {
      const o = outcomeOf(html, id);
      console.log(`${id} | ${name} => ${o.status} missing=${JSON.stringify(o.missing)} data=${JSON.stringify(o.data)} msg=${o.message} val=${o.value.slice(0, 60)}`);
    } catch (e) {
      console.log(`${id} | ${name} => THROW ${String(e)}`);
    }
  }
});
