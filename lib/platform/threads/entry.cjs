// Boots a worker thread (see pool.ts): the worker runs the same TypeScript services as the server,
// compiled on load by tsx (path aliases from tsconfig.json). `workerData.module` names the worker's
// own module.
const { workerData } = require("node:worker_threads");
require("tsx/cjs/api").register();
require(workerData.module);
