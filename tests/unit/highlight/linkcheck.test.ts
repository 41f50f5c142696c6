import { describe, expect, it } from 'vitest';
import type { FormLink, LinkStatus } from '@/lib/highlight/messages';
import { applyLinkCheck, judgeAnswer, linksToCheck, originPattern } from '@/lib/linkcheck';
import type { Outcome } from '@/lib/outcome';

const link = (href: string, material = '登记申请书'): FormLink => ({ material, text: '下载', href, path: 'a' });
const PAGE = 'http://zwfw.example.gov.cn:8080/bszn/item.html?id=1';

describe('which links are checked', () => {
  it('only http(s) links on the page’s own host, each address once, the fragment dropped', () => {
    const plan = linksToCheck(
      [link('/files/a.docx'), link('../files/a.docx#p2'), link('https://zwfw.example.gov.cn/b.pdf'), link('http://evil.example/c.pdf'), link('javascript:download(3)'), link('')],
      PAGE,
    );
    expect(plan.filter((p) => p.url).map((p) => p.url)).toEqual(['http://zwfw.example.gov.cn:8080/files/a.docx', 'https://zwfw.example.gov.cn/b.pdf']);
    const skipped = plan.filter((p) => p.skipped);
    expect(skipped.map((p) => p.link.href)).toEqual(['http://evil.example/c.pdf', 'javascript:download(3)', '']);
    expect(skipped[0]!.skipped).toContain('不是本站');
  });

  it('the permission asked for is the page’s host, any port', () => {
    expect(originPattern(PAGE)).toBe('http://zwfw.example.gov.cn/*');
    expect(originPattern('file:///tmp/x.html')).toBeNull();
    expect(originPattern('not a url')).toBeNull();
  });
});

describe('what an answer means', () => {
  const url = 'http://h/files/a.docx';
  it('4xx/5xx is broken; a document answered by HTML is an error page; a file is fine', () => {
    expect(judgeAnswer(url, { status: 404, contentType: 'text/html' }).verdict).toBe('broken');
    expect(judgeAnswer(url, { status: 503, contentType: '' }).reason).toContain('HTTP 503');
    expect(judgeAnswer(url, { status: 200, contentType: 'text/html', head: '<title>登录</title>' }).verdict).toBe('error-page');
    expect(judgeAnswer(url, { status: 206, contentType: 'application/msword' }).verdict).toBe('ok');
  });
  it('a download address without a file name: HTML is fine unless it reads like an error', () => {
    const dl = 'http://h/download.do?id=7';
    expect(judgeAnswer(dl, { status: 200, contentType: 'text/html', head: '<title>在线预览</title>' }).verdict).toBe('ok');
    expect(judgeAnswer(dl, { status: 200, contentType: 'text/html', head: '<title>文件不存在</title>' }).verdict).toBe('error-page');
  });
});

describe('the outcome after a check', () => {
  const pass: Outcome = {
    indicator: 'E4-2', status: 'pass', value: '', message: '2项表格类材料均提供示例样表下载', hint: '', missing: [], found: ['登记申请书', '承诺书'], data: {}, evidence: { selector: 'h3' },
  };
  const st = (verdict: LinkStatus['verdict'], status: number, material: string): LinkStatus => ({ ...link(`/${material}`, material), path: `a#${material}`, status, method: 'HEAD', verdict, reason: '' });

  it('a broken link turns a pass into partial, names the material and points at the link', () => {
    const o = applyLinkCheck(pass, [st('ok', 200, '承诺书'), st('broken', 404, '登记申请书'), st('skipped', 0, '委托书')]);
    expect(o.status).toBe('partial');
    expect(o.missing).toEqual(['登记申请书（链接失效）']);
    expect(o.message).toContain('1/2个链接无法下载：登记申请书（HTTP 404）');
    expect(o.evidence).toEqual({ selector: 'a#登记申请书', label: '失效链接：下载' });
    expect(o.data).toMatchObject({ linksChecked: 2, linksBroken: 1 });
    expect(o.hint).not.toBe('');
  });

  it('all fine: the status stays and the message says the check was made; a fail stays a fail', () => {
    const ok = applyLinkCheck(pass, [st('ok', 200, '承诺书')]);
    expect(ok.status).toBe('pass');
    expect(ok.message).toContain('1个本站链接均可下载');
    expect(applyLinkCheck({ ...pass, status: 'fail' }, [st('unreachable', 0, '承诺书')]).status).toBe('fail');
  });
});
