import { create } from 'zustand';
import type { Settings } from '../../../shared/ipc-contract';
import { invoke } from '../api/client';

interface SettingsState {
  settings: Settings;
  loaded: boolean;
  load: () => Promise<void>;
  setReviewerName: (name: string) => Promise<void>;
}

export const useSettings = create<SettingsState>()((set) => ({
  settings: { reviewerName: '' },
  loaded: false,
  load: async () => set({ settings: await invoke('settings:get', undefined), loaded: true }),
  setReviewerName: async (reviewerName) => set({ settings: await invoke('settings:set', { reviewerName }) }),
}));
