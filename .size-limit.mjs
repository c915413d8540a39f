// Size budgets (gzip -9) of every file of the CDN build, from widgets.config.mjs: see
// scripts/budgets.mjs. `npm test` runs size-limit with this list and prints each budget.
import { sizeChecks } from './scripts/budgets.mjs';

export default sizeChecks();
