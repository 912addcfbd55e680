import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { z } from 'zod';

/** The parts of Vite's build manifest (`build.manifest`) this reads. */
const Manifest = z.record(
  z.string(),
  z.object({
    file: z.string(),
    isEntry: z.boolean().optional(),
    imports: z.array(z.string()).optional(),
  }),
);

export interface JsSize {
  readonly files: number;
  readonly rawBytes: number;
  readonly gzipBytes: number;
}

async function sizeOf(root: string, files: readonly string[]): Promise<JsSize> {
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const file of files) {
    const bytes = await readFile(join(root, file));
    rawBytes += bytes.length;
    gzipBytes += gzipSync(bytes, { level: 9 }).length;
  }
  return { files: files.length, rawBytes, gzipBytes };
}

/**
 * The JavaScript the first screen loads: the entry chunk and everything it imports statically (what
 * index.html preloads), never the chunks behind a dynamic import (the lazy panes).
 */
export async function firstScreenJs(rendererRoot: string): Promise<JsSize> {
  const manifest = Manifest.parse(JSON.parse(await readFile(join(rendererRoot, '.vite/manifest.json'), 'utf8')));
  const entries = Object.entries(manifest).filter(([, chunk]) => chunk.isEntry === true);
  const seen = new Set<string>();
  const files: string[] = [];
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (chunk === undefined) return;
    if (chunk.file.endsWith('.js')) files.push(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const [key] of entries) visit(key);
  return sizeOf(rendererRoot, files);
}

/** Every JavaScript file of the renderer build: the whole app, lazy panes included. */
export async function wholeAppJs(rendererRoot: string): Promise<JsSize> {
  const assets = await readdir(join(rendererRoot, 'assets'));
  return sizeOf(
    rendererRoot,
    assets.filter((name) => name.endsWith('.js')).map((name) => `assets/${name}`),
  );
}
