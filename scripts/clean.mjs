// Removes the previous build so no stale chunk is shipped or counted by the size budget.
import { rmSync } from 'node:fs';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
