/**
 * An OpenTelemetry tracer that records the spans it is asked for, and a propagator that writes a W3C
 * `traceparent`, registered globally for one test: enough of an SDK to check what the README's tracing
 * middleware reports, with `@opentelemetry/api` alone.
 */
import { propagation, trace, type Attributes, type Span, type SpanKind, type SpanStatus, type Tracer } from '@opentelemetry/api';
import { afterThisTest } from '../lib/for-this-test.js';

/** One span as the tracer recorded it. */
export interface RecordedSpan {
  name: string;
  kind: SpanKind | undefined;
  attributes: Attributes;
  status: SpanStatus | undefined;
  ended: boolean;
}

const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';

/** Registers the recording tracer and propagator until the test ends; returns the spans as they are recorded. */
export function recordSpans(): RecordedSpan[] {
  const spans: RecordedSpan[] = [];
  const startSpan = (name: string, options: { kind?: SpanKind; attributes?: Attributes } = {}): Span => {
    const recorded: RecordedSpan = { name, kind: options.kind, attributes: { ...options.attributes }, status: undefined, ended: false };
    const spanId = String(spans.length + 1).padStart(16, '0');
    spans.push(recorded);
    const span = {
      spanContext: () => ({ traceId: TRACE_ID, spanId, traceFlags: 1 }),
      setAttribute: (key: string, value: unknown) => (Object.assign(recorded.attributes, { [key]: value }), span),
      setAttributes: (attributes: Attributes) => (Object.assign(recorded.attributes, attributes), span),
      setStatus: (status: SpanStatus) => ((recorded.status = status), span),
      updateName: (next: string) => ((recorded.name = next), span),
      addEvent: () => span,
      addLink: () => span,
      addLinks: () => span,
      recordException: () => {},
      isRecording: () => true,
      end: () => void (recorded.ended = true),
    } as unknown as Span;
    return span;
  };
  const tracer = { startSpan, startActiveSpan: () => { throw new Error('not used'); } } as unknown as Tracer;
  trace.setGlobalTracerProvider({ getTracer: () => tracer });
  propagation.setGlobalPropagator({
    inject: (context, carrier, setter) => {
      const span = trace.getSpan(context)?.spanContext();
      if (span) setter.set(carrier, 'traceparent', `00-${span.traceId}-${span.spanId}-01`);
    },
    extract: (context) => context,
    fields: () => ['traceparent'],
  });
  afterThisTest(() => {
    trace.disable();
    propagation.disable();
  });
  return spans;
}
