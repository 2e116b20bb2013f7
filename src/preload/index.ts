/** Preload (sandboxed, CommonJS): exposes only `window.proofreader`, the typed contract API. */
import { contextBridge, ipcRenderer } from 'electron';
import { API_GLOBAL } from '../shared/ipc-contract';
import { createBridge } from './bridge';

contextBridge.exposeInMainWorld(API_GLOBAL, createBridge(ipcRenderer));
