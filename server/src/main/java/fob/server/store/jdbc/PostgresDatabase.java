package fob.server.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import fob.server.store.ChangeFeed;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * PostgreSQL (or a compatible engine), for any number of Fob servers sharing one database. Writes that depend
 * on a row lock it ({@code FOR UPDATE}); Flyway's own lock lets servers start together.
 */
final class PostgresDatabase extends Database {
    private final HikariDataSource pool;
    private final String jdbcUrl;
    private final String user;
    private final String password;

    PostgresDatabase(String jdbcUrl, String user, String password) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        HikariConfig config = new HikariConfig();
        config.setPoolName("fob-postgresql");
        config.setJdbcUrl(jdbcUrl);
        if (!user.isEmpty()) {
            config.setUsername(user);
        }
        if (!password.isEmpty()) {
            config.setPassword(password);
        }
        config.setMaximumPoolSize(16);
        config.setMinimumIdle(2);
        this.pool = new HikariDataSource(config);
        Flyway.configure().dataSource(pool).locations("classpath:db/postgresql").load().migrate();
    }

    /** LISTEN/NOTIFY on this database: publishing through the pool, listening on a connection of its own. */
    ChangeFeed changeFeed() {
        return new PostgresChangeFeed(pool, jdbcUrl, user, password);
    }

    @Override
    DataSource readers() {
        return pool;
    }

    @Override
    DataSource writers() {
        return pool;
    }

    @Override
    String lockForUpdate() {
        return " FOR UPDATE";
    }

    @Override
    public void close() {
        pool.close();
    }
}
