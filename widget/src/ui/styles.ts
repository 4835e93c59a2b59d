import type { Theme } from '../types';

// Host-page CSS cannot reach inside the shadow root, but it can style the host element itself
// (`* { all: unset }`): `:host` declarations marked !important win over any outer rule.
const css = `
:host{all:initial!important;display:block!important;position:static!important;visibility:visible!important;opacity:1!important;contain:none!important}
.r{--a:#4338ca;--at:#fff;--rad:14px;--f:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans JP",sans-serif;--bg:#fff;--fg:#1f2328;--mu:#57606a;--bd:#d0d7de;--ib:#f1f3f6;--sh:0 12px 40px rgba(0,0,0,.18);
font:15px/1.45 var(--f);color:var(--fg);text-align:left;letter-spacing:normal;-webkit-font-smoothing:antialiased}
@media (prefers-color-scheme:dark){.r:not(.lt){--a:#a5b4fc;--at:#111827;--bg:#1d2026;--fg:#e6edf3;--mu:#a3acb7;--bd:#3d444d;--ib:#2b3038;--sh:0 12px 40px rgba(0,0,0,.6)}}
.r.dk{--a:#a5b4fc;--at:#111827;--bg:#1d2026;--fg:#e6edf3;--mu:#a3acb7;--bd:#3d444d;--ib:#2b3038;--sh:0 12px 40px rgba(0,0,0,.6)}
*,*::before,*::after{box-sizing:border-box}
[hidden]{display:none!important}
.p{position:fixed;z-index:2147483000;bottom:20px;right:20px;width:min(380px,calc(100vw - 24px));max-height:min(620px,calc(100vh - 40px));display:flex;flex-direction:column;background:var(--bg);color:var(--fg);border:1px solid var(--bd);border-radius:var(--rad);box-shadow:var(--sh);overflow:hidden;animation:in .22s ease-out}
.left .p,.left .pill{right:auto;left:20px}
.pg .p{inset:0;width:auto;max-height:none;border:0;border-radius:0;box-shadow:none;animation:none;align-items:center}
.pg .in{width:100%;max-width:680px;height:100%;display:flex;flex-direction:column;min-height:0}
.pg .card{width:100%;max-width:680px;margin:auto 0}
.in{display:flex;flex-direction:column;min-height:0;flex:1}
@keyframes in{from{opacity:0;transform:translateY(12px)}to{opacity:1;transform:none}}
.card{padding:20px}
h2{margin:0;font-size:17px;line-height:1.3;font-weight:650;color:var(--fg)}
p{margin:8px 0 0;color:var(--mu)}
.hint{font-size:13px;color:var(--mu);margin-top:4px;display:flex;align-items:center;gap:6px}
.acts{display:flex;flex-wrap:wrap;gap:8px;margin-top:16px}
button{font:inherit;cursor:pointer;border-radius:calc(var(--rad) - 4px);border:1px solid var(--bd);background:transparent;color:var(--fg);padding:8px 14px;min-height:40px;margin:0}
button:hover{background:var(--ib)}
.pri{background:var(--a);color:var(--at);border-color:var(--a);font-weight:600}
.pri:hover{background:var(--a);filter:brightness(1.08)}
.lnk{border-color:transparent;color:var(--mu)}
button:focus-visible,textarea:focus-visible,.log:focus-visible{outline:3px solid var(--a);outline-offset:2px}
h2:focus{outline:none}
.hd{display:flex;align-items:flex-start;gap:8px;padding:14px 14px 12px 18px;border-bottom:1px solid var(--bd)}
.hd>div{flex:1;min-width:0}
.ic{width:36px;height:36px;min-height:36px;padding:0;border-color:transparent;font-size:20px;line-height:1;color:var(--mu)}
.log{flex:1;overflow-y:auto;padding:16px 18px;display:flex;flex-direction:column;gap:10px;min-height:160px;overscroll-behavior:contain}
.m{max-width:85%;padding:9px 13px;border-radius:var(--rad);white-space:pre-wrap;overflow-wrap:anywhere;background:var(--ib);color:var(--fg);align-self:flex-start;border-bottom-left-radius:4px}
.m.c{align-self:flex-end;background:var(--a);color:var(--at);border-bottom-left-radius:var(--rad);border-bottom-right-radius:4px}
.m.pend{opacity:.75}
.sr{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}
.ty{align-self:flex-start;display:flex;align-items:center;gap:4px;padding:12px 14px;background:var(--ib);border-radius:var(--rad)}
.ty i{width:7px;height:7px;border-radius:50%;background:var(--mu);animation:b 1.2s infinite ease-in-out}
.tt{align-self:center;margin-left:6px;font-size:13px;color:var(--mu)}.tt:empty{display:none}
.ty i:nth-child(2){animation-delay:.15s}.ty i:nth-child(3){animation-delay:.3s}
@keyframes b{0%,80%,100%{opacity:.3;transform:none}40%{opacity:1;transform:translateY(-3px)}}
.cnt{order:3;flex-basis:100%;text-align:end;font-size:12px;color:var(--mu);margin-top:-4px}.cnt:empty{display:none}.cnt.over{color:#c62828;font-weight:600}
.rt{padding:4px 14px 10px}
.rs{display:grid;gap:6px;grid-template-columns:repeat(var(--rn),minmax(44px,1fr))}
.rs.s11{--rn:6}.rs.s5{--rn:5}.rs.s7{--rn:7}
@media (min-width:640px){.pg .rs.s11{--rn:11}}
.rs button{min-width:44px;min-height:44px;padding:0;font-weight:600;font-variant-numeric:tabular-nums}
.rs button[aria-checked=true]{background:var(--a);color:var(--at);border-color:var(--a)}
.rs button[aria-disabled=true]{cursor:default}
.re{display:flex;justify-content:space-between;gap:12px;margin-top:6px;font-size:12px;color:var(--mu)}
.re span:last-child{text-align:end}
.rh{margin:6px 0 0;font-size:12px}
.note{margin:0 18px 8px;font-size:13px;color:var(--mu)}.note:empty{display:none}
form{display:flex;flex-wrap:wrap;gap:8px;align-items:flex-end;padding:12px 14px 14px;border-top:1px solid var(--bd);margin:0}
textarea{flex:1;font:inherit;color:var(--fg);background:var(--bg);border:1px solid var(--bd);border-radius:calc(var(--rad) - 4px);padding:9px 11px;resize:none;min-height:42px;max-height:140px;margin:0}
textarea::placeholder{color:var(--mu);opacity:1}
.pill{position:fixed;z-index:2147483000;bottom:20px;right:20px;background:var(--a);color:var(--at);border-color:var(--a);border-radius:999px;padding:10px 18px;box-shadow:var(--sh);font-weight:600}
.pill:hover{background:var(--a)}
.mh{display:flex;align-items:flex-start;gap:8px}.mh h2{flex:1;min-width:0;overflow-wrap:anywhere}.mh .ic{margin:-8px -8px 0 0}
.mb{white-space:pre-line;overflow-wrap:anywhere}
.btn{display:inline-flex;align-items:center;text-decoration:none;border:1px solid var(--a);border-radius:calc(var(--rad) - 4px);padding:8px 14px;min-height:40px}
a:focus-visible{outline:3px solid var(--a);outline-offset:2px}
.thx{padding:18px 22px 20px;text-align:center;border-top:1px solid var(--bd)}
.thx .acts{justify-content:center}
@media (max-width:480px){.p{bottom:0;right:0;left:0;width:100%;max-height:85vh;border-radius:var(--rad) var(--rad) 0 0}}
@media (prefers-reduced-motion:reduce){.p{animation:none}.ty i{animation:none;opacity:.7}}
`;

const safe = (v: string | undefined) => (v && /^[\w\s#%.,()'"+-]{1,120}$/.test(v) ? v : undefined);

/** The stylesheet text, with the host's theme variables (validated: no way out of the declaration). */
export function buildCss(theme: Theme = {}): string {
  const vars = [
    ['--a', safe(theme.accent)],
    ['--at', safe(theme.accentText)],
    ['--rad', safe(theme.radius)],
    ['--f', safe(theme.font)],
  ]
    .filter(([, v]) => v)
    .map(([k, v]) => `${k}:${v}!important`)
    .join(';');
  return vars ? `${css}.r{${vars}}` : css;
}

/**
 * Applies the CSS inside the shadow root without any inline style, so a strict `style-src`
 * CSP holds: a constructable stylesheet, or a <style> with the host's nonce as a fallback.
 */
export function applyCss(root: ShadowRoot, text: string, nonce?: string) {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(text);
    root.adoptedStyleSheets = [sheet];
  } catch {
    const style = document.createElement('style');
    if (nonce) style.nonce = nonce;
    style.textContent = text;
    root.append(style);
  }
}
