// findOutsideFetches (scripts/lib/outside-fetches.mjs), makeOffline (scripts/lib/offline-page.mjs) and the site
// `npm run docs` builds with them: no page may fetch from another host when opened.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findOutsideFetches } from '../../scripts/lib/outside-fetches.mjs';
import { makeOffline } from '../../scripts/lib/offline-page.mjs';
import { listSpecs, root } from '../../scripts/lib/specs.mjs';
import { listPackages } from '../../scripts/lib/api-pages.mjs';

describe('findOutsideFetches', () => {
  it('finds an outside image', () => {
    expect(findOutsideFetches('<p><img alt="logo" src="https://cdn.example.net/logo.png"></p>')).toEqual(['https://cdn.example.net/logo.png']);
  });

  it('finds an outside script, protocol-relative too', () => {
    expect(findOutsideFetches('<script src="https://x.example/app.js"></script>')).toEqual(['https://x.example/app.js']);
    expect(findOutsideFetches("<script src='//x.example/app.js'></script>")).toEqual(['//x.example/app.js']);
  });

  it('finds url() in a style, and @import', () => {
    expect(findOutsideFetches('<div style="background: url(https://x.example/bg.png)"></div>')).toEqual(['https://x.example/bg.png']);
    expect(findOutsideFetches('<style>@font-face { src: url("https://fonts.example/a.woff2") }</style>')).toEqual(['https://fonts.example/a.woff2']);
    expect(findOutsideFetches('<style>@import "https://x.example/s.css";</style>')).toEqual(['https://x.example/s.css']);
  });

  it('finds stylesheets, preloads and icons in <link>, but not a canonical link', () => {
    expect(findOutsideFetches('<link rel="stylesheet" href="https://fonts.example/f.css">')).toEqual(['https://fonts.example/f.css']);
    expect(findOutsideFetches('<link href="https://x.example/i.ico" rel="icon">')).toEqual(['https://x.example/i.ico']);
    expect(findOutsideFetches('<link rel="canonical" href="https://x.example/page">')).toEqual([]);
  });

  it('finds images in compiled JSX, literal fetches and srcset', () => {
    expect(findOutsideFetches('jsx(`img`,{alt:`logo`,src:`https://x.example/logo.svg`})')).toEqual(['https://x.example/logo.svg']);
    expect(findOutsideFetches('fetch("https://x.example/v1/traces",{method:"POST"})')).toEqual(['https://x.example/v1/traces']);
    expect(findOutsideFetches('<img srcset="/a.png 1x, https://x.example/a@2x.png 2x">')).toEqual(['https://x.example/a@2x.png']);
  });

  it('finds the hosts Redocly’s bundle fetches from at run time, wherever they stand', () => {
    expect(findOutsideFetches('Zo={"font-awesome":`https://cdn.redocly.com/icons/fa/7.0.0`}')).toEqual(['https://cdn.redocly.com/icons/fa/7.0.0']);
    expect(findOutsideFetches('var lce=`https://otel.cloud.redocly.com/v1/traces`')).toEqual(['https://otel.cloud.redocly.com/v1/traces']);
  });

  it('ignores a link a reader clicks', () => {
    expect(findOutsideFetches('<a href="https://developer.webex.com/docs/api">Webex docs</a>')).toEqual([]);
    expect(findOutsideFetches('jsx(`a`,{href:`https://redocly.com/redoc/`,children:`docs`})')).toEqual([]);
  });

  it('ignores localhost and other URLs that are only text in a script', () => {
    expect(findOutsideFetches('<script>const servers = [{ url: "http://localhost:3000" }];</script>')).toEqual([]);
    expect(findOutsideFetches('<script>const docs = "https://example.com/api"; throw Error(`see https://react.dev/errors/`)</script>')).toEqual([]);
    expect(findOutsideFetches('<img src="http://127.0.0.1:4013/x.png"><img src="data:image/png;base64,AA"><img src="logo.png">')).toEqual([]);
  });
});

describe('makeOffline', () => {
  // A miniature of what `redocly build-docs --inlineBundle` writes: the prerendered attribution pill, the script
  // that renders it with Redocly's logo, the icon CDN and the telemetry collector.
  const page = [
    '<div class="footer"><span class="sc-a b"><a target="_blank" rel="noopener noreferrer" href="https://redocly.com/redoc/"><p>API docs by</p></a></span><span class="sc-c">x</span></div>',
    '<script type="module">',
    'function y4({full:e=!1}){return(0,V.jsx)(`img`,{alt:`redocly logo`,src:e?`https://cdn.redoc.ly/redoc/logo-mini-full.svg`:`https://cdn.redoc.ly/redoc/logo-mini.svg`})}',
    'var Dke=()=>(0,V.jsxs)(Oke,{children:[(0,V.jsx)(jke,{$collapsedSidebar:n,children:(0,V.jsx)(`a`,{target:`_blank`,rel:`noopener noreferrer`,href:`https://redocly.com/redoc/`,onClick:()=>{i.send([{...wj.a}])},children:n?(0,V.jsx)(y4,{}):(0,V.jsxs)(V.Fragment,{children:[(0,V.jsx)(`p`,{children:`API docs by`}),(0,V.jsx)(y4,{full:!0})]})})}),(0,V.jsx)(Ake,{})]});',
    'Zo={"font-awesome":`https://cdn.redocly.com/icons/fa/7.0.0`};var lce=`https://otel.cloud.redocly.com/v1/traces`;',
    '</script>',
  ].join('\n');

  it('removes the attribution from markup and script alike, and leaves no outside fetch', () => {
    expect(findOutsideFetches(page)).toHaveLength(4);
    const offline = makeOffline(page);
    expect(findOutsideFetches(offline)).toEqual([]);
    expect(offline).not.toContain('API docs by');
    expect(offline).not.toContain('redocly.com/redoc/');
    expect(offline).toContain('<div class="footer"><span class="sc-c">x</span></div>');
    expect(offline).toContain('var Dke=()=>(0,V.jsxs)(Oke,{children:[null,(0,V.jsx)(Ake,{})]});');
  });

  it('refuses a page where the attribution is only half where it expects it', () => {
    expect(() => makeOffline(page.replace('<p>API docs by</p></a></span>', '<p>API docs by</p></a></div>'))).toThrow(/attribution/);
  });
});

describe('npm run docs', () => {
  // Redocly four times and TypeDoc once per package: minutes on a busy machine.
  it('builds site/index.html, one page per spec and one per package, none fetching from another host', () => {
    const run = spawnSync(process.execPath, [join(root, 'scripts', 'docs.mjs')], { cwd: root, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('wrote site/index.html');

    const index = join(root, 'site', 'index.html');
    expect(existsSync(index)).toBe(true);
    const indexHtml = readFileSync(index, 'utf8');
    expect(indexHtml).toContain('<title>apiclients API reference</title>');
    expect(findOutsideFetches(indexHtml)).toEqual([]);

    expect(listSpecs().map((s) => s.vendor)).toContain('vspark');
    for (const { vendor } of listSpecs()) {
      const page = join(root, 'site', `${vendor}.html`);
      expect(existsSync(page), page).toBe(true);
      expect(indexHtml).toContain(`href="${vendor}.html"`);
      const html = readFileSync(page, 'utf8');
      expect(findOutsideFetches(html), page).toEqual([]);
      expect(html).not.toContain('API docs by');
      // Every operation shows a TypeScript snippet calling our client (x-codeSamples).
      expect(html, page).toContain(`from '@apiclients/${vendor}'`);
    }
    expect(readFileSync(join(root, 'site', 'spark.html'), 'utf8')).toContain("spark.rooms.get('");

    expect(listPackages().map((p) => p.short)).toContain('spark');
    for (const { short } of listPackages()) {
      const page = join(root, 'site', 'api', short, 'index.html');
      expect(existsSync(page), page).toBe(true);
      expect(indexHtml).toContain(`href="api/${short}/index.html"`);
      expect(findOutsideFetches(readFileSync(page, 'utf8')), page).toEqual([]);
      // A TSDoc comment that starts with "@apiclients/…" becomes a stray block tag, shown as a heading "Apiclients".
      const pages = readdirSync(join(root, 'site', 'api', short), { recursive: true }).filter((f) => String(f).endsWith('.html'));
      for (const file of pages) expect(readFileSync(join(root, 'site', 'api', short, String(file)), 'utf8'), String(file)).not.toMatch(/>\s*Apiclients\s*</);
    }
    // Every method carries the operation's summary, from the spec (generated/<vendor>/client.ts).
    const sparkPages = readdirSync(join(root, 'site', 'api', 'spark'), { recursive: true }).filter((f) => String(f).endsWith('.html'));
    const sparkText = sparkPages.map((f) => readFileSync(join(root, 'site', 'api', 'spark', String(f)), 'utf8')).join('\n');
    expect(sparkText).toContain('RoomsResource');
    expect(sparkText).toContain('Create a room');

    // Every relative link of every package page reaches a file of the site (a method's "API reference" link
    // reaches its vendor's page).
    const broken = listPackages().flatMap(({ short }) =>
      readdirSync(join(root, 'site', 'api', short), { recursive: true })
        .filter((f) => String(f).endsWith('.html'))
        .flatMap((file) => {
          const page = join(root, 'site', 'api', short, String(file));
          const hrefs = [...readFileSync(page, 'utf8').matchAll(/href="([^"]*)"/g)].map((m) => m[1] ?? '');
          return hrefs
            .filter((href) => !/^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i.test(href) && href !== '')
            .filter((href) => !existsSync(join(dirname(page), decodeURIComponent(href.replace(/[?#].*$/, '')))))
            .map((href) => `api/${short}/${String(file)}: ${href}`);
        }),
    );
    expect([...new Set(broken)]).toEqual([]);
    expect(sparkText).toContain('href="../../../spark.html#operation/rooms_list"');
  }, 600_000);
});
