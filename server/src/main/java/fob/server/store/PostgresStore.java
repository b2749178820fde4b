package fob.server.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * PostgreSQL (or a compatible engine), for any number of Fob servers sharing one database. Writes that depend
 * on a row lock it ({@code FOR UPDATE}); Flyway's own lock lets servers start together.
 */
final class PostgresStore extends JdbcStore {
    private final HikariDataSource pool;

    PostgresStore(String jdbcUrl, String user, String password) {
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

    DataSource pool() {
        return pool;
    }

    @Override
    protected DataSource readers() {
        return pool;
    }

    @Override
    protected DataSource writers() {
        return pool;
    }

    @Override
    protected String lockForUpdate() {
        return " FOR UPDATE";
    }

    @Override
    public void close() {
        pool.close();
    }
}
