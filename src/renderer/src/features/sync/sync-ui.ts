/** What the sync UI has open: the settings dialog, and whether the conflict panel was put aside. */
import { create } from 'zustand';

interface SyncUiState {
  settingsOpen: boolean;
  /** the conflict panel was folded with 稍后处理 at this many conflicts (it opens again when more arrive) */
  foldedAt: number | null;
  setSettingsOpen: (open: boolean) => void;
  fold: (count: number | null) => void;
}

export const useSyncUi = create<SyncUiState>()((set) => ({
  settingsOpen: false,
  foldedAt: null,
  setSettingsOpen: (settingsOpen) => set({ settingsOpen }),
  fold: (foldedAt) => set({ foldedAt }),
}));
