import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The architecture's import arrows are lint rules; this proves each rule fires (and stays quiet on
// allowed imports), by linting snippets as if they lived in each folder.
const eslint = new ESLint({ cwd: join(import.meta.dirname, '../../..') });

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => message.ruleId ?? 'fatal');
}

// The first lint loads typescript-eslint's parser and the TS program: seconds on a busy 2-core machine.
describe('import arrows', { timeout: 60_000 }, () => {
  it.each([
    ['renderer/features/x.tsx', "import { SessionManager } from '../../main/session/session-manager';"],
    ['renderer/features/x.tsx', "import { buildServer } from '../../server/app';"],
    ['renderer/features/x.tsx', "import { readFile } from 'node:fs/promises';"],
    ['renderer/features/x.tsx', "import { ipcRenderer } from 'electron';"],
    ['common/ipc/x.ts', "import { createHash } from 'node:crypto';"],
    ['common/ipc/x.ts', "import { Profile } from '../../main/settings/profile';"],
    ['common/ipc/x.ts', "import { useState } from 'react';"],
    ['server/endpoints/x.ts', "import { TokenClient } from '../../main/auth/token-client';"],
    ['server/endpoints/x.ts', "import { app } from 'electron';"],
    ['main/session/x.ts', "import { App } from '../../renderer/app/app';"],
    ['preload/x.ts', "import { SessionManager } from '../main/session/session-manager';"],
  ])('refuses in %s: %s', async (filePath, code) => {
    expect(await ruleIds(filePath, `${code}\nexport {};\n`)).toContain('no-restricted-imports');
  });

  it.each([
    ['main/index.ts', "import { ipcMain } from 'electron';\nexport const x = ipcMain;\n"],
    ['main/session/x.ts', "import electron from 'electron';\nexport const x = electron.ipcMain;\n"],
    ['renderer/app/x.ts', 'export const x = (window as unknown as { ipcRenderer: unknown }).ipcRenderer;\n'],
  ])('keeps ipcMain/ipcRenderer out of %s', async (filePath, code) => {
    expect(await ruleIds(filePath, code)).toContain('no-restricted-syntax');
  });

  it.each([
    [
      'renderer/features/x.tsx',
      "import type { SessionSummary } from '../../common/ipc/session.schema';\nexport type X = SessionSummary;\n",
    ],
    ['main/ipc/x.ts', "import { ipcMain } from 'electron';\nexport const x = ipcMain;\n"],
    ['preload/x.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n"],
    ['server/endpoints/x.ts', "import { grantTypes } from '../../common/oauth/wire';\nexport const x = grantTypes;\n"],
  ])('allows in %s what the architecture allows', async (filePath, code) => {
    expect(await ruleIds(filePath, code)).toEqual([]);
  });
});
