/** Review package import/export state: the last outcome shown, and the stored conflicts (live). */
import { create } from 'zustand';
import type { StoredConflict } from '../../db/database';

export type PackageNotice = { kind: 'info'; text: string } | { kind: 'error'; text: string } | null;

interface ReviewPackageState {
  busy: boolean;
  notice: PackageNotice;
  /** every stored conflict, resolved ones included (their resolution is shown) */
  conflicts: StoredConflict[];
  dialogOpen: boolean;
  setConflicts: (conflicts: StoredConflict[]) => void;
  setNotice: (notice: PackageNotice) => void;
  setBusy: (busy: boolean) => void;
  setDialogOpen: (open: boolean) => void;
}

export const useReviewPackage = create<ReviewPackageState>()((set) => ({
  busy: false,
  notice: null,
  conflicts: [],
  dialogOpen: false,
  setConflicts: (conflicts) => set({ conflicts }),
  setNotice: (notice) => set({ notice }),
  setBusy: (busy) => set({ busy }),
  setDialogOpen: (dialogOpen) => set({ dialogOpen }),
}));

export function pendingConflicts(conflicts: readonly StoredConflict[]): StoredConflict[] {
  return conflicts.filter((c) => !c.resolution);
}
