// The newsroom's stylesheet, inlined like the reader's: one request, usable on a phone.
export const ADMIN_CSS = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;color:#1a1a1a;background:#f5f6f5}
a{color:#0b5d3b}
.bar{background:#0b5d3b;color:#fff;padding:8px 12px;display:flex;flex-wrap:wrap;gap:4px 14px;align-items:center}
.bar a,.bar button{color:#fff;background:none;border:0;font:inherit;padding:6px 0;cursor:pointer;text-decoration:none}
.bar .who{margin-left:auto;font-size:.85rem;opacity:.9}
.bar form{margin:0}
.bar.held>a{display:none}
main{max-width:960px;margin:0 auto;padding:16px 12px 48px}
h1{font-size:1.4rem;margin:0 0 12px}
.card{background:#fff;border:1px solid #dde;border-radius:6px;padding:14px;margin:0 0 14px}
label{display:block;font-weight:600;margin:10px 0 4px}
.hint{font-weight:400;color:#555;font-size:.85rem}
input[type=text],input[type=email],input[type=password],input[type=number],input[type=search],input[type=datetime-local],select,textarea{width:100%;padding:10px;border:1px solid #aab;border-radius:4px;font:inherit;background:#fff}
textarea{min-height:8em}
textarea.body{min-height:24em;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.95rem}
button,.button{display:inline-block;padding:10px 16px;border:1px solid #0b5d3b;border-radius:4px;background:#0b5d3b;color:#fff;font:inherit;cursor:pointer;text-decoration:none;margin:4px 4px 4px 0}
button.secondary,.button.secondary{background:#fff;color:#0b5d3b}
button.danger{background:#a61b1b;border-color:#a61b1b}
.error{background:#fdecea;border:1px solid #e3a39d;color:#7a1010;padding:10px 12px;border-radius:4px;margin:0 0 12px}
.ok{background:#e7f5ec;border:1px solid #9fd0b1;color:#0b4d2b;padding:10px 12px;border-radius:4px;margin:0 0 12px}
.field-error{color:#a61b1b;font-size:.9rem;margin:4px 0 0}
table{width:100%;border-collapse:collapse;background:#fff}
th,td{text-align:left;padding:8px;border-bottom:1px solid #e3e3e3;vertical-align:top}
.filters{display:grid;grid-template-columns:repeat(auto-fit,minmax(140px,1fr));gap:8px;align-items:end}
.status{display:inline-block;padding:2px 8px;border-radius:10px;background:#eef;font-size:.8rem;white-space:nowrap}
.thumbs{display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:10px}
.thumbs figure{margin:0;background:#fff;border:1px solid #dde;padding:6px;font-size:.85rem}
.thumbs img{width:100%;height:auto;display:block}
.thumbs .pick{margin:0;background:#fff;border:1px solid #dde;padding:6px;font-weight:400;font-size:.85rem}
fieldset{border:0;padding:0;margin:10px 0}
.share-card{margin:12px 0 4px}
.share-card h2{font-size:1rem;margin:0 0 6px}
.share-card-box{display:flex;flex-wrap:wrap;gap:10px;border:1px solid #dde;border-radius:6px;background:#f7f8fa;padding:8px;max-width:560px}
.share-card-box img{width:240px;max-width:100%;height:auto;aspect-ratio:1200/630;object-fit:cover;background:#e3e6ea}
.share-card-box div{flex:1 1 200px;min-width:0}
.share-card-box p{margin:0 0 4px;overflow-wrap:anywhere}
.photo-choice{border:1px solid #dde;border-radius:6px;padding:6px 12px 10px;margin:14px 0}
.photo-choice legend{font-weight:600;padding:0 4px}
.photo-current{display:flex;flex-wrap:wrap;align-items:center;gap:8px 12px;margin:6px 0}
.photo-current img{width:120px;height:68px;object-fit:cover;background:#e3e6ea}
.photo-none{display:inline-flex;align-items:center;justify-content:center;width:120px;height:68px;background:#f0f1f3;border:1px dashed #889;color:#444;font-size:.85rem;text-align:center}
.photo-words{flex:1 1 140px;font-size:.9rem;overflow-wrap:anywhere}
.photo-buttons{display:flex;flex-wrap:wrap;gap:0 4px}
.thumbs.photo-options{grid-template-columns:repeat(auto-fill,minmax(120px,1fr))}
.photo-options .pick{display:flex;flex-direction:column;gap:4px;cursor:pointer;overflow-wrap:anywhere}
.photo-options input[type=radio]{width:24px;height:24px;margin:0}
.photo-search{display:flex;gap:8px;align-items:center}
.photo-search input{flex:1;min-width:0}
dialog.photo-picker{width:min(760px,calc(100vw - 16px));max-width:none;max-height:calc(100vh - 16px);padding:0 12px 12px;border:1px solid #889;border-radius:8px;overflow:auto}
dialog.photo-picker::backdrop{background:rgba(0,0,0,.55)}
.photo-picker button{min-height:44px;min-width:44px}
.pp-head{display:flex;align-items:center;justify-content:space-between;gap:8px;position:sticky;top:0;background:#fff;z-index:1;padding:8px 0;border-bottom:1px solid #dde}
.pp-head h2{margin:0;font-size:1.2rem}
.pp-search{display:flex;flex-wrap:wrap;gap:0 10px;align-items:flex-end}
.pp-field{flex:1 1 200px}
.pp-search .hint{flex-basis:100%;margin:2px 0}
.pp-status{margin:8px 0}
.pp-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
.pp-status:empty{display:none}
.pp-grid{list-style:none;margin:8px 0;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(140px,1fr));gap:8px}
.pp-grid li{display:flex;flex-direction:column;border:1px solid #dde;border-radius:6px;padding:4px;background:#fff;min-width:0}
.photo-picker .pp-photo{display:flex;flex-direction:column;align-items:stretch;gap:2px;text-align:left;background:#fff;color:#1a1a1a;border:2px solid transparent;padding:4px;margin:0;width:100%}
.photo-picker .pp-photo:hover,.photo-picker .pp-photo:focus-visible{border-color:#0b5d3b}
.pp-photo img{width:100%;height:auto;aspect-ratio:16/9;object-fit:cover;background:#e3e6ea}
.pp-words{font-size:.85rem;overflow:hidden;display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical;overflow-wrap:anywhere}
.pp-meta{font-size:.75rem;color:#444}
.photo-picker .pp-edit-button{margin:4px 0 0;padding:6px 8px;font-size:.85rem}
.pp-pages{display:flex;align-items:center;gap:8px;flex-wrap:wrap}
.pp-upload-box{border-top:1px solid #dde;margin-top:8px}
.pp-upload-box summary{padding:11px 0;font-weight:600;cursor:pointer}
.pp-drop{border:2px dashed #889;border-radius:6px;padding:12px;text-align:center;color:#333;margin:4px 0}
.pp-dragging .pp-drop{border-color:#0b5d3b;background:#e7f5ec}
.photo-picker input[type=file]{width:100%;min-height:44px}
.pp-editor img{width:160px;height:90px;object-fit:cover;background:#e3e6ea}
.share-host{color:#555;font-size:.8rem;text-transform:uppercase}
.share-title{font-weight:700}
.share-description{color:#333;font-size:.9rem}
legend{font-weight:600;padding:0}
code{background:#eef;padding:1px 4px;border-radius:3px}
.actions{margin-top:14px}
.sessions{list-style:none;padding:0;margin:0}
.sessions h2{font-size:1.05rem;margin:0 0 6px;display:flex;flex-wrap:wrap;gap:6px;align-items:center}
.sessions p{margin:0 0 8px}
.temp-password code{display:inline-block;font-size:1.35rem;letter-spacing:.04em;padding:6px 10px;overflow-wrap:anywhere;user-select:all}
.row-actions{display:flex;flex-wrap:wrap;gap:0 12px;align-items:center;margin-top:6px}
.row-actions form{margin:0}
.row-actions a{display:inline-block;padding:6px 0}
.row-actions button{white-space:nowrap}
@media(max-width:600px){th:nth-child(n+4),td:nth-child(n+4){display:none}
.people thead{display:none}.people tr{display:block;border-bottom:1px solid #e3e3e3;padding:6px 0}.people td{display:block;border:0;padding:2px 8px;overflow-wrap:anywhere}
.people select{width:auto;max-width:100%}}
`.replace(/\\n/g, "");
