/** pouchdb-browser ships no types: typed as sync/pouch-types.ts PouchStatic where it is loaded (app-sync.ts). */
declare module 'pouchdb-browser' {
  const PouchDB: unknown;
  export default PouchDB;
}
