package fob.device;


/**
 * Holds this browser's {@link DevicePreferences} for the page: {@link #get} gives those in force, {@link #set} applies
 * a change at once (the idle lock, the codes' masks) and stores it.
 */
public interface DevicePreferencesHolder {
    DevicePreferences get();

    void set(DevicePreferences preferences);

    /** {@link #set}, then {@code whenStored} once the change is on disk. */
    void set(DevicePreferences preferences, Runnable whenStored);
}
