#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so `npx mla-desk` works from the repository after `npm install`.
import { register } from 'tsx/esm/api';

register();
await import('../cli/run.ts');
