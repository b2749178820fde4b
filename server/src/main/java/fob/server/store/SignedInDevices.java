package fob.server.store;

import java.util.List;

/** An account's sessions as the devices list shows and changes them, by their public id. */
public interface SignedInDevices {
    /** The account's sessions, most recently seen first. */
    List<Session> sessions(String accountId);

    /** Ends the account's session with this public id; returns whether there was one. */
    boolean deleteSession(String accountId, String sessionId);

    /** Ends every session of the account but {@code keepSessionId}; returns how many ended. */
    int deleteOtherSessions(String accountId, String keepSessionId);

    /** Renames the device of the account's session with this public id; returns whether there was one. */
    boolean renameSession(String accountId, String sessionId, String device);
}
