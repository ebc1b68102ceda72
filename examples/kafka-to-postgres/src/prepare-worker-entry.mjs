// Entry of the prepare worker thread when the example runs from TypeScript sources (tsx): tsx registers its
// loader on the main thread only, so the worker registers it itself before importing the module.
import { register } from 'tsx/esm/api';

register();
await import('./prepare-worker.ts');
