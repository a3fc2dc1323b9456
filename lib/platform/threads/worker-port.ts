import { type MessagePort, parentPort, workerData } from "node:worker_threads";

/** The worker's side of a ThreadPool: its port to the main thread and the database file it serves. */
export function workerContext(name: string): { port: MessagePort; file: string } {
  if (!parentPort) throw new Error(`${name} runs only as a worker thread`);
  return { port: parentPort, file: (workerData as { file: string }).file };
}

/** Tells the pool this worker takes requests now. */
export function announceReady(port: MessagePort): void {
  port.postMessage({ ready: true });
}
