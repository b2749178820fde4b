package fob.web.store;

import fob.device.DevicePreferences;
import fob.web.js.JsFailure;
import fob.web.js.Promises;
import org.teavm.jso.core.JSString;

/** This browser's {@link DevicePreferences}, as JSON text under the key {@code preferences} (nothing secret). */
public final class PreferencesStore {
    private static final String KEY = "preferences";
    private final IndexedDb.Database db;

    public PreferencesStore(VaultStore vaultStore) {
        this.db = vaultStore.db;
    }

    public void save(DevicePreferences preferences) throws StorageException {
        try {
            Promises.await(IndexedDb.put(db, KEY, JSString.valueOf(preferences.toJson())));
        } catch (JsFailure e) {
            throw new StorageException("The setting could not be saved (" + e.getMessage() + ")");
        }
    }
}
