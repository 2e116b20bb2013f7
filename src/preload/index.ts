import { contextBridge } from 'electron';

contextBridge.exposeInMainWorld('budgetProof', { version: 1 });
