#!/usr/bin/env node
// `npm start`: builds the production server when the build is missing or older than the
// sources, then runs it. Settings come from the environment (README "Configuration").
import { ensureBuild } from './ensure-build.js';

ensureBuild();
// Uploads (KIM decree files, logos) need more than adapter-node's 512 KB default.
process.env.BODY_SIZE_LIMIT ??= '12M';
await import('./server.js');
