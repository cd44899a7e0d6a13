import { useCallback, useEffect, useRef, useState } from 'react';
import type { ContractError } from '../../../src-preload/api';
import { useServingStore } from './serving-store';
import { stageFile } from './staging-client';

/** A file on its way to becoming a draft (or one that could not be). */
export interface StagingUpload {
  key: string;
  name: string;
  size: number;
  sentBytes: number;
  error: ContractError | null;
}

/**
 * Stages files one after another (a laptop on court Wi-Fi does better with one stream than ten), each
 * with its own progress; a finished one leaves this list and appears among the drafts.
 */
export function useStaging(caseId: string) {
  const [uploads, setUploads] = useState<StagingUpload[]>([]);
  const queue = useRef<Array<{ key: string; file: File }>>([]);
  const controllers = useRef(new Map<string, AbortController>());
  const running = useRef(false);
  const nextKey = useRef(0);

  const update = (key: string, patch: Partial<StagingUpload>) => setUploads((all) => all.map((upload) => (upload.key === key ? { ...upload, ...patch } : upload)));

  const pump = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    try {
      for (let next = queue.current.shift(); next; next = queue.current.shift()) {
        const { key, file } = next;
        const controller = new AbortController();
        controllers.current.set(key, controller);
        const result = await stageFile({ caseId, file, signal: controller.signal, onProgress: (sentBytes) => update(key, { sentBytes }) });
        controllers.current.delete(key);
        if (controller.signal.aborted) continue;
        if (result.ok) {
          useServingStore.getState().upsert([result.item]);
          setUploads((all) => all.filter((upload) => upload.key !== key));
        } else {
          update(key, { error: result.error });
        }
      }
    } finally {
      running.current = false;
    }
  }, [caseId]);

  const add = useCallback(
    (files: File[]) => {
      const added = files.map((file) => ({ key: `staging-${nextKey.current++}`, file }));
      queue.current.push(...added);
      setUploads((all) => [...all, ...added.map(({ key, file }) => ({ key, name: file.name, size: file.size, sentBytes: 0, error: null }))]);
      void pump();
    },
    [pump],
  );

  const remove = useCallback((key: string) => {
    queue.current = queue.current.filter((entry) => entry.key !== key);
    controllers.current.get(key)?.abort();
    setUploads((all) => all.filter((upload) => upload.key !== key));
  }, []);

  // Leaving the screen stops what is still staging (nothing is a draft until the reply came back).
  useEffect(() => {
    const active = controllers.current;
    return () => {
      queue.current = [];
      for (const controller of active.values()) controller.abort();
    };
  }, []);

  return { uploads, add, remove };
}
