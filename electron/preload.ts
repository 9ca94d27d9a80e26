import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { createBridge } from './preload-bridge.ts';

// Sandboxed preload: bundled to one CommonJS file, and nothing but `electron` is required at
// run time (scripts/build-electron.mjs fails the build if anything else is).
// Dropped files reach the page as File objects; webUtils gives their path (Electron 32+).
contextBridge.exposeInMainWorld(
  'mlaDesk',
  createBridge(ipcRenderer, (file) => webUtils.getPathForFile(file as File)),
);
