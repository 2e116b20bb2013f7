import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { initApi } from './api/client';
import { checkReviewDatabase } from './db/health';
import { setDatabaseHealth } from './features/storage/database-health';
import { warmUpPdfjs } from './pdf/pdfjs';
import { STRINGS } from './strings';
import './styles.css';

const root = document.getElementById('root');
if (root) {
  warmUpPdfjs();
  // The review database is checked before any store touches it (a newer version's is never opened).
  Promise.all([initApi(), checkReviewDatabase().then(setDatabaseHealth)]).then(
    () => createRoot(root).render(<App />),
    (e: unknown) => {
      console.error(e);
      root.textContent = STRINGS.errors.noBridge;
    },
  );
}
