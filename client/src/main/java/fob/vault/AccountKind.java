package fob.vault;

/** Whether an account belongs to a person or to their work or school (whose backups keep no secret). */
public enum AccountKind {
    STANDARD("standard"), WORK_OR_SCHOOL("work-or-school");

    private final String jsonName;

    AccountKind(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    public static AccountKind fromJsonName(String name) {
        for (AccountKind kind : values()) {
            if (kind.jsonName.equals(name)) {
                return kind;
            }
        }
        return null;
    }
}
