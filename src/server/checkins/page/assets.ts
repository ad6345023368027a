// The check-in pages' stylesheet and script, served from /c/assets/ (no inline script or
// handler, so helmet's `script-src 'self'` holds). The script only enhances: autosave of the
// answers so far, live progress, one submission per tap, and never a page restored from the
// back-forward cache on a shared device.
import crypto from "node:crypto";

export const CHECKIN_CSS = `
*{box-sizing:border-box}
html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;font-size:100%;line-height:1.5;color:#1a1a1a;background:#fff}
body{margin:0 auto;max-width:40rem;padding:0 1rem 2rem}
a{color:#0b4f8a}
:focus-visible{outline:3px solid #8a3b00;outline-offset:2px}
.top{display:flex;flex-wrap:wrap;justify-content:space-between;align-items:center;gap:.5rem;padding:.75rem 0;border-bottom:1px solid #767676}
.help{font-weight:700;color:#8a1c1c;padding:.5rem 0;min-height:44px;display:inline-flex;align-items:center}
.langs{display:flex;gap:1rem;list-style:none;margin:0;padding:0}
.langs a,.langs span{display:inline-block;padding:.5rem .25rem;min-height:44px}
h1{font-size:1.5rem;margin:1rem 0 .5rem}
h2{font-size:1.2rem;margin:1.5rem 0 .5rem}
.watch,.note{background:#f3f3f3;padding:.75rem;border-left:4px solid #595959}
.stem{font-weight:600}
.item{border:1px solid #767676;border-radius:.5rem;margin:0 0 1rem;padding:.75rem}
.item legend{font-weight:600;padding:0 .25rem}
.qn{display:block;font-weight:400;font-size:.9rem;color:#4a4a4a}
.opts{display:flex;flex-direction:column;gap:.25rem;margin-top:.5rem}
.opts.scale{flex-direction:row;flex-wrap:wrap}
.opt{display:flex;align-items:center;gap:.5rem;min-height:44px;padding:.25rem .5rem;border:1px solid #c4c4c4;border-radius:.375rem;cursor:pointer}
.opts.scale .opt{min-width:3rem;justify-content:center}
.opt input{width:1.25rem;height:1.25rem;margin:0;accent-color:#0b4f8a}
.has-error{border:2px solid #b00020}
.error{color:#b00020;font-weight:600;margin:.25rem 0}
.summary{border:3px solid #b00020;padding:.75rem;margin:1rem 0}
.summary h2{margin-top:0;font-size:1.1rem}
.progress p{margin:.5rem 0 .25rem}
progress{width:100%;height:1rem}
.attribution{font-size:.8rem;color:#4a4a4a}
.field label{display:block;font-weight:600}
.hint{margin:.25rem 0;color:#4a4a4a}
textarea{width:100%;font:inherit;padding:.5rem;border:1px solid #595959;border-radius:.375rem}
.actions{display:flex;flex-wrap:wrap;gap:.75rem;margin:1.5rem 0 .5rem}
button{font:inherit;font-weight:600;min-height:48px;padding:.5rem 1.25rem;border-radius:.5rem;cursor:pointer}
.primary{background:#0b4f8a;color:#fff;border:2px solid #0b4f8a}
.secondary{background:#fff;color:#0b4f8a;border:2px solid #0b4f8a}
.notice{padding:.75rem;border-left:4px solid #0b4f8a;background:#eef4fa}
.notice.failed{border-color:#b00020;background:#fdeef0}
.crisis{margin-top:2rem;padding:1rem;border:2px solid #8a1c1c;border-radius:.5rem}
.crisis h2{margin-top:0}
.chart{width:100%;height:auto}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:.375rem;border-bottom:1px solid #c4c4c4}
`;

export const CHECKIN_JS = `(function(){
"use strict";
addEventListener("pageshow",function(e){if(e.persisted)location.reload();});
var form=document.querySelector("form[data-checkin]");
if(!form)return;
var total=+form.getAttribute("data-total"),bar=document.getElementById("progress"),
text=document.getElementById("progress-text"),status=document.getElementById("save-status"),
template=form.getAttribute("data-progress"),target=form.getAttribute("action"),timer=0,pending=false,sent=false;
function answered(){var seen={},n=0;form.querySelectorAll("input[type=radio]:checked").forEach(function(i){if(!seen[i.name]){seen[i.name]=1;n++;}});return n;}
function update(){var n=answered();bar.value=n;text.textContent=template.replace("{answered}",n).replace("{total}",total);}
function body(){var d=new URLSearchParams(new FormData(form));d.set("action","save");return d;}
function save(){pending=false;fetch(target,{method:"POST",body:body(),headers:{accept:"application/json"},credentials:"same-origin"})
.then(function(r){if(r.ok)status.textContent=form.getAttribute("data-saved");}).catch(function(){pending=true;});}
function later(){pending=true;clearTimeout(timer);timer=setTimeout(save,300);}
form.addEventListener("change",function(){update();later();});
form.addEventListener("input",function(e){if(e.target&&e.target.tagName==="TEXTAREA")later();});
addEventListener("pagehide",function(){if(pending&&!sent&&navigator.sendBeacon)navigator.sendBeacon(target,body());});
form.addEventListener("submit",function(e){var s=e.submitter;if(s&&s.value==="save")return;
if(sent){e.preventDefault();return;}sent=true;clearTimeout(timer);});
var errors=document.getElementById("errors");if(errors)errors.focus();
})();
`;

export function etagOf(text: string): string {
  return `"${crypto.createHash("sha256").update(text).digest("base64url").slice(0, 16)}"`;
}
