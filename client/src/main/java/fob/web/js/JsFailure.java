package fob.web.js;

/** A browser API refused: {@link #name()} is the DOMException name, such as "QuotaExceededError". */
public class JsFailure extends Exception {
    private final String name;

    public JsFailure(String name, String message) {
        super(name.isEmpty() ? message : name + ": " + message);
        this.name = name;
    }

    public String name() {
        return name;
    }
}
