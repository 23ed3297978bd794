import { createHash } from 'node:crypto';

// The cockpit's one stylesheet and its few scripts, inline and allowed by hash in the CSP (no
// third-party source, no 'unsafe-inline'). A page adds a script by adding it to SCRIPTS.

export const CSS = [
  ':root{--ink:#1a1a1a;--muted:#4d4d4d;--line:#c9ced6;--bg:#f5f7fa;--accent:#0b4f8a;--warn:#8a1c00;--ok:#1d5e20}',
  '*{box-sizing:border-box}body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--ink);background:#fff}',
  'a{color:var(--accent)}a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,textarea:focus-visible,summary:focus-visible{outline:3px solid #f5a623;outline-offset:2px}',
  '.skip{position:absolute;left:-9999px}.skip:focus{left:8px;top:8px;background:#fff;padding:8px;z-index:2}',
  'header{background:var(--accent);color:#fff;padding:8px 16px;display:flex;flex-wrap:wrap;gap:8px 16px;align-items:center}',
  'header a,header button{color:#fff}header .who{margin-left:auto;font-size:14px}header form{display:inline}',
  'header button{background:none;border:1px solid #fff;border-radius:4px;padding:4px 10px;font:inherit;cursor:pointer}',
  'nav ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:4px 14px}nav a{text-decoration:none;padding:2px 0;display:inline-block}nav a[aria-current=page]{border-bottom:3px solid #fff;font-weight:600}',
  'main{max-width:1100px;margin:0 auto;padding:16px}h1{font-size:24px;margin:8px 0 16px}h2{font-size:18px;margin:24px 0 8px}',
  'table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:6px 8px;border-bottom:1px solid var(--line);vertical-align:top}th{font-weight:600;background:var(--bg)}',
  '.table-wrap{overflow-x:auto}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}',
  'label{display:block;font-weight:600;margin:8px 0 4px}input,select,textarea{font:inherit;padding:6px 8px;border:1px solid #767676;border-radius:4px;max-width:100%}textarea{width:100%;min-height:4em}',
  'button,.button{font:inherit;padding:7px 14px;background:var(--accent);color:#fff;border:0;border-radius:4px;cursor:pointer;text-decoration:none;display:inline-block}',
  'button.secondary{background:#fff;color:var(--accent);border:1px solid var(--accent)}',
  '.filters{display:flex;flex-wrap:wrap;gap:8px 12px;align-items:flex-end;background:var(--bg);padding:8px 12px;border-radius:4px}.filters label{margin:0 0 2px;font-size:14px}',
  '.note{background:var(--bg);padding:8px 12px;border-left:4px solid var(--accent)}.error{color:var(--warn);font-weight:600}.risk{color:var(--warn);font-weight:600}.ok{color:var(--ok)}',
  '.muted{color:var(--muted)}.badge{display:inline-block;padding:0 6px;border-radius:10px;background:var(--bg);border:1px solid var(--line);font-size:13px}',
  '.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(240px,1fr));gap:12px}.card{border:1px solid var(--line);border-radius:6px;padding:12px}',
  'dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 12px}dt{font-weight:600}dd{margin:0}',
  'svg text{font:12px system-ui,sans-serif;fill:var(--ink)}.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}',
  '.inbox{list-style:none;padding:0;margin:12px 0;display:grid;gap:12px}.inbox h2{margin:0 0 4px;font-size:17px}.pre{white-space:pre-line;overflow-wrap:anywhere}.plain{list-style:none;padding-left:0}input[type=date]:focus,input[type=date]:focus-within{outline:3px solid #f5a623;outline-offset:2px}',
  '.actions{display:flex;flex-wrap:wrap;gap:8px 12px;align-items:flex-start;margin-top:8px}.actions form{margin:0}.actions details{flex:1 1 220px}.actions summary,details>summary{cursor:pointer;padding:6px 0;color:var(--accent)}',
  'fieldset{border:1px solid var(--line);border-radius:4px;margin:12px 0;padding:8px 12px}legend{font-weight:600;padding:0 4px}label.choice{font-weight:400;display:flex;gap:8px;align-items:baseline}svg.bars{width:100%;max-width:640px;height:auto}.reasons li{margin:4px 0}h3{font-size:16px;margin:16px 0 6px}.nowrap{white-space:nowrap}',
  'pre{background:var(--bg);border:1px solid var(--line);border-radius:4px;padding:8px 12px;overflow-x:auto;white-space:pre-wrap;word-break:break-all}.previews{display:flex;flex-wrap:wrap;gap:12px}iframe.preview{border:1px solid var(--line);border-radius:6px;width:100%;max-width:460px;height:640px}dl.facts{grid-template-columns:minmax(0,max-content) minmax(0,1fr)}dl.facts dd{overflow-wrap:anywhere}svg.chart{display:block;max-width:640px;margin:8px 0}.card dl{grid-template-columns:minmax(0,1fr);gap:0}.card dd{overflow-wrap:anywhere;margin-bottom:6px}',
  '@media (max-width:480px){main{padding:12px}th,td{padding:4px 6px}header .who{margin-left:0}}',
].join('');

/** Inline scripts by name (progressive enhancement only: every page works without them). */
export const SCRIPTS: Record<string, string> = {
  // The embed page's copy buttons (hidden until this runs): copies the snippet, says so in its status.
  copy: "document.querySelectorAll('[data-copy]').forEach(function(b){b.hidden=false;b.addEventListener('click',function(){var id=b.getAttribute('data-copy'),s=document.getElementById(id+'-status');navigator.clipboard.writeText(document.getElementById(id).textContent).then(function(){s.textContent=b.getAttribute('data-done')},function(){s.textContent=b.getAttribute('data-fail')})})})",
};

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

export function cockpitCsp(): string {
  const scripts = Object.values(SCRIPTS).map(sha256);
  return [
    "default-src 'none'",
    `style-src ${sha256(CSS)}`,
    `script-src ${scripts.length ? scripts.join(' ') : "'none'"}`,
    "img-src 'self' data:",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join('; ');
}
