package fob.server.store;

import java.util.List;

/** Deleting a recovery account with everything kept about it. */
public interface AccountDeletion {
    /**
     * Deletes the recovery account and everything it has: passkeys, sessions, backups and their history,
     * activity, its challenges, and the rate-limit {@code buckets} named after it; returns whether it existed.
     * The bytes are gone from the database's files, not only from its tables, where the database allows it.
     */
    boolean deleteAccount(String accountId, List<String> buckets);
}
