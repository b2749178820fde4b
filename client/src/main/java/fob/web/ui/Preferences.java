package fob.web.ui;

import fob.device.DevicePreferences;

/** This browser's preferences as the page holds them: {@link #set} applies and stores a change. */
public interface Preferences {
    DevicePreferences get();

    void set(DevicePreferences preferences);

    /** {@link #set}, then {@code whenStored} once the change is on disk. */
    void set(DevicePreferences preferences, Runnable whenStored);
}
