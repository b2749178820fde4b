package fob.server.store.jdbc;

import fob.server.store.PreconditionFailedException;
import fob.server.store.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * SQLite's writes, one thread and one connection: the writes waiting when a transaction starts share it, each
 * in a savepoint of its own, and one durable commit (one fsync under synchronous=FULL) acknowledges them all.
 * A write that fails rolls back to its savepoint and fails alone; a commit that fails fails every write in it.
 * No write is acknowledged before its commit is durable.
 */
final class GroupCommit implements AutoCloseable {
    /** Enough to share a sync among every client of a busy server, few enough to keep a batch's latency low. */
    private static final int MAX_BATCH = 64;

    private static final class Pending<T> {
        final Database.Work<T> work;
        final CompletableFuture<T> result = new CompletableFuture<>();

        Pending(Database.Work<T> work) {
            this.work = work;
        }

        /** Runs the work in a savepoint; answers the outcome to report once the commit is durable. */
        Runnable runIn(Connection connection) throws SQLException {
            Savepoint savepoint = connection.setSavepoint();
            try {
                T value = work.run(connection);
                connection.releaseSavepoint(savepoint);
                return () -> result.complete(value);
            } catch (PreconditionFailedException | SQLException | RuntimeException e) {
                connection.rollback(savepoint);
                connection.releaseSavepoint(savepoint);
                return () -> result.completeExceptionally(e);
            }
        }
    }

    private final DataSource source;
    private final BlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean closed;

    GroupCommit(DataSource source) {
        this.source = source;
        this.writer = new Thread(this::loop, "fob-sqlite-writer");
        writer.setDaemon(true);
        writer.start();
    }

    <T> T run(Database.Work<T> work) throws PreconditionFailedException {
        if (closed) {
            throw new StoreException("the database is closed", null);
        }
        Pending<T> pending = new Pending<>(work);
        queue.add(pending);
        try {
            return pending.result.get();
        } catch (InterruptedException e) {
            // The write may still commit: the caller only stops waiting for it.
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while the write was committed", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof PreconditionFailedException precondition) {
                throw precondition;
            }
            if (cause instanceof StoreException store) {
                throw store;
            }
            throw new StoreException("database failure: " + cause.getMessage(), cause);
        }
    }

    private void loop() {
        List<Pending<?>> batch = new ArrayList<>();
        while (!closed || !queue.isEmpty()) {
            try {
                Pending<?> first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                commit(batch);
            } catch (InterruptedException e) {
                // Closing: finish what is queued, then stop.
            } finally {
                batch.clear();
            }
        }
    }

    private void commit(List<Pending<?>> batch) {
        List<Runnable> outcomes = new ArrayList<>(batch.size());
        try (Connection connection = source.getConnection()) {
            connection.setAutoCommit(false);
            try {
                for (Pending<?> pending : batch) {
                    outcomes.add(pending.runIn(connection));
                }
                connection.commit();
            } catch (Throwable e) {
                // An Error too: the pool would not roll back for us (the statements run on the connection it
                // lends, not through its wrapper; SqliteStatements), and sqlite-jdbc commits when the pool resets
                // auto-commit.
                connection.rollback();
                throw e;
            }
        } catch (Throwable e) {
            // An Error as well: the writer thread lives on, and every write of the batch gets its answer (one that
            // killed the thread left every caller, then and after, waiting for ever).
            StoreException failure = new StoreException("database failure: " + e.getMessage(), e);
            for (Pending<?> pending : batch) {
                pending.result.completeExceptionally(failure);
            }
            return;
        }
        outcomes.forEach(Runnable::run);
    }

    @Override
    public void close() {
        closed = true;
        writer.interrupt();
        try {
            writer.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
