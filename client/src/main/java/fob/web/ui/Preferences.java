package fob.web.ui;

import fob.device.DevicePreferences;

/** This browser's preferences as the page holds them: {@link #set} applies and stores a change. */
public interface Preferences {
    DevicePreferences get();

    void set(DevicePreferences preferences);
}
