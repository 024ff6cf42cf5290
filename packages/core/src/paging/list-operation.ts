/**
 * A list operation (one with `x-apiclients-pagination`) as a {@link PagedList}: the first page is the call itself,
 * later pages are the next URLs its pagination style finds (pagination-styles.ts), followed verbatim through the
 * same transport, and repaired first where the vendor's server is known to break them.
 */
import type { BindOptions } from '../operations/bind-operations.js';
import { parseJson } from '../operations/decode-response.js';
import type { PaginationPolicy } from '../operations/operation-table.js';
import type { Prepared, Target } from '../operations/prepared-call.js';
import { send } from '../operations/send-call.js';
import { textOf } from '../values/body-text.js';
import { eitherSignal } from '../transport/either-signal.js';
import { lowerCaseHeaders } from '../transport/lower-case-headers.js';
import type { ResponseHead } from '../transport/sender.js';
import { valueAt } from '../values/value-at.js';
import { wholeNumber } from '../values/whole-number.js';
import { laterPagesOf } from './later-pages.js';
import { PagedList, type PageResult } from './paged-list.js';
import { nextPageUrl } from './pagination-styles.js';

/** The list a call of a list operation returns; its first page is fetched when it is first iterated. */
export function listOf(target: Target, pagination: PaginationPolicy, prepared: Prepared, options: Pick<BindOptions, 'maxPages' | 'repairNextUrl'>): PagedList<unknown> {
  const { perPageParam, defaultPerPage } = pagination;
  if (perPageParam && defaultPerPage !== undefined && prepared.params.query[perPageParam] === undefined) {
    prepared.params.query[perPageParam] = defaultPerPage;
  }
  // A list whose pages count from another number than 1 (Statuspage's subscribers count from 0,
  // https://developer.statuspage.io/#operation/getPagesPageIdSubscribers) says so on the first request rather
  // than trusting the server's default.
  const { pageParam, start } = pagination;
  if (pageParam && start !== undefined && start !== 1 && prepared.params.query[pageParam] === undefined) {
    prepared.params.query[pageParam] = start;
  }
  const perPage = perPageParam ? Number(prepared.params.query[perPageParam]) : NaN;
  let firstUrl: string | undefined;
  const fetchPage = async (nextUrl: string | null, signal?: AbortSignal): Promise<PageResult<unknown>> => {
    if (nextUrl === null) firstUrl = undefined;
    // The list's own signal (pages it stops waiting for) and the caller's, whichever fires first.
    const callOptions = signal ? { ...prepared.callOptions, signal: eitherSignal(signal, prepared.callOptions.signal) as AbortSignal } : prepared.callOptions;
    let data: unknown;
    let response: ResponseHead;
    let url: string;
    let origin: string | undefined;
    if (nextUrl === null) {
      let sent: string;
      ({ data, response, url, sent } = await send(target, { ...prepared, callOptions }));
      origin = new URL(sent).origin;
    } else {
      // Next pages are followed verbatim through the same transport (credentials, retries, timeouts).
      const headers = { accept: 'application/json', ...lowerCaseHeaders(callOptions.headers) };
      const answered = await target.transport.exchange(
        { method: 'GET', url: nextUrl, headers, signal: callOptions.signal, maxResponseBytes: callOptions.maxResponseBytes },
        prepared.policy,
      );
      data = parseJson(textOf(answered.bytes), () => `GET ${new URL(nextUrl).pathname}`, answered.response.status, answered.redactor ?? target.redactor);
      ({ response, url } = answered);
    }
    const found = valueAt(data, pagination.items);
    const items = Array.isArray(found) ? found : [];
    const next = nextPageUrl({ policy: pagination, response, data, items, url, perPage });
    const repaired = next && options.repairNextUrl ? options.repairNextUrl(next, firstUrl ?? url) : next;
    const page: PageResult<unknown> = { items, next: repaired, url, response, requestId: target.transport.requestIdOf(response.headers) };
    firstUrl ??= url;
    if (nextUrl === null) {
      const later = laterPagesOf(pagination, data, url);
      if (later) page.laterPages = later;
      if (origin) page.origin = origin;
    }
    return page;
  };
  const { concurrency, limit, maxPages = options.maxPages } = prepared.callOptions;
  return new PagedList(fetchPage, {
    redact: (url) => target.redactor.url(url),
    ...(maxPages === undefined ? {} : { maxPages }),
    ...(limit === undefined ? {} : { limit: wholeNumber('limit', limit, 0) }),
    ...(concurrency === undefined ? {} : { concurrency: wholeNumber('concurrency', concurrency, 1) }),
  });
}

