package ducha.change;

/** What a sync item tells the client to do with its copy of a row. */
public enum SyncOp {
    /** Store this representation (create or replace). */
    UPSERT,
    /** The row is gone: delete the copy (a tombstone, with no data). */
    DELETE
}
