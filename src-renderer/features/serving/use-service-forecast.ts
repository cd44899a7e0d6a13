import { useEffect, useState } from 'react';
import type { ServiceForecast } from '../../../src-preload/api';
import { bridge } from '../../stores/bridge';

/**
 * Re-read once a minute: time passing (2.30pm, midnight) changes the answer, and main computes it
 * locally from CP's clock as last seen, so this asks nothing of the server.
 */
const REFRESH_MS = 60_000;

/** When something sent now would count as served, by CP's clock as last seen (null until read). */
export function useServiceForecast(): ServiceForecast | null {
  const [forecast, setForecast] = useState<ServiceForecast | null>(null);
  useEffect(() => {
    let live = true;
    const read = () =>
      void bridge.call('serving.forecast', {}).then((result) => {
        if (live && result.ok) setForecast(result.value);
      });
    read();
    const timer = setInterval(read, REFRESH_MS);
    // Reaching CP gives a fresh reading of its clock.
    const off = bridge.on('connectivity.changed', read);
    return () => {
      live = false;
      clearInterval(timer);
      off();
    };
  }, []);
  return forecast;
}
