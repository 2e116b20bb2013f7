/** What the start-up check found about the review database (db/health.ts), for the notice. */
import { create } from 'zustand';
import type { DatabaseHealth } from '../../db/health';

interface HealthState {
  health: DatabaseHealth;
  dismissed: boolean;
  dismiss: () => void;
}

export const useDatabaseHealth = create<HealthState>()((set) => ({
  health: { kind: 'ok' },
  dismissed: false,
  dismiss: () => set({ dismissed: true }),
}));

export function setDatabaseHealth(health: DatabaseHealth): void {
  useDatabaseHealth.setState({ health, dismissed: false });
}
