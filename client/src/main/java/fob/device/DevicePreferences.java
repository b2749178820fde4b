package fob.device;

import com.grack.nanojson.JsonObject;
import com.grack.nanojson.JsonWriter;
import fob.json.Json;
import fob.json.JsonFormatException;
import fob.lock.IdleLock;
import fob.text.Language;

/**
 * Choices that belong to this browser, not to the vault (those are {@link fob.vault.Settings}): they are not backed
 * up, and another device keeps its own. None is secret, so they are stored as they are (docs/formats.md, "The vault
 * record in IndexedDB"). Immutable; anything unreadable falls back to the default.
 */
public final class DevicePreferences {
    public static final DevicePreferences DEFAULTS = new DevicePreferences(IdleLock.DEFAULT_MINUTES, false, false,
            false, Language.AUTOMATIC, false, false, false);

    private final int lockAfterMinutes;
    private final boolean lockWhenHidden;
    private final boolean hideCodesUntilClicked;
    private final boolean appLockOffered;
    private final String language;
    private final boolean storageWarningDismissed;
    private final boolean storagePersistAsked;
    private final boolean storagePersistQuiet;

    public DevicePreferences(int lockAfterMinutes, boolean lockWhenHidden, boolean hideCodesUntilClicked,
            boolean appLockOffered, String language, boolean storageWarningDismissed, boolean storagePersistAsked,
            boolean storagePersistQuiet) {
        this.lockAfterMinutes = IdleLock.isChoice(lockAfterMinutes) ? lockAfterMinutes : IdleLock.DEFAULT_MINUTES;
        this.lockWhenHidden = lockWhenHidden;
        this.hideCodesUntilClicked = hideCodesUntilClicked;
        this.appLockOffered = appLockOffered;
        Language known = Language.ofTag(language);
        this.language = known == null ? Language.AUTOMATIC : known.tag();
        this.storageWarningDismissed = storageWarningDismissed;
        this.storagePersistAsked = storagePersistAsked;
        this.storagePersistQuiet = storagePersistQuiet;
    }

    /** "Lock after": minutes without input; 0 is never. */
    public int lockAfterMinutes() {
        return lockAfterMinutes;
    }

    /** "Lock after" in milliseconds, as the idle lock counts; 0 is never. */
    public long lockAfterMillis() {
        return lockAfterMinutes * 60_000L;
    }

    public boolean lockWhenHidden() {
        return lockWhenHidden;
    }

    /** "Hide codes until clicked": for screen sharing, each code shows only when its row is clicked. */
    public boolean hideCodesUntilClicked() {
        return hideCodesUntilClicked;
    }

    /** Whether the page has offered App lock once, after the first account was added. */
    public boolean appLockOffered() {
        return appLockOffered;
    }

    /** "Language": a language's tag, or {@link Language#AUTOMATIC} for the browser's choice. */
    public String language() {
        return language;
    }

    /** Whether the person dismissed the warning that this browser may delete Fob's storage (screen.StorageWarning). */
    public boolean storageWarningDismissed() {
        return storageWarningDismissed;
    }

    /**
     * Whether Fob has asked this browser to keep its storage ({@code persist()}) where a prompt could show: Firefox
     * asks the person, so this device gets that prompt once (screen.StorageWarning).
     */
    public boolean storagePersistAsked() {
        return storagePersistAsked;
    }

    /**
     * Whether this browser answered Fob's last such ask at once, without waiting for a person: no prompt shows here
     * (Chromium decides by itself), so Fob may ask whenever there are accounts to keep (screen.StorageWarning).
     */
    public boolean storagePersistQuiet() {
        return storagePersistQuiet;
    }

    public DevicePreferences withLanguage(String tag) {
        return new DevicePreferences(lockAfterMinutes, lockWhenHidden, hideCodesUntilClicked, appLockOffered, tag,
                storageWarningDismissed, storagePersistAsked, storagePersistQuiet);
    }

    public DevicePreferences withLockAfterMinutes(int minutes) {
        return new DevicePreferences(minutes, lockWhenHidden, hideCodesUntilClicked, appLockOffered, language,
                storageWarningDismissed, storagePersistAsked, storagePersistQuiet);
    }

    public DevicePreferences withLockWhenHidden(boolean value) {
        return new DevicePreferences(lockAfterMinutes, value, hideCodesUntilClicked, appLockOffered, language,
                storageWarningDismissed, storagePersistAsked, storagePersistQuiet);
    }

    public DevicePreferences withHideCodesUntilClicked(boolean value) {
        return new DevicePreferences(lockAfterMinutes, lockWhenHidden, value, appLockOffered, language,
                storageWarningDismissed, storagePersistAsked, storagePersistQuiet);
    }

    public DevicePreferences withAppLockOffered() {
        return new DevicePreferences(lockAfterMinutes, lockWhenHidden, hideCodesUntilClicked, true, language,
                storageWarningDismissed, storagePersistAsked, storagePersistQuiet);
    }

    public DevicePreferences withStorageWarningDismissed() {
        return new DevicePreferences(lockAfterMinutes, lockWhenHidden, hideCodesUntilClicked, appLockOffered, language,
                true, storagePersistAsked, storagePersistQuiet);
    }

    public DevicePreferences withStoragePersistAsked() {
        return new DevicePreferences(lockAfterMinutes, lockWhenHidden, hideCodesUntilClicked, appLockOffered, language,
                storageWarningDismissed, true, storagePersistQuiet);
    }

    public DevicePreferences withStoragePersistQuiet(boolean value) {
        return new DevicePreferences(lockAfterMinutes, lockWhenHidden, hideCodesUntilClicked, appLockOffered, language,
                storageWarningDismissed, storagePersistAsked, value);
    }

    public String toJson() {
        JsonObject json = new JsonObject();
        json.put("lockAfterMinutes", lockAfterMinutes);
        json.put("lockWhenHidden", lockWhenHidden);
        json.put("hideCodesUntilClicked", hideCodesUntilClicked);
        json.put("appLockOffered", appLockOffered);
        if (!language.equals(Language.AUTOMATIC)) {
            json.put("language", language);
        }
        json.put("storageWarningDismissed", storageWarningDismissed);
        json.put("storagePersistAsked", storagePersistAsked);
        json.put("storagePersistQuiet", storagePersistQuiet);
        return JsonWriter.string(json);
    }

    /** Reads what {@link #toJson} wrote; null, damaged or unknown values give the defaults. */
    public static DevicePreferences read(String text) {
        if (text == null) {
            return DEFAULTS;
        }
        try {
            JsonObject json = Json.parseObject(text);
            return new DevicePreferences(
                    (int) Json.optionalInteger(json, "lockAfterMinutes", 0, 1440, IdleLock.DEFAULT_MINUTES),
                    Json.bool(json, "lockWhenHidden", false), Json.bool(json, "hideCodesUntilClicked", false),
                    Json.bool(json, "appLockOffered", false),
                    json.get("language") instanceof String ? (String) json.get("language") : Language.AUTOMATIC,
                    Json.bool(json, "storageWarningDismissed", false), Json.bool(json, "storagePersistAsked", false),
                    Json.bool(json, "storagePersistQuiet", false));
        } catch (JsonFormatException e) {
            return DEFAULTS;
        }
    }
}
