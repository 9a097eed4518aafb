package io.tillpoint.infrastructure.persistence;

import io.tillpoint.domain.model.console.SignInOrigin;
import io.tillpoint.domain.model.console.SignInOrigins;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;

/**
 * Console sign-in addresses in {@code console_sign_in_origin}: one upsert per sign-in, which says
 * whether the row is new ({@code xmax = 0}: inserted, not updated).
 */
@ApplicationScoped
public class JdbcSignInOrigins implements SignInOrigins {

    private static final String COLUMNS = "username, ip, first_seen_at, last_seen_at, sign_ins, seen_by_user";

    @Resource(lookup = ApplicationDatabase.JNDI_NAME)
    DataSource dataSource;

    @Override
    public boolean record(String username, String ip, Instant now) {
        Timestamp at = Timestamp.from(now);
        return JdbcRows.list(dataSource, "sign-in origin",
                "insert into console_sign_in_origin (" + COLUMNS + ") values (?, ?, ?, ?, 1, false)"
                        + " on conflict (username, ip) do update set last_seen_at = excluded.last_seen_at,"
                        + " sign_ins = console_sign_in_origin.sign_ins + 1 returning (xmax = 0) as inserted",
                rs -> rs.getBoolean(1), username, ip, at, at).get(0);
    }

    @Override
    public List<SignInOrigin> unseen(String username) {
        return JdbcRows.list(dataSource, "sign-in origins", "select " + COLUMNS
                + " from console_sign_in_origin where username = ? and not seen_by_user order by first_seen_at desc",
                JdbcSignInOrigins::origin, username);
    }

    @Override
    public void markSeen(String username) {
        JdbcRows.update(dataSource, "mark sign-in origins seen",
                "update console_sign_in_origin set seen_by_user = true where username = ? and not seen_by_user", username);
    }

    @Override
    public List<SignInOrigin> newest(int limit) {
        return JdbcRows.list(dataSource, "sign-in origins", "select " + COLUMNS
                + " from console_sign_in_origin order by first_seen_at desc limit ?", JdbcSignInOrigins::origin, limit);
    }

    private static SignInOrigin origin(ResultSet rs) throws SQLException {
        return new SignInOrigin(rs.getString("username"), rs.getString("ip"), JdbcTimes.instant(rs, "first_seen_at"),
                JdbcTimes.instant(rs, "last_seen_at"), rs.getInt("sign_ins"), rs.getBoolean("seen_by_user"));
    }
}
