/**
 * How a VSS request moves through its statuses over time: PENDING, IN_PROGRESS, then PROCESSED by default
 * (specs/vss.yaml, `RequestStatus`; pyvss's `wait_for_request` polls until PROCESSED and gives up on ERROR or
 * ERROR_RETRY). The status is worked out from the time since the request was made, so no timer runs.
 */
import { ConfigurationError } from '@apiclients/core';

/** A status of a VSS request (the spec's `RequestStatus`). */
export type VssRequestStatus = 'PENDING' | 'IN_PROGRESS' | 'PROCESSED' | 'SCHEDULED' | 'ERROR' | 'ERROR_RETRY';

/** One status of a request's course, and when it is reached: `afterMs` after the request was made. */
export interface VssProgressStep {
  status: VssRequestStatus;
  afterMs: number;
}

/**
 * How requests move on: one status every `stepMs` (through `statuses`, default PENDING, IN_PROGRESS,
 * PROCESSED), or a list of statuses each with the time it is reached.
 */
export type VssProgress = { stepMs: number; statuses?: readonly VssRequestStatus[] } | readonly VssProgressStep[];

/** A request's course: when it was made (ms since the epoch) and its steps, earliest first. */
export interface RequestTimeline {
  madeMs: number;
  steps: VssProgressStep[];
}

const STATUSES: readonly string[] = ['PENDING', 'IN_PROGRESS', 'PROCESSED', 'SCHEDULED', 'ERROR', 'ERROR_RETRY'];
const DEFAULT_COURSE: readonly VssRequestStatus[] = ['PENDING', 'IN_PROGRESS', 'PROCESSED'];

/** The course of a request made at `madeMs` that moves on as `progress` says. */
export function requestTimeline(progress: VssProgress, madeMs: number): RequestTimeline {
  const steps = Array.isArray(progress) ? [...(progress as readonly VssProgressStep[])] : stepsEvery(progress as { stepMs: number; statuses?: readonly VssRequestStatus[] });
  if (steps.length === 0) throw new ConfigurationError('progress: a request needs at least one status');
  steps.forEach((step, index) => {
    if (!STATUSES.includes(step.status)) throw new ConfigurationError(`progress: unknown status ${JSON.stringify(step.status)}; VSS has ${STATUSES.join(', ')}`);
    if (!(step.afterMs >= 0) || (index > 0 && step.afterMs < steps[index - 1]!.afterMs)) {
      throw new ConfigurationError('progress: each afterMs must be a number ≥ 0, in increasing order');
    }
  });
  return { madeMs, steps };
}

/** The step a request has reached at `nowMs` (its first one before any is due). */
export function stepAt(timeline: RequestTimeline, nowMs: number): VssProgressStep {
  const elapsed = nowMs - timeline.madeMs;
  return timeline.steps.findLast((step) => step.afterMs <= elapsed) ?? timeline.steps[0]!;
}

function stepsEvery({ stepMs, statuses = DEFAULT_COURSE }: { stepMs: number; statuses?: readonly VssRequestStatus[] }): VssProgressStep[] {
  if (!(stepMs >= 0)) throw new ConfigurationError(`progress.stepMs must be a number ≥ 0, got ${stepMs}`);
  return statuses.map((status, index) => ({ status, afterMs: index * stepMs }));
}
