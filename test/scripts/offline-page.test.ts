import { describe, expect, it } from 'vitest';
import { findOutsideFetches, makeOffline } from '../../scripts/lib/offline-page.mjs';

describe('findOutsideFetches', () => {
  it('finds what a browser would fetch from another host', () => {
    expect(findOutsideFetches('<img src="https://cdn.example.net/a.png">')).toEqual(['https://cdn.example.net/a.png']);
    expect(findOutsideFetches('<script src="//x.example/app.js"></script>')).toEqual(['//x.example/app.js']);
    expect(findOutsideFetches('<link rel="stylesheet" href="https://fonts.example/f.css">')).toHaveLength(1);
    expect(findOutsideFetches('<style>body{background:url(https://x.example/bg.png)}</style>')).toHaveLength(1);
    expect(findOutsideFetches('<style>@import "https://x.example/s.css";</style>')).toHaveLength(1);
    expect(findOutsideFetches('x={src:`https://cdn.redoc.ly/redoc/logo-mini.svg`}')).toHaveLength(1);
    expect(findOutsideFetches('fetch(`https://otel.cloud.redocly.com/v1/traces`)')).toHaveLength(1);
  });

  it('ignores links a reader clicks, loopback, and plain text', () => {
    expect(findOutsideFetches('<a href="https://developer.webex.com/docs">docs</a>')).toEqual([]);
    expect(findOutsideFetches('<img src="http://127.0.0.1:4013/x.png"><img src="data:image/png;base64,AA">')).toEqual([]);
    expect(findOutsideFetches('servers: "http://localhost:3000"')).toEqual([]);
  });
});

describe('makeOffline', () => {
  it('replaces the Redocly logo, icon CDN and telemetry URLs with inline data', () => {
    const page = 'a(`img`,{src:e?`https://cdn.redoc.ly/redoc/logo-mini-full.svg`:`https://cdn.redoc.ly/redoc/logo-mini.svg`}) i=`https://cdn.redocly.com/icons/fa/7.0.0` t=`https://otel.cloud.redocly.com`';
    const offline = makeOffline(page);
    expect(findOutsideFetches(offline)).toEqual([]);
    expect(offline).toContain('data:image/svg+xml');
  });
});
