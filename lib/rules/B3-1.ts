import { codeTokens, levelOf, parseTaskCode, usccCheckOk } from '../parse/code';
import { firstValue, hitsOf } from '../parse/fields';
import { outcome, type Rule } from './types';

/** B3-1 统一编码: a 31/33-character 实施编码 whose credit code checks, agreeing with the page. */
export const rule: Rule = {
  id: 'B3-1',
  evaluate(s) {
    const hits = hitsOf(s, 'taskCode').filter((h) => h.value.trim());
    const catalogHit = firstValue(s, 'catalogCode');
    const hint = '公布31位实施编码（18位统一社会信用代码+1位层级+12位基本编码）';
    if (!hits.length) {
      if (catalogHit?.value.trim()) {
        return outcome('B3-1', 'partial', { hit: catalogHit, missing: ['format'], message: '只公布了基本编码，没有实施编码', hint });
      }
      return outcome('B3-1', 'fail', { missing: ['code'], message: '未公布事项编码', hint });
    }
    const tokens = hits.flatMap((h) => codeTokens(h.value).map((t) => ({ h, t })));
    const parsed = tokens.map(({ h, t }) => ({ h, t, p: parseTaskCode(t) })).find((x) => x.p);
    if (!parsed) {
      const h = tokens[0]?.h ?? hits[0]!;
      return outcome('B3-1', 'partial', { hit: h, missing: ['format'], message: `事项编码“${tokens[0]?.t ?? h.value}”不是31位（或33位）国家实施编码格式`, hint });
    }
    const { h, p } = parsed;
    const missing: string[] = [];
    const why: string[] = [];
    if (!usccCheckOk(p!.uscc)) {
      missing.push('check-character');
      why.push(`统一社会信用代码${p!.uscc}校验位错误`);
    }
    const shownCatalog = catalogHit ? codeTokens(catalogHit.value).find((t) => t.length === 12) : undefined;
    if (shownCatalog && shownCatalog !== p!.catalog) {
      missing.push('catalog-code');
      why.push(`页面基本编码${shownCatalog}与实施编码中的${p!.catalog}不一致`);
    }
    const levelHit = firstValue(s, 'level');
    const shownLevel = levelHit ? levelOf(levelHit.value) : undefined;
    if (shownLevel !== undefined && shownLevel !== p!.level) {
      missing.push('level');
      why.push(`行使层级“${levelHit!.value}”与编码中的层级${p!.level}不一致`);
    }
    const data = { code: p!.code, level: p!.level, catalog: p!.catalog };
    if (!missing.length) return outcome('B3-1', 'pass', { hit: h, value: p!.code, data, message: `实施编码${p!.code}格式正确、校验通过` });
    return outcome('B3-1', 'partial', { hit: h, value: p!.code, data, missing, message: why.join('；'), hint });
  },
};
