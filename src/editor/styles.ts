// The editor's styles, added to the page with the editor (the newsroom's CSP
// allows inline styles). Touch targets are at least 44 px; the toolbar wraps
// on a 360 px phone. Colours meet WCAG AA on white.
export const EDITOR_CSS = `
.pm-wrap{border:1px solid #aab;border-radius:4px;background:#fff;margin-bottom:8px}
.pm-toolbar{display:flex;flex-wrap:wrap;gap:4px;padding:6px;border-bottom:1px solid #ccd;background:#f6f7f9;position:sticky;top:0;z-index:2}
.pm-toolbar button{min-width:44px;min-height:44px;margin:0;padding:6px 10px;background:#fff;color:#0b5d3b;border:1px solid #0b5d3b;font-size:.95rem}
.pm-toolbar button[aria-pressed=true]{background:#0b5d3b;color:#fff}
.pm-toolbar button:disabled{color:#595959;border-color:#8a8a8a;cursor:default}
.pm-toolbar .pm-sep{flex-basis:100%;height:0}
@media (min-width:700px){.pm-toolbar .pm-sep{flex-basis:auto;width:8px}}
.pm-status{margin:0;padding:0 8px;font-size:.9rem;color:#333;min-height:1.2em}
.pm-editor{min-height:20em;padding:10px 12px;outline:none;white-space:pre-wrap;word-wrap:break-word;line-height:1.6}
.pm-editor:focus-visible{box-shadow:inset 0 0 0 3px #1a5fb4}
.pm-editor p{margin:0 0 .8em}
.pm-editor h2{font-size:1.25rem;margin:1em 0 .5em}
.pm-editor a{color:#0b4f8a;text-decoration:underline}
.pm-quote{border-left:4px solid #0b5d3b;margin:0 0 1em;padding:4px 12px;font-style:italic}
.pm-cite,.pm-aside-title{font-style:normal;font-weight:bold}
.pm-aside{border:1px solid #0b5d3b;background:#eef6f1;padding:8px 12px;margin:0 0 1em}
.pm-editor [data-placeholder]:empty::before{content:attr(data-placeholder);color:#595959;font-weight:normal}
.pm-editor table{border-collapse:collapse;width:100%;margin:0 0 1em;table-layout:fixed}
.pm-editor td,.pm-editor th{border:1px solid #889;padding:6px;vertical-align:top;min-width:3em}
.pm-editor th{background:#eef0f3}
.pm-editor .selectedCell{background:#d7e6f7}
.pm-empty-cell{color:#595959;font-weight:normal;font-size:.85rem;user-select:none}
.pm-editor ul,.pm-editor ol{margin:0 0 1em;padding-left:1.6em}
.pm-card{border:1px solid #aab;border-radius:4px;padding:8px;margin:0 0 1em;background:#fafbfc;white-space:normal}
.pm-card img{display:block;max-width:180px;height:auto;margin-bottom:6px}
.pm-card .pm-field{display:block;margin:4px 0}
.pm-card .pm-field span{display:block;font-size:.9rem}
.pm-card button,.pm-dialog button{min-height:44px}
.pm-card.ProseMirror-selectednode{outline:3px solid #1a5fb4}
.pm-dialog{max-width:min(32em,calc(100vw - 24px));width:100%;border:1px solid #556;border-radius:6px;padding:16px}
.pm-dialog h2{margin-top:0;font-size:1.2rem}
.pm-dialog .pm-field{display:block;margin:0 0 10px}
.pm-dialog ul{list-style:none;padding:0;margin:8px 0;max-height:50vh;overflow:auto}
.pm-dialog li button{width:100%;text-align:left;background:#fff;color:#0b4f8a;border-color:#aab}
.pm-error{color:#a61b1b;margin:4px 0}
.ProseMirror-hideselection *::selection{background:transparent}
.ProseMirror-hideselection{caret-color:transparent}
`;
