#!/usr/bin/env node
// The CLI runs from the TypeScript sources through tsx, so there is no separate build to go stale.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
