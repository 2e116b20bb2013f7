/**
 * Open findings per document (the 勾稽 checks). The checks are not wired into the workspace yet:
 * until they are, every document has 0 open findings. When they land, fill `openFindings` from
 * the check report minus the reviewer's decisions; the document list already shows it.
 */
import { create } from 'zustand';

interface FindingsState {
  /** sha256 → number of findings without a decision */
  openFindings: Record<string, number>;
  setOpenFindings: (sha256: string, count: number) => void;
}

export const useFindings = create<FindingsState>()((set) => ({
  openFindings: {},
  setOpenFindings: (sha256, count) => set((s) => ({ openFindings: { ...s.openFindings, [sha256]: count } })),
}));

export function useOpenFindingCount(sha256: string | null): number {
  return useFindings((s) => (sha256 ? (s.openFindings[sha256] ?? 0) : 0));
}
