// Bootstrap of the identifier reader thread: TypeScript sources run through tsx's loader (as bin/gongzhi.js does).
import { register } from 'tsx/esm/api';

register();
await import('./identifierReaderWorker.ts');
