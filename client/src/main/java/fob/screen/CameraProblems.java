package fob.screen;

import fob.text.Text;

/** What the page says when the camera does not start, by the name of the browser's DOMException. */
public final class CameraProblems {
    private CameraProblems() {
    }

    public static String of(String exceptionName) {
        switch (exceptionName) {
            case "NotAllowedError":
            case "SecurityError":
                return Text.t("Fob was not allowed to use the camera. Allow it in the browser's site settings, or use"
                        + " an image of the code.");
            case "NotFoundError":
            case "OverconstrainedError":
                return Text.t("No camera was found. Use an image of the code instead.");
            case "NotReadableError":
                return Text.t("The camera is in use by another program.");
            default:
                return Text.t("The camera could not be started ({0}).", exceptionName);
        }
    }
}
