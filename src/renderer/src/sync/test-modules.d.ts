/**
 * Just enough typing for the packages the sync tests start a CouchDB-protocol server with
 * (express-pouchdb over in-memory PouchDB). Test-only: the app itself never imports these.
 */
declare module 'pouchdb-core' {
  /** typed as sync/pouch-types.ts PouchStatic by test-server.ts */
  const PouchDB: unknown;
  export default PouchDB;
}
declare module 'pouchdb-adapter-memory' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-adapter-http' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-replication' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-mapreduce' {
  const plugin: unknown;
  export default plugin;
}
declare module 'express-pouchdb' {
  function expressPouchDB(PouchDB: unknown, options?: { mode?: 'fullCouchDB' | 'minimumForPouchDB' | 'custom'; inMemoryConfig?: boolean; logPath?: string }): unknown;
  export default expressPouchDB;
}
declare module 'express' {
  interface Request {
    method: string;
    url: string;
    path: string;
    headers: Record<string, string | string[] | undefined>;
    body: unknown;
  }
  interface Response {
    status(code: number): Response;
    json(body: unknown): Response;
    end(): void;
  }
  type Next = () => void;
  interface Server {
    address(): { port: number } | string | null;
    close(callback?: (err?: Error) => void): void;
    closeAllConnections(): void;
    closeIdleConnections(): void;
  }
  interface Express {
    use(handler: unknown): Express;
    use(path: string, handler: unknown): Express;
    listen(port: number, host: string, callback: () => void): Server;
  }
  interface ExpressStatic {
    (): Express;
    json(options?: { limit?: string }): unknown;
  }
  const express: ExpressStatic;
  export default express;
  export type { Request, Response, Next, Server, Express };
}
