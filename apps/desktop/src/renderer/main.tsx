import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './styles/tokens.css';
import './styles/base.css';
import './styles/shell.css';
import './styles/dialog.css';
import './styles/forms.css';
import './styles/combobox.css';
import './styles/platforms.css';
import './styles/opencode.css';
import './styles/agents.css';
import './styles/notices.css';
import './styles/playground.css';

const container = document.getElementById('root');
if (!container) throw new Error('Switchboard: the page has no #root element.');

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
