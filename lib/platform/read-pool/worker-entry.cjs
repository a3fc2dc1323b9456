// Boots a read pool worker: the worker runs the same TypeScript services as the server, compiled
// on load by tsx (path aliases from tsconfig.json). See pool.ts.
require("tsx/cjs/api").register();
require("./worker.ts");
