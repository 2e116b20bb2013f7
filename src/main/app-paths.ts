/** Where things live on disk, for dev runs and packaged builds alike. */
import { join } from 'node:path';

export interface AppLocation {
  isPackaged: boolean;
  /** process.resourcesPath (packaged: the app's resources directory) */
  resourcesPath: string;
  /** app.getAppPath() (dev: the project root holding package.json) */
  appPath: string;
}

/**
 * The bundled sample publications, opened on first run. Packaged builds ship `resources/samples`
 * as an extra resource next to app.asar (real files: the watcher cannot watch inside an asar).
 */
export function samplesFolder(location: AppLocation): string {
  return location.isPackaged ? join(location.resourcesPath, 'samples') : join(location.appPath, 'resources', 'samples');
}

/** Subdirectories of userData. */
export function userDataPaths(userData: string): { settingsDir: string; cacheDir: string; ocrCacheDir: string } {
  return { settingsDir: userData, cacheDir: join(userData, 'parse-cache'), ocrCacheDir: join(userData, 'ocr-cache') };
}
