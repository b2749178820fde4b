package fob.sync;

import fob.text.Text;

/** A request to Fob's server that did not get the answer it asked for, by what a person can do about it. */
public final class ServerFailure extends Exception {
    /** Why. */
    public enum Kind {
        /** No answer: offline, or the server is down. Tried again later. */
        OFFLINE,
        /** Not signed in (401): nothing is uploaded until the person signs in again. */
        SIGNED_OUT,
        /** The backup is larger than the server takes (413). */
        TOO_LARGE,
        /** Refused for another reason (4xx); the message says which. */
        REFUSED,
        /** The server failed (5xx). Tried again later. */
        FAILED
    }

    private final Kind kind;
    private final String code;
    private final long limit;

    public ServerFailure(Kind kind, String code, String message) {
        this(kind, code, message, -1);
    }

    private ServerFailure(Kind kind, String code, String message, long limit) {
        super(message);
        this.kind = kind;
        this.code = code;
        this.limit = limit;
    }

    /** 413: {@code limit} is the most the server takes, in bytes (-1 when it did not say). */
    public static ServerFailure tooLarge(long limit, String message) {
        return new ServerFailure(Kind.TOO_LARGE, "too_large", message, limit);
    }

    /** For {@link Kind#TOO_LARGE}: the most the server takes, in bytes; -1 when unknown. */
    public long limit() {
        return limit;
    }

    public static ServerFailure offline() {
        return new ServerFailure(Kind.OFFLINE, "offline", Text.t("Fob's server cannot be reached (offline?)"));
    }

    public static ServerFailure signedOut() {
        return new ServerFailure(Kind.SIGNED_OUT, "not_signed_in",
                Text.t("you are signed out of your recovery account"));
    }

    public Kind kind() {
        return kind;
    }

    /** The server's error code, such as "reauthentication_required". */
    public String code() {
        return code;
    }

    public boolean isRetriable() {
        return kind == Kind.OFFLINE || kind == Kind.FAILED;
    }
}
