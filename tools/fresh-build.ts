import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** The newest modification time among files (walked recursively for directories). */
export function newestSourceTime(sources: string[]): number {
  let newest = 0;
  for (const source of sources) {
    if (!existsSync(source)) continue;
    const stat = statSync(source);
    if (stat.isFile()) {
      newest = Math.max(newest, stat.mtimeMs);
      continue;
    }
    for (const entry of readdirSync(source, { withFileTypes: true, recursive: true })) {
      if (entry.isFile()) newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
    }
  }
  return newest;
}

/**
 * Whether a build output is current: its stamp (a file the build writes last) exists and is
 * newer than every source. A build that stopped half-way never wrote its stamp, so it reruns.
 */
export function isBuildFresh(stampFile: string, sources: string[]): boolean {
  return existsSync(stampFile) && statSync(stampFile).mtimeMs >= newestSourceTime(sources);
}
