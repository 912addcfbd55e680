#!/usr/bin/env node
// The `gatehouse` command. The CLI is TypeScript run through tsx's loader (no separate build step),
// the same way `npm run server` runs the reference server.
import { register } from 'tsx/esm/api';

register();
await import('../main/cli/index.ts');
