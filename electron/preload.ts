import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './preload-bridge.ts';

// Sandboxed preload: bundled to one CommonJS file, and nothing but `electron` is required at
// run time (scripts/build-electron.mjs fails the build if anything else is).
contextBridge.exposeInMainWorld('mlaDesk', createBridge(ipcRenderer));
