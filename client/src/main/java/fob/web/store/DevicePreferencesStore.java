package fob.web.store;

import fob.device.DevicePreferences;
import fob.local.StorageException;
import fob.text.Text;
import fob.web.js.JsFailure;
import fob.web.js.Promises;
import org.teavm.jso.core.JSString;

/** This browser's {@link DevicePreferences}, as JSON text under the key {@code preferences} (nothing secret). */
public final class DevicePreferencesStore {
    private static final String KEY = "preferences";
    private final IndexedDb.Database db = IndexedDbRecords.database();

    /**
     * The stored preferences as JSON text, or null: read on their own before the vault, because the language
     * must be known before anything shows.
     */
    public static String readJson() {
        try {
            JSString stored = Promises.await(IndexedDb.get(IndexedDbRecords.database(), KEY));
            return stored == null || isUndefined(stored) ? null : stored.stringValue();
        } catch (JsFailure e) {
            return null;
        }
    }

    @org.teavm.jso.JSBody(params = "value", script = "return value === undefined || value === null"
            + " || typeof value !== 'string';")
    private static native boolean isUndefined(JSString value);

    public void save(DevicePreferences preferences) throws StorageException {
        try {
            Promises.await(IndexedDb.put(db, KEY, JSString.valueOf(preferences.toJson())));
        } catch (JsFailure e) {
            throw new StorageException(Text.t("The setting could not be saved ({0})", e.getMessage()));
        }
    }
}
