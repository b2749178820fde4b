package fob.sync;

import fob.text.Text;

/** What a key rotation gave: the new recovery code, to show once. */
public final class Rotation {
    public final String recoveryCode;
    /**
     * Passkeys whose slot was made before sealed slots and could not be resealed without them: they still sign
     * in, but restore with the recovery code until they next sign in on a device with backup on.
     */
    public final int passkeysWithoutSlot;

    Rotation(String recoveryCode, int passkeysWithoutSlot) {
        this.recoveryCode = recoveryCode;
        this.passkeysWithoutSlot = passkeysWithoutSlot;
    }

    /** What the person reads beside the new code. */
    public String note() {
        return passkeysWithoutSlot == 0 ? Text.t("Your backup has new keys.")
                : Text.t("Your backup has new keys. {0} of your passkeys will open it again after it next signs in on"
                        + " a device with backup on; until then, restore with this code.", passkeysWithoutSlot);
    }
}
