import '@mantine/core/styles.css';
import './app/global.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { loadStartup } from './app/startup';

const container = document.getElementById('root');
if (!container) throw new Error('renderer/index.html has no #root element.');

// Started before the first render, once, so the silent keychain restore is never sent twice.
createRoot(container).render(
  <StrictMode>
    <App startup={loadStartup()} />
  </StrictMode>,
);
