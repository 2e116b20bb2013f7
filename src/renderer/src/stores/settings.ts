import { create } from 'zustand';
import type { Settings } from '../../../shared/ipc-contract';
import { invoke } from '../api/client';
import { userMessage } from '../api/errors';

interface SettingsState {
  settings: Settings;
  loaded: boolean;
  error: string | null;
  load: () => Promise<void>;
  setReviewerName: (name: string) => Promise<void>;
}

export const useSettings = create<SettingsState>()((set) => ({
  settings: { reviewerName: '' },
  loaded: false,
  error: null,
  load: async () => {
    try {
      set({ settings: await invoke('settings:get', undefined), loaded: true, error: null });
    } catch (e) {
      // Keep the defaults: the reviewer can still work, and sees why the name is missing.
      set({ loaded: true, error: userMessage(e) });
    }
  },
  setReviewerName: async (reviewerName) => {
    try {
      set({ settings: await invoke('settings:set', { reviewerName }), error: null });
    } catch (e) {
      set({ error: userMessage(e) });
    }
  },
}));
