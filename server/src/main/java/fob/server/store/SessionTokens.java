package fob.server.store;

import java.util.Optional;

/** Signed-in browsers by their token's hash, for the sessions service that reads and writes the cookie. */
public interface SessionTokens {
    void createSession(Session session);

    Optional<Session> findSession(byte[] tokenHash);

    void touchSession(byte[] tokenHash, long now);

    void deleteSession(byte[] tokenHash);
}
