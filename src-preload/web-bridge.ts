/**
 * Browser mode's transport: the identical `window.bluebag` API carried over loopback HTTP to the host
 * (src-main/host). Calls are POSTs to /rpc/<method>; events arrive on one Server-Sent Events stream,
 * which the browser reconnects by itself after a hiccup.
 */
import {
  ContractErrorSchema,
  HTTP_CSRF_HEADER,
  HTTP_EVENTS_PATH,
  HTTP_RPC_PREFIX,
  type BluebagApi,
  type CallResult,
  type EventName,
  type EventPayload,
} from './api';

type Listener = (payload: never) => void;

/** Longest a call waits for the event stream to connect (a host that never opens it must not hang the UI). */
const STREAM_OPEN_WAIT_MS = 2_000;

export function createWebBridge(): BluebagApi {
  const listeners = new Map<string, Set<Listener>>();
  let source: EventSource | null = null;
  /**
   * Settles once the event stream is connected. A call made after a subscription waits for it (up to
   * a moment), so a change that happens after the call's answer cannot be missed: before the stream
   * connects, the host has no one to send it to.
   */
  let streamOpen: Promise<void> | null = null;

  const ensureEventSource = () => {
    if (source) return;
    source = new EventSource(HTTP_EVENTS_PATH);
    const opening = source;
    streamOpen = new Promise<void>((resolve) => {
      opening.addEventListener('open', () => resolve(), { once: true });
      opening.addEventListener('error', () => resolve(), { once: true });
      setTimeout(resolve, STREAM_OPEN_WAIT_MS);
    });
    source.onmessage = (message: MessageEvent<string>) => {
      let parsed: { name?: unknown; payload?: unknown };
      try {
        parsed = JSON.parse(message.data) as { name?: unknown; payload?: unknown };
      } catch {
        return;
      }
      if (typeof parsed.name !== 'string') return;
      for (const listener of listeners.get(parsed.name) ?? []) (listener as (p: unknown) => void)(parsed.payload);
    };
  };

  return {
    async call(method, args) {
      if (streamOpen) await streamOpen;
      let response: Response;
      try {
        response = await fetch(`${HTTP_RPC_PREFIX}${encodeURIComponent(method)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [HTTP_CSRF_HEADER]: '1' },
          body: JSON.stringify(args ?? {}),
          credentials: 'same-origin',
        });
      } catch {
        return transportFailure('errors.hostUnreachable');
      }
      if (response.status === 401) return { ok: false, error: { code: 'forbidden', messageKey: 'errors.hostUnauthorised' } };
      if (!(response.headers.get('content-type') ?? '').startsWith('application/json')) {
        return transportFailure('errors.hostUnreachable');
      }
      const body = (await response.json()) as { ok?: unknown; value?: unknown; error?: unknown };
      if (body.ok === true) return { ok: true, value: body.value } as CallResult<never>;
      const error = ContractErrorSchema.safeParse(body.error);
      return error.success ? { ok: false, error: error.data } : transportFailure('errors.internal');
    },

    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) {
      ensureEventSource();
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener as Listener);
      return () => {
        set.delete(listener as Listener);
      };
    },
  };
}

function transportFailure(messageKey: string): CallResult<never> {
  return { ok: false, error: { code: 'unavailable', messageKey } };
}
