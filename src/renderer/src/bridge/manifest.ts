/**
 * Browser mode: the folder is served over HTTP by the test harness. `GET <base>manifest.json`
 * lists its files; `GET <base>files/<relativePath>` serves one.
 */
export interface ManifestFile {
  /** '/'-separated path relative to the folder */
  relativePath: string;
  size: number;
  mtimeMs: number;
}

export interface Manifest {
  /** how the folder is named in the UI */
  folder: string;
  files: ManifestFile[];
}

function isManifestFile(x: unknown): x is ManifestFile {
  if (typeof x !== 'object' || x === null) return false;
  const f = x as Record<string, unknown>;
  return typeof f.relativePath === 'string' && typeof f.size === 'number' && typeof f.mtimeMs === 'number';
}

export async function fetchManifest(base: string): Promise<Manifest> {
  const response = await fetch(new URL('manifest.json', base), { cache: 'no-store' });
  if (!response.ok) throw new Error(`manifest: HTTP ${response.status}`);
  const body = (await response.json()) as { folder?: unknown; files?: unknown };
  const files = Array.isArray(body.files) ? body.files.filter(isManifestFile) : [];
  return { folder: typeof body.folder === 'string' ? body.folder : base, files };
}

export function fileUrl(base: string, relativePath: string): string {
  return new URL(`files/${relativePath.split('/').map(encodeURIComponent).join('/')}`, base).href;
}

export async function fetchFile(base: string, relativePath: string): Promise<Uint8Array> {
  const response = await fetch(fileUrl(base, relativePath), { cache: 'no-store' });
  if (!response.ok) throw new Error(`${relativePath}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}
