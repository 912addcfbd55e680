import { contextBridge, ipcRenderer } from 'electron';
import { buildGatehouseApi } from './build-api';

// The whole preload: expose window.gatehouse, built from the contract. No ipcRenderer, no generic send.
contextBridge.exposeInMainWorld(
  'gatehouse',
  buildGatehouseApi(
    (channelId, input) => ipcRenderer.invoke(channelId, input),
    (eventId, listener) => {
      const wrapped = (_event: unknown, payload: unknown): void => listener(payload);
      ipcRenderer.on(eventId, wrapped);
      return () => ipcRenderer.removeListener(eventId, wrapped);
    },
  ),
);
