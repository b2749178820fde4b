package org.teavm.classlib.java.security;

/**
 * TeaVM's class library lacks {@code java.security.Security}; BouncyCastle's lightweight API asks it for
 * optional properties only, so "no property set" is the faithful answer in a browser.
 */
public final class TSecurity {
    private TSecurity() {
    }

    public static String getProperty(String key) {
        return null;
    }
}
