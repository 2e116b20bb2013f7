/** The sidebar's switch between the open document and the folder dashboard (文档 | 文件夹总览). */
import type { ReactElement } from 'react';
import { STRINGS } from '../../strings';
import { useFolderReview, type FolderView } from '../../stores/folder-review';

const S = STRINGS.folder;

export function FolderViewTabs(): ReactElement {
  const view = useFolderReview((s) => s.view);
  const setView = useFolderReview((s) => s.setView);
  const tab = (value: FolderView, label: string, title?: string): ReactElement => (
    <button type="button" role="tab" aria-selected={view === value} className={view === value ? 'active' : ''} title={title} onClick={() => setView(value)} data-view={value}>
      {label}
    </button>
  );
  return (
    <div className="folder-view-tabs" role="tablist" aria-label={S.tabsLabel}>
      {tab('document', S.tabDocument)}
      {tab('folder', S.tabFolder, S.tabFolderHint)}
    </div>
  );
}
