import { useEffect, useState } from 'react';
import { invoke } from '../../api/client';
import { userMessage } from '../../api/errors';

export type SourceBytes = { kind: 'loading' } | { kind: 'ready'; bytes: Uint8Array; changed: boolean } | { kind: 'error'; message: string };

async function sha256Hex(data: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The open document's file bytes for the source view. `changed` when the file on disk is no longer
 * the version that was parsed (its cells' places may not match any more).
 */
export function useSourceBytes(relativePath: string, sha256: string): SourceBytes {
  const [state, setState] = useState<SourceBytes>({ kind: 'loading' });
  useEffect(() => {
    let live = true;
    setState({ kind: 'loading' });
    void (async () => {
      try {
        const bytes = await invoke('document:source', { relativePath });
        const changed = (await sha256Hex(bytes)) !== sha256;
        if (live) setState({ kind: 'ready', bytes, changed });
      } catch (e) {
        if (live) setState({ kind: 'error', message: userMessage(e) });
      }
    })();
    return () => {
      live = false;
    };
  }, [relativePath, sha256]);
  return state;
}
