/**
 * What each package promises: @apiclients/core's root entry holds only the user-facing API (the rest is
 * `@apiclients/core/internal`, with no semver promise), and every vendor package exports the same core error
 * classes under the same names, plus its own, and nothing internal.
 */
import { describe, expect, it } from 'vitest';
import * as core from '@apiclients/core';
import * as coreErrors from '@apiclients/core/errors';
import * as internal from '@apiclients/core/internal';
import * as coreRedis from '@apiclients/core/redis';
import * as spark from '@apiclients/spark';
import * as statuspage from '@apiclients/statuspage';
import * as vspark from '@apiclients/vspark';
import * as vss from '@apiclients/vss';

const ERROR_CLASSES = [
  'ApiClientError',
  'ApiError',
  'AuthenticationError',
  'BadRequestError',
  'ConfigurationError',
  'ConflictError',
  'ConnectionError',
  'InternalServerError',
  'InvalidResponseError',
  'MiddlewareError',
  'NotFoundError',
  'PaginationError',
  'PermissionDeniedError',
  'RateLimitError',
  'RequestAbortedError',
  'ResponseTooLargeError',
  'TimeoutError',
  'UnprocessableEntityError',
  'WaitTimeoutError',
];

describe('@apiclients/core', () => {
  it('the root entry exports the errors, PagedList and Link parsing, createTransport, authorization, Redactor and memoryStore (and in Node ProxyError), nothing else', () => {
    // These tests run in Node, where `@apiclients/core` is the node entry: the portable one plus ProxyError.
    const rest = ['APIPromise', 'PagedList', 'ProxyError', 'REDACTED', 'Redactor', 'authorization', 'createTransport', 'memoryStore', 'nextLink', 'parseLinkHeader'];
    expect(Object.keys(core).sort()).toEqual([...ERROR_CLASSES, ...rest].sort());
  });

  it('/redis is the Redis rate-limit store, and only there', () => {
    expect(Object.keys(coreRedis)).toEqual(['redisStore']);
    expect('redisStore' in core || 'redisStore' in internal).toBe(false);
  });

  it('/errors is the error classes, the same classes as the root entry', () => {
    expect(Object.keys(coreErrors).sort()).toEqual([...ERROR_CLASSES].sort());
    for (const name of ERROR_CLASSES) expect(coreErrors[name as keyof typeof coreErrors], name).toBe(core[name as keyof typeof core]);
  });

  it('/internal holds the root entry and what vendor packages share, the same objects', () => {
    for (const [name, value] of Object.entries(core)) expect(internal[name as keyof typeof internal], name).toBe(value);
    for (const name of ['createVendorClient', 'bindOperations', 'resolveOperation', 'vendorErrors', 'readEnv', 'decideRetry']) {
      expect(name in core, name).toBe(false);
      expect(typeof internal[name as keyof typeof internal], name).toBe('function');
    }
  });
});

describe('every vendor package', () => {
  const vendors = { spark, statuspage, vspark, vss } as Record<string, Record<string, unknown>>;
  const internalOnly = Object.keys(internal).filter((name) => !(name in core));

  it.each(Object.keys(vendors))('%s exports every core error class under its name', (name) => {
    const exported = vendors[name] ?? {};
    for (const error of ERROR_CLASSES) expect(typeof exported[error], `${name}.${error}`).toBe('function');
    // Statuspage's RateLimitError is python-statuspageio's; it still matches the core's rate-limit errors.
    for (const error of ERROR_CLASSES.filter((e) => !(name === 'statuspage' && e === 'RateLimitError'))) {
      expect(exported[error], `${name}.${error}`).toBe(coreErrors[error as keyof typeof coreErrors]);
    }
  });

  it.each(Object.keys(vendors))('%s exports nothing of core/internal and no helper of its own quirks', (name) => {
    const exported = Object.keys(vendors[name] ?? {});
    expect(exported.filter((e) => internalOnly.includes(e))).toEqual([]);
    expect(exported.filter((e) => ['repairNextLink', 'KEPT_PARAMS', 'contentTypeOf'].includes(e))).toEqual([]);
  });
});
