/**
 * Test-only: a real CouchDB-protocol server (express-pouchdb over in-memory PouchDB) on an
 * ephemeral local port, that can be stopped and started again on the same port with its data,
 * and a user who may read but not write (answered like CouchDB answers a validate_doc_update
 * that forbids: 201 with a `forbidden` error per document).
 */
import express, { type Next, type Request, type Response, type Server } from 'express';
import expressPouchDB from 'express-pouchdb';
import PouchCore from 'pouchdb-core';
import HttpAdapter from 'pouchdb-adapter-http';
import MapReduce from 'pouchdb-mapreduce';
import MemoryAdapter from 'pouchdb-adapter-memory';
import Replication from 'pouchdb-replication';
import type { PouchDatabase, PouchStatic } from './pouch-types';

interface PouchCore extends PouchStatic {
  plugin(plugin: unknown): PouchCore;
  defaults(options: { adapter?: string; prefix?: string }): PouchCore;
}

/** PouchDB for the replicas in tests: memory adapter, HTTP, replication. */
export const TestPouch: PouchCore = (PouchCore as PouchCore).plugin(MemoryAdapter).plugin(HttpAdapter).plugin(Replication).plugin(MapReduce);
export const MEMORY = { adapter: 'memory' } as const;
/** how long stop() lets requests under way finish before cutting them */
const GRACE_MS = 300;
const ServerPouch = TestPouch.defaults({ adapter: 'memory', prefix: 'server-' });

export const READER = { username: 'auditor', password: 'read-only' };

function userOf(req: Request): string | null {
  const header = req.headers.authorization;
  if (typeof header !== 'string' || !header.startsWith('Basic ')) return null;
  return atob(header.slice(6)).split(':')[0] ?? null;
}

export class TestCouch {
  private server: Server | null = null;
  port = 0;
  /** the next writes of everyone fail with this HTTP status (fault injection) */
  constructor(private readonly name = `team-${Math.random().toString(36).slice(2)}`) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}/${this.name}`;
  }

  /** The server's own copy of the database (to plant documents as if another client wrote them). */
  database(): PouchDatabase {
    return new ServerPouch(this.name);
  }

  async start(): Promise<void> {
    const app = express();
    app.use((req: Request, res: Response, next: Next) => {
      if (userOf(req) === READER.username && req.method === 'POST' && req.path.endsWith('/_bulk_docs')) {
        (express.json({ limit: '50mb' }) as (req: Request, res: Response, next: Next) => void)(req, res, () => {
          const docs = ((req.body as { docs?: { _id?: string }[] } | null)?.docs ?? []).map((d) => ({ id: d._id, error: 'forbidden', reason: 'read-only member' }));
          res.status(201).json(docs);
        });
        return;
      }
      next();
    });
    app.use('/', expressPouchDB(ServerPouch, { mode: 'minimumForPouchDB', inMemoryConfig: true }));
    await new Promise<void>((resolve) => {
      this.server = app.listen(this.port, '127.0.0.1', () => resolve());
    });
    const address = this.server!.address();
    if (address && typeof address === 'object') this.port = address.port;
    // create the database (as an administrator would)
    await new ServerPouch(this.name).info();
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    // Requests already under way (a replica's last info or checkpoint) are let finish for a moment
    // before the rest are cut: cutting them mid-response leaves PouchDB with a rejection nobody
    // awaits once its replicator has stopped. Live feeds still open after that are cut.
    await new Promise<void>((resolve) => {
      const force = setTimeout(() => server.closeAllConnections(), GRACE_MS);
      server.close(() => {
        clearTimeout(force);
        resolve();
      });
      server.closeIdleConnections();
    });
  }
}
