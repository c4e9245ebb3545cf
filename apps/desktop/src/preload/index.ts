import { STREAM_IPC_CHANNEL } from '@switchboard/shared';
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge.js';

// Only this one object crosses into the page: never ipcRenderer itself, which would open every channel.
contextBridge.exposeInMainWorld(
  'switchboard',
  createBridge(
    (channel, input) => ipcRenderer.invoke(channel, input),
    (request, port) => ipcRenderer.postMessage(STREAM_IPC_CHANNEL, request, [port]),
  ),
);
