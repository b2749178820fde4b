package fob.sync;

import fob.text.Text;

/** A 412: the backup on the server is not the one the write named (another device wrote first, or deleted it). */
public final class Conflict extends Exception {
    public Conflict() {
        super(Text.t("another device wrote first"));
    }
}
