package fob.sync;

/**
 * A request to Fob's server that did not get the answer it asked for, by what a person can do about it: the one
 * type for every such failure, from the sync core's requests and the page's alike.
 */
public final class ServerFailure extends Exception {
    /** The code of a failure whose request may have been taken by the server: its answer never came. */
    public static final String NO_ANSWER = "no_answer";

    /** Why. */
    public enum Kind {
        /** No answer: offline, or the server is down. Tried again later. */
        OFFLINE,
        /** Not signed in (401): nothing is uploaded until the person signs in again. */
        SIGNED_OUT,
        /** The backup is larger than the server takes (413). */
        TOO_LARGE,
        /** Refused for another reason (4xx, 507); the message says which. */
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

    /**
     * The server's refusal with HTTP {@code status}, its error {@code code} and {@code message} in the page's words.
     * A 507 is a quota: trying again changes nothing until room is made, so it is a refusal, not a failure.
     */
    public static ServerFailure answered(int status, String code, String message, long limit) {
        if (status == 401 && "not_signed_in".equals(code)) {
            return new ServerFailure(Kind.SIGNED_OUT, code, message);
        }
        if (status == 413) {
            return tooLarge(limit, message);
        }
        return new ServerFailure(status >= 500 && status != 507 ? Kind.FAILED : Kind.REFUSED, code, message);
    }

    /** For {@link Kind#TOO_LARGE}: the most the server takes, in bytes; -1 when unknown. */
    public long limit() {
        return limit;
    }

    public static ServerFailure offline() {
        return new ServerFailure(Kind.OFFLINE, "offline", ServerErrors.offline());
    }

    public static ServerFailure signedOut() {
        return new ServerFailure(Kind.SIGNED_OUT, "not_signed_in", ServerErrors.describe("not_signed_in", "", -1));
    }

    public Kind kind() {
        return kind;
    }

    /** The server's error code, such as "reauthentication_required". */
    public String code() {
        return code;
    }

    /** Whether the server may have taken the request: no answer came (offline), or the server failed midway. */
    public boolean mayHaveBeenTaken() {
        return kind == Kind.OFFLINE || kind == Kind.FAILED;
    }

    /** The server wants a passkey sign-in within the last 5 minutes before it does this (403). */
    public boolean needsRecentSignIn() {
        return "reauthentication_required".equals(code);
    }
}
