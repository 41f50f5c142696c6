import { describe, expect, it } from 'vitest';
import { guide, outcomeOf } from '../../helpers';

const E = 'E1-5';
const enquiry = (value: string, rows: Record<string, string> = {}) => outcomeOf(guide({ 咨询电话: value, ...rows }), E);

describe('E1-5 咨询方式: pass', () => {
  it('a landline whose area code is joined by an em dash (0777—6428820)', () => {
    const o = enquiry('0777—6428820');
    expect(o.status).toBe('pass');
    expect(o.data.phone).toBe('0777-6428820');
    expect(o.message).toBe('咨询电话0777-6428820');
  });

  it.each(['(0455)7771234', '（0455）7771234', '0455-7771234', '13912345678'])('%s has an area code or is a mobile', (value) => {
    expect(enquiry(value).status).toBe('pass');
  });

  it('a phone followed by an on-site address (Chongqing 渝快办 wording)', () => {
    const o = outcomeOf(guide({ 咨询方式: '电话咨询：023-67711705；现场咨询地址：重庆市江北区寸滩街道金港新区19号区政务服务中心二楼14-22号综合服务窗口' }), E);
    expect(o.status).toBe('pass');
    expect(o.data.phone).toBe('023-67711705');
  });

  it('keeps the pass but says so when the enquiry phone is the complaint phone', () => {
    const o = enquiry('0455-7771234', { 监督投诉电话: '0455-7771234' });
    expect(o.status).toBe('pass');
    expect(o.message).toContain('咨询电话与监督投诉电话相同');
  });

  it('says nothing about the complaint phone when the two differ', () => {
    const o = enquiry('0455-7771234', { 监督投诉电话: '0455-7771235' });
    expect(o.message).not.toContain('监督投诉');
  });
});

describe('E1-5 咨询方式: partial', () => {
  it('a number without area code (6428820)', () => {
    const o = enquiry('6428820');
    expect(o.status).toBe('partial');
    expect(o.missing).toEqual(['area-code']);
    expect(o.message).toBe('咨询电话6428820未带区号');
  });

  it.each(['12345', '12345政务服务便民热线'])('only the 12345 hotline (%s)', (value) => {
    const o = enquiry(value);
    expect(o.status).toBe('partial');
    expect(o.missing).toEqual(['department-phone']);
    expect(o.message).toContain('只有12345热线');
  });

  it('an enquiry channel with an address and no number', () => {
    const o = outcomeOf(guide({ 咨询方式: '现场咨询地址：灵山县政务服务中心一楼咨询台' }), E);
    expect(o.status).toBe('partial');
    expect(o.missing).toEqual(['phone']);
    expect(o.message).toBe('咨询方式中没有电话号码');
  });

  it('a date like 20201118 is not taken for a local phone number', () => {
    expect(enquiry('20201118').missing).toEqual(['phone']);
  });
});

describe('E1-5 咨询方式: fail', () => {
  it('no enquiry information', () => {
    const o = outcomeOf(guide({}), E);
    expect(o.status).toBe('fail');
    expect(o.message).toBe('未找到咨询方式');
  });

  it('a label with an empty cell', () => {
    const o = enquiry('');
    expect(o.status).toBe('fail');
    expect(o.message).toBe('咨询方式标签下没有内容');
  });
});

describe('E1-5 咨询方式: layouts', () => {
  it('dl/dt/dd with the complaint phone beside it', () => {
    const html = '<dl><dt>咨询方式</dt><dd>咨询电话：0777—6428820</dd><dt>监督投诉方式</dt><dd>投诉电话：0777-6428821</dd></dl>';
    const o = outcomeOf(guide({}, html), E);
    expect(o.status).toBe('pass');
    expect(o.data.phone).toBe('0777-6428820');
  });

  it('<strong>label:</strong> value<br> lines as in the 渝快办 summary', () => {
    const html =
      '<div class="summary"><strong>办理主体:</strong>重庆市江北区人力资源和社会保障局<br><strong>咨询方式:</strong>电话咨询：023-67854816<br><strong>监督投诉方式:</strong>投诉电话：023-67730540<br></div>';
    const o = outcomeOf(guide({}, html), E);
    expect(o.status).toBe('pass');
    expect(o.data.phone).toBe('023-67854816');
  });

  it('<p>标签：值</p> with a bracketed area code', () => {
    const o = outcomeOf(guide({}, '<p>咨询电话：(0455)7771234</p>'), E);
    expect(o.status).toBe('pass');
  });
});

describe('E1-5 咨询方式: garbage input', () => {
  it.each(['=HYPERLINK("http://x","y")', '&lt;img src=x onerror=alert(1)&gt;', '——', '详见窗口公告'])(
    '%s has no phone number',
    (value) => {
      const o = enquiry(value);
      expect(o.status).toBe('partial');
      expect(o.missing).toEqual(['phone']);
      expect(o.message).toBe('咨询方式中没有电话号码');
    },
  );
});
