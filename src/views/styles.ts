// The whole stylesheet, inlined in every page's <head>: one request, nothing
// render-blocking, and small enough to keep an article inside the first
// 14 KB on the wire. System fonts only (all of them cover Vietnamese).
export const SITE_CSS = `
:root{--brand:#0b5d3b;--ink:#1a1a1a;--muted:#555;--line:#ddd;--bg:#fff;--box:#f3f6f4;color-scheme:light}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:17px/1.6 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Helvetica Neue",Arial,sans-serif;color:var(--ink);background:var(--bg)}
a{color:var(--brand)}
a:hover{text-decoration-thickness:2px}
img{max-width:100%;height:auto;display:block;background:#e8ece9}
.skip{position:absolute;left:-999px}
.skip:focus{left:8px;top:8px;background:#fff;padding:8px;z-index:9}
.wrap{max-width:1080px;margin:0 auto;padding:0 16px}
.site-header{border-bottom:3px solid var(--brand)}
.masthead{display:flex;align-items:baseline;justify-content:space-between;gap:12px;padding:10px 0}
.logo{font-size:1.5rem;font-weight:800;color:var(--brand);text-decoration:none;letter-spacing:-.5px}
.tagline{color:var(--muted);font-size:.85rem}
@media(max-width:599px){.tagline{display:none}}
.nav{overflow-x:auto;white-space:nowrap}
.nav ul{list-style:none;margin:0;padding:0 0 6px;display:flex;gap:18px}
.nav a{display:inline-block;padding:8px 0;color:var(--ink);text-decoration:none;font-weight:600;font-size:.95rem}
.nav a[aria-current]{color:var(--brand);box-shadow:inset 0 -3px var(--brand)}
main{padding:16px 0 32px}
.article{max-width:680px}
.section-label{margin:0 0 6px;font-size:.85rem;font-weight:700;text-transform:uppercase}
.section-label a{text-decoration:none}
h1{font-size:1.6rem;line-height:1.3;margin:0 0 8px}
.kicker{display:block;font-size:1rem;color:var(--brand);font-weight:700}
.dateline{color:var(--muted);font-size:.9rem;margin:0 0 12px;display:flex;justify-content:space-between;gap:8px}
.edition{font-size:.85rem}
.photo-link{font-size:.9rem;font-style:italic}
.portrait{display:block;width:120px;height:auto;border-radius:4px;margin:0 0 12px}
.lead{font-weight:700;margin:0 0 16px}
figure{margin:0 0 18px}
figcaption{font-size:.9rem;color:var(--muted);padding:6px 0;font-style:italic}
.credit{font-style:normal;white-space:nowrap}
.body h2{font-size:1.05rem;text-transform:uppercase;margin:24px 0 8px}
.body p{margin:0 0 14px}
.body ul,.body ol{margin:0 0 14px;padding-left:24px}
.body li{margin:0 0 6px}
blockquote em{font-style:normal}
blockquote{margin:0 0 16px;padding:4px 0 4px 14px;border-left:4px solid var(--brand);font-style:italic}
blockquote p{margin:0}
blockquote footer{font-style:normal;color:var(--muted);font-size:.9rem}
.byline{text-align:right;font-weight:700;text-transform:uppercase;margin:18px 0}
.byline a{color:var(--ink);text-decoration:none}
.box,.body .see-also{background:var(--box);border-left:4px solid var(--brand);padding:12px 16px;margin:0 0 18px}
.tbl{overflow-x:auto;margin:0 0 18px}
.tbl table{border-collapse:collapse;font-size:.9rem}
.tbl th,.tbl td{border:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top}
.tbl th{background:var(--box)}
.tbl caption{text-align:left;font-weight:700;padding:0 0 6px}
.video{aspect-ratio:16/9;background:#1a1a1a;margin:0 0 18px}
.video a,.video iframe{position:relative;display:block;width:100%;height:100%;border:0;color:#fff;text-decoration:none}
.video img{width:100%;height:100%;object-fit:cover}
.vp{position:absolute;left:50%;top:40%;width:68px;height:48px;margin:-24px 0 0 -34px;border-radius:12px;background:#c00}
.vp:after{content:"";position:absolute;left:26px;top:14px;border:10px solid transparent;border-left:18px solid #fff;border-right:0}
.vt{position:absolute;left:0;right:0;bottom:0;padding:6px 12px;background:#1a1a1a;font-size:.9rem}
.box h2{font-size:1rem;margin:0 0 8px}
.box p{margin:0 0 8px}
.box p:last-child{margin:0}
.tags{list-style:none;padding:0;margin:0 0 24px;display:flex;flex-wrap:wrap;gap:8px}
.tags a{display:inline-block;padding:6px 12px;border:1px solid var(--line);border-radius:16px;font-size:.9rem;text-decoration:none;color:var(--ink)}
.block-title{font-size:1.1rem;text-transform:uppercase;border-bottom:2px solid var(--brand);padding-bottom:4px;margin:24px 0 12px}
.block-title a{text-decoration:none}
.teasers{list-style:none;margin:0;padding:0}
.teaser{display:flex;gap:12px;padding:12px 0;border-bottom:1px solid var(--line)}
.teaser:last-child{border:0}
.teaser>a{flex:none}
.teaser img{width:120px;height:68px;object-fit:cover}
.teaser h3{font-size:1.02rem;line-height:1.35;margin:0 0 4px}
.teaser h3 a{color:var(--ink);text-decoration:none}
.teaser p{margin:0;color:var(--muted);font-size:.85rem}
.top-story h2{font-size:1.4rem;line-height:1.3;margin:8px 0}
.top-story h2 a{color:var(--ink);text-decoration:none}
.top-story p{margin:0 0 8px}
.meta{color:var(--muted);font-size:.85rem}
.pager{display:flex;justify-content:space-between;gap:12px;margin:20px 0}
.pager a{padding:10px 14px;border:1px solid var(--line);text-decoration:none}
.latest-news ul{margin:0;padding:0 0 0 18px}
.latest-news li{margin:0 0 8px}
.latest-news time{color:var(--muted);font-size:.8rem;white-space:nowrap}
.comments ol{list-style:none;margin:0;padding:0}
.comment{border-top:1px solid var(--line);padding:10px 0}
.comment p{margin:0 0 6px}
.comment-meta{font-size:.85rem;color:var(--muted)}
.replies{margin-left:16px!important;border-left:3px solid var(--line);padding-left:10px!important}
.reply{font-size:.85rem}
.comment-form label{display:block;font-weight:600;margin:10px 0 4px}
.comment-form input,.comment-form textarea{width:100%;padding:10px;border:1px solid #888;border-radius:4px;font:inherit}
.comment-form button,.poll button{margin-top:10px;padding:10px 18px;border:0;border-radius:4px;background:var(--brand);color:#fff;font:inherit;cursor:pointer}
.hint{font-weight:400;color:var(--muted);font-size:.85rem}
.hp{position:absolute;left:-9999px}
.notice{display:none;background:#e7f5ec;padding:10px;border-left:4px solid var(--brand)}
.notice:target{display:block}
.form-error,.field-error{color:#a61b1b}
.form-error{background:#fdecea;padding:10px}
.poll fieldset{border:0;margin:0;padding:0}
.poll legend{font-weight:700;margin:0 0 6px}
.poll-option{display:flex;align-items:baseline;gap:8px;padding:6px 0}
.poll-option input{flex:none;margin:0}
.poll-results ul{list-style:none;margin:0;padding:0}
.poll-results li{margin:0 0 10px}
.poll-label{display:block}
.poll-count{font-size:.85rem;color:var(--muted)}
.poll-bar{display:block;height:10px;background:#e3e9e5;border-radius:5px;overflow:hidden}
.poll-bar span{display:block;height:100%;background:var(--brand)}
.weather{max-width:680px;background:var(--box);padding:4px 16px 12px;margin:0 0 16px}
.weather p{margin:0 0 6px}
.search-link{font-size:.9rem;margin-left:auto;white-space:nowrap}
.logo{min-width:0;line-height:1.2}
@media(min-width:480px){.logo{flex:none}.tagline{min-width:0}}
.icon{display:none}
.logo img{height:40px;width:auto;background:none}
.menu{position:relative;white-space:nowrap}
.menu summary{cursor:pointer;font-weight:600;font-size:.9rem;padding:8px 0;list-style:none}
.menu summary::-webkit-details-marker{display:none}
.menu summary::after{content:" ▾"}
.menu nav{position:absolute;right:0;top:100%;z-index:5;background:#fff;border:1px solid var(--line);box-shadow:0 4px 12px rgba(0,0,0,.15);padding:4px 16px;min-width:220px}
.menu ul{list-style:none;margin:0;padding:0}
.menu a{display:block;padding:10px 0;color:var(--ink);text-decoration:none;font-weight:600}
.menu a[aria-current]{color:var(--brand)}
.breaking{background:#b3261e;color:#fff;font-size:.95rem;padding:8px 0}
.breaking strong{text-transform:uppercase;margin-right:6px}
.breaking a,.breaking span{color:#fff}
.footer-menu{list-style:none;padding:0;margin:0 0 8px;display:flex;flex-wrap:wrap;gap:4px 16px}
.footer-menu a{display:inline-block;padding:4px 0}
@media(max-width:719px){.nav{display:none}.masthead{align-items:center}.logo{font-size:1.25rem}}
@media(max-width:479px){.masthead{gap:4px}.masthead .label{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}.search-link,.menu summary{display:flex;align-items:center;justify-content:center;width:40px;height:40px;padding:0}.menu summary::after{content:none}.icon{display:block;color:var(--ink)}.icon-search{position:relative;width:16px;height:16px;margin:-3px -3px 0 0;border:2px solid;border-radius:50%}.icon-search::after{content:"";position:absolute;left:12px;top:12px;width:7px;height:2px;background:currentColor;transform:rotate(45deg);transform-origin:0 0}.icon-menu{width:20px;height:2px;background:currentColor;box-shadow:0 -6px,0 6px}}
@media(min-width:720px){.menu{display:none}}
.search-form{display:flex;flex-wrap:wrap;gap:8px;align-items:end;margin:0 0 16px}
.search-form label{width:100%;font-weight:600}
.search-form input{flex:1;min-width:0;padding:10px;border:1px solid #888;border-radius:4px;font:inherit}
.search-form button{padding:10px 18px;border:0;border-radius:4px;background:var(--brand);color:#fff;font:inherit}
mark{background:#fff2a8;color:inherit}
.most-read ol{margin:0 0 10px;padding-left:20px}
.most-read li{margin:0 0 6px}
.most-read h3{font-size:.9rem;margin:8px 0 4px;color:var(--muted)}
.site-footer{border-top:1px solid var(--line);padding:16px 0 24px;color:var(--muted);font-size:.85rem}
.site-footer p{margin:0 0 4px}
.error-page{max-width:600px;padding:24px 0}
.dateline{flex-wrap:wrap}
.dateline .edition{margin-left:auto}
.save{font:inherit;font-size:.85rem;color:var(--brand);background:none;border:0;padding:0;min-height:24px;text-decoration:underline;cursor:pointer}
.offline-note{background:var(--box);border-left:4px solid var(--brand);padding:8px 12px}
.saved ul{padding-left:20px}
.saved li{margin:0 0 10px}
.saved button{font:inherit;font-size:.85rem;padding:2px 8px;border:1px solid var(--line);background:#fff;cursor:pointer}
@media(min-width:900px){
h1{font-size:2rem}
.home-grid{display:grid;grid-template-columns:2fr 1fr;gap:32px}
.sections-grid{display:grid;grid-template-columns:1fr 1fr;gap:0 32px}
.teaser img{width:160px;height:90px}
}
`.replace(/\n/g, "");
