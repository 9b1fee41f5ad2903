/**
 * The mediation agreement as a printable HTML page (人民调解协议书), laid out as 人民调解法
 * (2010) Art. 29 prescribes: the parties' basic particulars; the main facts of the dispute, the
 * matters in dispute and each party's responsibility; the terms agreed, with the manner and time
 * limit of performance; signatures or seals of the parties, signature of the mediator, seal of
 * the committee; one copy for each party and one for the committee. Art. 31: an agreement
 * reached through people's mediation is legally binding and the parties shall perform it.
 * A4 print stylesheet; every value is HTML-escaped.
 */
import { formatLocal } from '../../core/date/date.ts';

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const SIDE: Record<string, string> = { applicant: '申请人', respondent: '被申请人', third_party: '第三人' };

/** What the document shows. Parties are shown in full: the document is for the parties themselves. */
export interface AgreementDocumentInput {
  readonly agreementNo: string;
  readonly appealNo: string;
  readonly orgName: string;
  readonly parties: readonly { readonly side: string; readonly kind: string; readonly name: string; readonly phone?: string | null; readonly address?: string | null }[];
  readonly facts: string;
  readonly terms: readonly string[];
  readonly performance: string;
  readonly copies: number;
  readonly mediator: string;
  /** ISO instant of signing. */
  readonly signedAt: string;
}

/** Render the agreement (a complete HTML document, UTF-8). */
export function renderAgreement(d: AgreementDocumentInput): string {
  const day = formatLocal(new Date(d.signedAt)).slice(0, 10).split('-');
  const dateZh = `${day[0]}年${Number(day[1])}月${Number(day[2])}日`;
  const parties = d.parties
    .map((p) => `<p><b>${esc(SIDE[p.side] ?? p.side)}：</b>${esc(p.name)}${p.kind === 'organisation' ? '（单位）' : ''}${p.address ? `，住址：${esc(p.address)}` : ''}${p.phone ? `，联系电话：${esc(p.phone)}` : ''}</p>`)
    .join('\n');
  const signatures = d.parties.map((p) => `<div class="sig">${esc(SIDE[p.side] ?? p.side)}（签名、盖章或按指印）：<span class="line"></span></div>`).join('\n');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>人民调解协议书 ${esc(d.agreementNo)}</title>
<style>
@page { size: A4; margin: 25mm 20mm; }
body { font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", serif; font-size: 14pt; line-height: 1.8; max-width: 170mm; margin: 0 auto; color: #000; }
h1 { text-align: center; font-size: 22pt; letter-spacing: 0.3em; margin: 0 0 4mm; }
.no { text-align: right; font-size: 12pt; }
h2 { font-size: 14pt; margin: 6mm 0 2mm; }
ol { margin: 0; padding-left: 2em; }
.sig { margin: 6mm 0; }
.line { display: inline-block; width: 60mm; border-bottom: 1px solid #000; }
.seal { margin-top: 10mm; text-align: right; }
@media print { .noprint { display: none; } }
</style></head>
<body>
<h1>人民调解协议书</h1>
<p class="no">编号：${esc(d.agreementNo)}（案件 ${esc(d.appealNo)}）</p>
<h2>当事人基本情况</h2>
${parties}
<h2>纠纷主要事实、争议事项</h2>
<p>${esc(d.facts)}</p>
<h2>经调解，当事人自愿达成如下协议</h2>
<ol>${d.terms.map((t) => `<li>${esc(t)}</li>`).join('')}</ol>
<h2>履行方式、时限</h2>
<p>${esc(d.performance)}</p>
<p>本协议自各方当事人签名、盖章或者按指印，人民调解员签名并加盖人民调解委员会印章之日起生效。经人民调解委员会调解达成的调解协议，具有法律约束力，当事人应当按照约定履行（《中华人民共和国人民调解法》第三十一条）。当事人可以自本协议生效之日起三十日内共同向人民法院申请司法确认（同法第三十三条）。</p>
<p>本协议一式 ${d.copies} 份，当事人、人民调解委员会各执一份。</p>
${signatures}
<div class="sig">人民调解员（签名）：${esc(d.mediator)} <span class="line"></span></div>
<div class="seal">${esc(d.orgName)}（印章）<br>${dateZh}</div>
<p class="noprint"><button onclick="window.print()">打印 Print</button></p>
</body></html>
`;
}
