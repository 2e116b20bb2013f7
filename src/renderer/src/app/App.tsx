import { useEffect, useState, type CSSProperties, type ReactElement } from 'react';
import { AnnotationPane } from '../features/annotations/AnnotationPane';
import { TextOfferButton } from '../features/annotations/TextOfferButton';
import { useAnnotationsWiring } from '../features/annotations/use-annotations-wiring';
import { useAnnotations } from '../features/annotations/store';
import { DocumentList } from '../features/documents/DocumentList';
import { FindingsPanel } from '../features/findings/FindingsPanel';
import { useFindingsWiring } from '../features/findings/use-findings-wiring';
import { FolderDashboard } from '../features/folder/FolderDashboard';
import { FolderViewTabs } from '../features/folder/FolderViewTabs';
import { PaneSplitter } from '../features/layout/PaneSplitter';
import { loadShare, saveShare } from '../features/layout/pane-share';
import { PdfPageView } from '../features/page/PdfPageView';
import { ConflictDialog } from '../features/review-package/ConflictDialog';
import { ReviewPackageNotice } from '../features/review-package/ReviewPackageButtons';
import { OfficeSourceView } from '../features/source/OfficeSourceView';
import { DatabaseNotice } from '../features/storage/DatabaseNotice';
import { ConflictPanel } from '../features/sync/ConflictPanel';
import { NarrativeList } from '../features/tables/NarrativeList';
import { TableList } from '../features/tables/TableList';
import { TableView } from '../features/tables/TableView';
import { STRINGS } from '../strings';
import { useDocuments } from '../stores/documents';
import { useFolderReview } from '../stores/folder-review';
import { useSettings } from '../stores/settings';
import { useWorkspace } from '../stores/workspace';
import { AppHeader } from './AppHeader';
import { useFollowFileChanges } from './follow-changes';
import { useUndoRedoShortcuts } from './shortcuts';

function Workspace(): ReactElement {
  const openPath = useWorkspace((s) => s.openPath);
  const loading = useWorkspace((s) => s.loading);
  const error = useWorkspace((s) => s.error);
  const doc = useWorkspace((s) => s.doc);
  const pdf = useWorkspace((s) => s.pdf);
  const annotationsOpen = useAnnotations((s) => s.paneOpen);
  const [findingsFolded, setFindingsFolded] = useState(false);
  const [pageShare, setPageShare] = useState(loadShare);

  if (!openPath) return <main className="workspace empty-workspace">{STRINGS.workspace.chooseDocument}</main>;
  if (error) return <main className="workspace empty-workspace status-error">{error}</main>;
  if (loading || !doc) return <main className="workspace empty-workspace">{STRINGS.workspace.loading}</main>;
  return (
    <main className="workspace" data-testid="workspace" style={{ '--page-grow': pageShare, '--table-grow': 100 - pageShare } as CSSProperties}>
      {pdf ? <PdfPageView /> : <OfficeSourceView />}
      <PaneSplitter
        share={pageShare}
        onChange={(share) => {
          setPageShare(share);
          saveShare(share);
        }}
      />
      <TableView />
      <FindingsPanel
        collapsed={annotationsOpen || findingsFolded}
        onCollapse={() => setFindingsFolded(true)}
        onExpand={() => {
          setFindingsFolded(false);
          useAnnotations.getState().setPaneOpen(false);
        }}
      />
    </main>
  );
}

export function App(): ReactElement {
  useUndoRedoShortcuts();
  useFollowFileChanges();
  useFindingsWiring();
  useAnnotationsWiring();
  useEffect(() => {
    void useSettings.getState().load();
    return useDocuments.getState().start();
  }, []);
  const hasDoc = useWorkspace((s) => s.doc !== null);
  const folderView = useFolderReview((s) => s.view === 'folder');

  return (
    <div className="app">
      <AppHeader />
      <DatabaseNotice />
      <ReviewPackageNotice />
      <div className="app-body">
        <nav className="sidebar">
          <FolderViewTabs />
          <DocumentList />
          {hasDoc ? <TableList /> : null}
          {hasDoc ? <NarrativeList /> : null}
        </nav>
        {folderView ? <FolderDashboard /> : <Workspace />}
        <AnnotationPane />
      </div>
      <TextOfferButton />
      <ConflictDialog />
      <ConflictPanel />
    </div>
  );
}
