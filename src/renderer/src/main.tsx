import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { initApi } from './api/client';
import { warmUpPdfjs } from './pdf/pdfjs';
import { STRINGS } from './strings';
import './styles.css';

const root = document.getElementById('root');
if (root) {
  warmUpPdfjs();
  initApi().then(
    () => createRoot(root).render(<App />),
    (e: unknown) => {
      console.error(e);
      root.textContent = STRINGS.errors.noBridge;
    },
  );
}
