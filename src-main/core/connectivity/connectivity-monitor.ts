import type { Connectivity } from '../../../src-preload/api';
import type { EventBus } from '../events';

export interface ConnectivityTarget {
  kind: 'commonPlatform' | 'sandbox';
  baseUrl: string;
}

export interface ConnectivityMonitorOptions {
  bus: EventBus;
  /** Resolved at every check, so a change of CP address or a restarted sandbox is picked up at once. */
  target: () => ConnectivityTarget | null;
  /** How often to look while online; offline we look more often so returning connectivity is seen fast. */
  onlineIntervalMs?: number;
  offlineIntervalMs?: number;
  timeoutMs?: number;
  now?: () => Date;
}

const UNCONFIGURED: Connectivity = { state: 'unconfigured', target: null, checkedAt: null, latencyMs: null };

/**
 * Tells whether Common Platform (or the sandbox standing in for it) answers. Any HTTP answer below 500
 * means reachable — a 404 or 401 still proves the network path works; 5xx means the server is in
 * trouble; no answer within the timeout means offline. The laptop's own "online" flag is not trusted:
 * court Wi-Fi often has a captive portal that looks connected.
 */
export class ConnectivityMonitor {
  #state: Connectivity = UNCONFIGURED;
  #timer: NodeJS.Timeout | null = null;
  #inFlight: Promise<Connectivity> | null = null;
  #disposed = false;
  readonly #options: Required<Omit<ConnectivityMonitorOptions, 'bus' | 'target'>> &
    Pick<ConnectivityMonitorOptions, 'bus' | 'target'>;

  constructor(options: ConnectivityMonitorOptions) {
    this.#options = {
      onlineIntervalMs: 30_000,
      offlineIntervalMs: 5_000,
      timeoutMs: 5_000,
      now: () => new Date(),
      ...options,
    };
  }

  get(): Connectivity {
    return this.#state;
  }

  /** Checks now; concurrent callers share one request. */
  check(): Promise<Connectivity> {
    this.#inFlight ??= this.#probe().finally(() => {
      this.#inFlight = null;
    });
    return this.#inFlight;
  }

  /** Starts the periodic checks (the first one immediately). */
  start(): void {
    this.#schedule(0);
  }

  dispose(): void {
    this.#disposed = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }

  async #probe(): Promise<Connectivity> {
    const target = this.#options.target();
    if (!target) {
      this.#set(UNCONFIGURED);
      return this.#state;
    }
    if (this.#state.state === 'unconfigured' || this.#state.target !== target.kind) {
      this.#set({ state: 'checking', target: target.kind, checkedAt: null, latencyMs: null });
    }
    const started = performance.now();
    let next: Connectivity;
    try {
      const response = await fetch(new URL('health', ensureTrailingSlash(target.baseUrl)), {
        method: 'GET',
        signal: AbortSignal.timeout(this.#options.timeoutMs),
        redirect: 'manual',
        headers: { accept: 'application/json' },
      });
      await response.body?.cancel();
      next = {
        state: response.status >= 500 ? 'serverError' : 'online',
        target: target.kind,
        checkedAt: this.#options.now().toISOString(),
        latencyMs: Math.round(performance.now() - started),
      };
    } catch {
      next = { state: 'offline', target: target.kind, checkedAt: this.#options.now().toISOString(), latencyMs: null };
    }
    // The target may have changed while we waited; a stale answer must not overwrite a newer state.
    if (this.#options.target()?.baseUrl === target.baseUrl) this.#set(next);
    return this.#state;
  }

  #set(next: Connectivity): void {
    const changed = next.state !== this.#state.state || next.target !== this.#state.target;
    this.#state = next;
    if (changed) this.#options.bus.emit('connectivity.changed', next);
  }

  #schedule(delayMs: number): void {
    if (this.#disposed) return;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      void this.check().then((state) => {
        const online = state.state === 'online';
        this.#schedule(online ? this.#options.onlineIntervalMs : this.#options.offlineIntervalMs);
      });
    }, delayMs);
    this.#timer.unref();
  }
}

function ensureTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
