import { describe, expect, it } from 'vitest';
import { guide, outcomeOf } from '../../helpers';

const E = 'B3-1';
const code = (value: string, rows: Record<string, string> = {}) => outcomeOf(guide({ 实施编码: value, ...rows }), E);
/** The code the guide() helper shows: 11231281MB19382749 + 4 + 000117001000. */
const BASE_CATALOG = '000117001000';

describe('B3-1 统一编码: pass', () => {
  it.each([
    ['11450721MB155808114000104002000', 4, '000104002000'],
    ['1145072100811537184452004020000', 4, '452004020000'],
    ['11450721348531435D4001033002000', 4, '001033002000'],
    ['11440000MB2D0164XH2440289876000', 2, '440289876000'],
    ['11440100007482575H3440118009000', 3, '440118009000'],
    ['12440100741854396C3442014055017', 3, '442014055017'],
  ])('the real 31-character code %s passes its check character', (value, level, catalog) => {
    const o = code(value);
    expect(o.status).toBe('pass');
    expect(o.data).toMatchObject({ code: value, level, catalog });
    expect(o.message).toBe(`实施编码${value}格式正确、校验通过`);
  });

  it('the 33-character 业务办理项编码 (a letter in the basic code) passes', () => {
    const o = outcomeOf(guide({ 实施编码: '__omit__', 业务办理项编码: '11440000553612461J244211105N00302' }), E);
    expect(o.status).toBe('pass');
    expect(o.data).toMatchObject({ level: 2, catalog: '44211105N003' });
  });

  it('a shown 基本编码 and 行使层级 that agree with the code', () => {
    expect(outcomeOf(guide({ 基本编码: BASE_CATALOG, 行使层级: '县级' }), E).status).toBe('pass');
  });

  it('full-width characters are normalised first', () => {
    const o = code('１１４５０７２１ＭＢ１５５８０８１１４０００１０４００２０００');
    expect(o.status).toBe('pass');
    expect(o.data.code).toBe('11450721MB155808114000104002000');
  });

  it('a dl/dt/dd layout', () => {
    const o = outcomeOf(guide({ 实施编码: '__omit__' }, '<dl><dt>实施编码</dt><dd>11450721MB155808114000104002000</dd></dl>'), E);
    expect(o.status).toBe('pass');
  });
});

describe('B3-1 统一编码: partial', () => {
  it('a wrong check character in the credit code', () => {
    const o = code('11450721MB155808124000104002000');
    expect(o.status).toBe('partial');
    expect(o.missing).toEqual(['check-character']);
    expect(o.message).toBe('统一社会信用代码11450721MB15580812校验位错误');
  });

  it('a shown 基本编码 that disagrees with the code', () => {
    const o = outcomeOf(guide({ 基本编码: '000104002001' }), E);
    expect(o.status).toBe('partial');
    expect(o.missing).toEqual(['catalog-code']);
    expect(o.message).toContain('不一致');
  });

  it('a shown 行使层级 that disagrees with the level digit', () => {
    const o = outcomeOf(guide({ 行使层级: '市级' }), E);
    expect(o.status).toBe('partial');
    expect(o.missing).toEqual(['level']);
    expect(o.message).toBe('行使层级“市级”与编码中的层级4不一致');
  });

  it.each([
    '511A0138000000-511602000000-000-115113010833722043-1-00',
    '512B0053300006-511602000000-000-083372204-1-00',
    '511A0080800002-511602000000-000-1151130000877869M-1-00',
  ])('the Sichuan local code %s is not a national code', (value) => {
    const o = outcomeOf(guide({ 实施编码: '__omit__', 事项编码: value }), E);
    expect(o.status).toBe('partial');
    expect(o.missing).toEqual(['format']);
    expect(o.message).toContain('不是31位（或33位）国家实施编码格式');
  });

  it('a 34-character material code is not an item code', () => {
    expect(code('11450721348531435D4001033002000001').missing).toEqual(['format']);
  });

  it('only the 12-character 基本编码 is shown', () => {
    const o = outcomeOf(guide({ 实施编码: '__omit__', 基本编码: '000104002000' }), E);
    expect(o.status).toBe('partial');
    expect(o.missing).toEqual(['format']);
    expect(o.message).toBe('只公布了基本编码，没有实施编码');
  });
});

describe('B3-1 统一编码: fail', () => {
  it('no code on the page', () => {
    const o = code('__omit__');
    expect(o.status).toBe('fail');
    expect(o.missing).toEqual(['code']);
    expect(o.message).toBe('未公布事项编码');
  });

  it('a code label with an empty cell', () => {
    const o = code('');
    expect(o.status).toBe('fail');
    expect(o.missing).toEqual(['code']);
  });
});

describe('B3-1 统一编码: garbage input', () => {
  it.each(['=HYPERLINK("http://x","y")', '&lt;img src=x onerror=alert(1)&gt;', '——', '详见窗口公告'])(
    '%s is shown where the code should be: malformed',
    (value) => {
      const o = code(value);
      expect(o.status).toBe('partial');
      expect(o.missing).toEqual(['format']);
      expect(o.message).toContain('不是31位');
    },
  );
});
