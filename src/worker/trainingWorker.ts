// Entry of dist/worker.js: a node worker_threads worker that trains, analyzes and checks specs for the
// extension host (protocol: HostToWorker / WorkerToHost in src/protocol.ts).
import { parentPort } from 'node:worker_threads';
import type { HostToWorker, WorkerToHost } from '../protocol';
import { createWorkerHandler } from './handler';

const port = parentPort;
if (!port) throw new Error('trainingWorker must run inside a worker thread');

const handler = createWorkerHandler((message: WorkerToHost) => port.postMessage(message));
port.on('message', (message: HostToWorker) => handler.onMessage(message));
