/** Streaming sha256 of a file, so hashing a large PDF never blocks the main thread. */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

export function hashFile(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    const stream = createReadStream(path, { highWaterMark: 1 << 20 });
    stream.on('data', (chunk) => hash.update(chunk));
    stream.on('error', reject);
    stream.on('end', () => resolve(hash.digest('hex')));
  });
}
