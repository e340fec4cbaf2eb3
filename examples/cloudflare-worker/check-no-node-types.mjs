// The Worker must compile without Node's types: fail if anything it
// imports pulls in @types/node (a `/// <reference types="node" />` in a
// .d.ts would, even with `types: []`).
import { execFileSync } from 'node:child_process';

const files = execFileSync('tsc', ['--noEmit', '--listFilesOnly'], {
  encoding: 'utf8',
}).split('\n');
const node = files.filter(file => file.includes('/@types/node/'));
if (node.length > 0) {
  console.error(
    `src/worker.ts pulls in @types/node:\n${node.slice(0, 5).join('\n')}`,
  );
  process.exit(1);
}
console.log(`no @types/node among ${files.filter(Boolean).length} files`);
