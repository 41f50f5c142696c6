import { describe, expect, it } from 'vitest';
import { guide, outcomeOf } from '../../helpers';

const E = 'E1-3';
const place = (value: string) => outcomeOf(guide({ 办理地点: value }), E);

describe('E1-3 办理地点: pass', () => {
  it.each([
    '安达市中本大街120号政务服务中心二楼203室5号窗口',
    '灵山县江南路5号县政务服务中心1029办公室3号窗口',
    '江南路5号政务服务中心房间302窗口5',
    '江南路5号政务服务中心302房A12窗口',
    '建新东路3-8号政务服务中心201室5号窗口',
  ])('%s has street, house number, room and window', (value) => {
    const o = place(value);
    expect(o.status).toBe('pass');
    expect(o.missing).toEqual([]);
    expect(o.found).toEqual(['street', 'house', 'room', 'window']);
  });

  it('a 街 with a house number right after it is a street (华新街12号)', () => {
    expect(place('华新街12号政务服务中心201室3号窗口').status).toBe('pass');
  });

  it('several complete locations pass together', () => {
    const o = place('江南路5号县政务服务中心1029室3号窗口；建新东路8号社会服务中心204室4号窗口');
    expect(o.status).toBe('pass');
    expect(o.message).toContain('2处');
  });
});

describe('E1-3 办理地点: partial', () => {
  it('the real Lingshan address has no room number (② … 综合窗口 is the window)', () => {
    const o = place('灵山县三海街道江南路5号县政务服务中心法人大厅②工程建设项目综合窗口（县卫生监督所一楼）');
    expect(o.status).toBe('partial');
    expect(o.missing).toEqual(['room']);
    expect(o.message).toBe('办理地点缺少房间号');
  });

  it('the real Jiangbei address: 寸滩街道 is a township, 二楼 is no room, 14-22号 is the window', () => {
    const o = place('重庆市江北区寸滩街道金港新区19号区政务服务中心二楼14-22号综合服务窗口');
    expect(o.status).toBe('partial');
    expect(o.missing).toEqual(['street', 'room']);
    expect(o.message).toContain('街道/路名');
    expect(o.message).toContain('房间号');
  });

  it('a township 街道 alone is not a street', () => {
    const o = place('三海街道政务服务中心201室3号窗口');
    expect(o.missing).toContain('street');
  });

  it('3-8号 followed by 窗口 is a window, not a house number', () => {
    const o = place('华新街街道建新东路中兴村一楼3-8号窗口');
    expect(o.status).toBe('partial');
    expect(o.missing).toEqual(['house', 'room']);
  });

  it('a floor (2楼, 三楼) is not a room number', () => {
    expect(place('江南路5号县政务服务中心2楼3号窗口').missing).toEqual(['room']);
    expect(place('江南路5号县政务服务中心三楼4号窗口').missing).toEqual(['room']);
  });

  it('1029办公室 is a room; without a window number the window is missing', () => {
    const o = place('重庆市江北区金港新区16号1029办公室');
    expect(o.missing).toEqual(['street', 'window']); // 16号 is the house number, 1029办公室 the room
  });

  it('a window with no number of its own (社保窗口) is not a window number', () => {
    const o = place('灵山县灵城街道县政务服务中心二楼社保窗口');
    expect(o.status).toBe('partial');
    expect(o.missing).toEqual(['street', 'house', 'room', 'window']);
  });

  it('several locations are each judged and the worst one counts', () => {
    const o = place('1.江南路5号县政务服务中心1029室3号窗口；2.重庆市江北区寸滩街道金港新区19号区政务服务中心二楼14-22号综合服务窗口');
    expect(o.status).toBe('partial');
    expect(o.missing).toEqual(['street', 'room']);
    expect(o.message).toContain('共2处地点，按最差者计');
  });
});

describe('E1-3 办理地点: fail', () => {
  it('no location on the page', () => {
    const o = outcomeOf(guide({}), E);
    expect(o.status).toBe('fail');
    expect(o.message).toBe('未找到办理地点');
  });

  it('a label with an empty cell', () => {
    const o = place('');
    expect(o.status).toBe('fail');
    expect(o.message).toBe('办理地点标签下没有内容');
  });
});

describe('E1-3 办理地点: layouts', () => {
  it.each([
    ['span.label + value', '<div><span class="label">办理地点：</span><span>灵山县江南路5号县政务服务中心1029办公室3号窗口</span></div>'],
    ['dl/dt/dd', '<dl><dt>办理地点</dt><dd>灵山县江南路5号县政务服务中心1029办公室3号窗口</dd></dl>'],
    ['<p>标签：值</p>', '<p>办理地点：灵山县江南路5号县政务服务中心1029办公室3号窗口</p>'],
  ])('is found in a %s layout', (_layout, html) => {
    const o = outcomeOf(guide({}, html), E);
    expect(o.status).toBe('pass');
    expect(o.value).toContain('江南路5号');
  });
});

describe('E1-3 办理地点: garbage input', () => {
  it.each(['=HYPERLINK("http://x","y")', '&lt;img src=x onerror=alert(1)&gt;', '——', '详见窗口公告'])(
    '%s names none of the four parts',
    (value) => {
      const o = place(value);
      expect(o.status).toBe('partial');
      expect(o.missing).toEqual(['street', 'house', 'room', 'window']);
      expect(o.message).toContain('办理地点缺少');
    },
  );

  it('a spreadsheet formula appended to a real address does not add any part', () => {
    const o = place('灵山县灵城街道县政务服务中心二楼社保窗口=HYPERLINK("http://evil.example","点击")');
    expect(o.status).toBe('partial');
    expect(o.missing).toEqual(['street', 'house', 'room', 'window']);
  });
});
