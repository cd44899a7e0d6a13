import { useEffect, useState } from 'react';
import type { CheckIn, ContractError } from '../../../src-preload/api';
import { bridge } from '../../stores/bridge';

/** A case's check-ins, re-read when main says they changed (sent, confirmed or refused by CP). */
export function useCheckIns(caseId: string): { checkIns: CheckIn[]; error: ContractError | null; put(checkIn: CheckIn): void } {
  const [checkIns, setCheckIns] = useState<CheckIn[]>([]);
  const [error, setError] = useState<ContractError | null>(null);
  useEffect(() => {
    let live = true;
    const read = () =>
      void bridge.call('hearings.checkIns', { caseId }).then((result) => {
        if (!live) return;
        if (result.ok) {
          setCheckIns(result.value);
          setError(null);
        } else {
          setError(result.error);
        }
      });
    read();
    const off = bridge.on('hearings.changed', (payload) => {
      if (payload.caseId === caseId) read();
    });
    return () => {
      live = false;
      off();
    };
  }, [caseId]);
  const put = (checkIn: CheckIn) => setCheckIns((all) => [...all.filter((item) => item.id !== checkIn.id), checkIn]);
  return { checkIns, error, put };
}
