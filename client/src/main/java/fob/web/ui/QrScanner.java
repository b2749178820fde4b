package fob.web.ui;

import fob.screen.CameraProblems;
import fob.text.Text;
import fob.web.Async;
import fob.web.js.Images;
import fob.web.js.JsFailure;
import fob.web.js.Promises;
import fob.web.worker.Worker;
import fob.web.worker.WorkerException;
import org.teavm.jso.JSObject;
import org.teavm.jso.dom.events.Event;
import org.teavm.jso.dom.events.EventListener;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;

/**
 * Reads QR codes for the account dialog: from an image file, a pasted or dropped image, or the camera.
 * Each code's text goes to a {@link Reader}; a reader that refuses it gets its message shown here.
 */
final class QrScanner {
    /**
     * Takes the text of a QR code; returns null when it takes it, or why it cannot. A failure after it took
     * the text goes to {@code laterProblems}.
     */
    interface Reader {
        String read(String text, Async.ErrorSink laterProblems);
    }

    private final HTMLElement error;
    private final HTMLElement camera;
    private final HTMLElement video;
    private final HTMLInputElement fileInput;
    private final Reader reader;
    private final Worker worker;
    private boolean scanning;

    /**
     * Wires the dialog's QR controls, found by id from {@code prefix}: "-image" (file input), "-error",
     * "-camera" (container), "-video", "-scan" and "-stop" (buttons).
     */
    QrScanner(HTMLElement dialog, String prefix, Worker worker, Reader reader) {
        this.worker = worker;
        this.error = Dom.byId(prefix + "-error");
        this.camera = Dom.byId(prefix + "-camera");
        this.video = Dom.byId(prefix + "-video");
        this.fileInput = Dom.byId(prefix + "-image");
        this.reader = reader;
        fileInput.addEventListener("change", (EventListener<Event>) event -> {
            JSObject file = fob.web.js.Files.chosen(fileInput);
            if (file != null) {
                readImage(file);
            }
        });
        dialog.addEventListener("paste", (EventListener<Event>) event -> {
            JSObject image = Images.imageIn(event);
            if (image != null) {
                event.preventDefault();
                readImage(image);
            }
        });
        dialog.addEventListener("dragover", (EventListener<Event>) Event::preventDefault);
        dialog.addEventListener("drop", (EventListener<Event>) event -> {
            event.preventDefault();
            JSObject image = Images.imageIn(event);
            if (image != null) {
                readImage(image);
            } else {
                showError(Text.t("Drop an image of a QR code here."));
            }
        });
        Dom.onClick(Dom.byId(prefix + "-scan"), this::startCamera);
        Dom.onClick(Dom.byId(prefix + "-stop"), this::stop);
    }

    void reset() {
        stop();
        fileInput.setValue("");
        showError(null);
    }

    private void readImage(JSObject image) {
        showError(null);
        Async.run(() -> {
            Images.Pixels pixels;
            try {
                pixels = Promises.await(Images.decode(image));
            } catch (JsFailure e) {
                showError(Text.t("That file is not an image Fob can read."));
                return;
            }
            try {
                String text = decode(pixels);
                if (text == null) {
                    showError(Text.t(
                            "No QR code was found in the image. Try a sharper or closer picture of the code."));
                    return;
                }
                String problem = reader.read(text, this::showError);
                if (problem != null) {
                    showError(problem);
                }
            } finally {
                fileInput.setValue("");
            }
        }, this::showError);
    }

    /** The code's text, or null when the pixels show none. */
    private String decode(Images.Pixels pixels) throws WorkerException {
        return worker.decodeQr(pixels.getData(), pixels.getWidth(), pixels.getHeight());
    }

    private void startCamera() {
        showError(null);
        if (!Images.cameraAvailable()) {
            showError(Text.t("This browser offers no camera to Fob here. Use an image of the code instead."));
            return;
        }
        if (scanning) {
            return;
        }
        scanning = true;
        Dom.show(camera, true);
        Async.run(() -> {
            try {
                Promises.await(Images.startCamera(video));
            } catch (JsFailure e) {
                stop();
                showError(CameraProblems.of(e.name()));
                return;
            }
            String lastRefused = null;
            while (scanning) {
                Images.Pixels frame = Images.frame(video);
                // Most frames show no code, or a blurred one: keep looking.
                String text = frame == null ? null : decode(frame);
                if (text != null && !text.equals(lastRefused)) {
                    String problem = reader.read(text, this::showError);
                    if (problem == null) {
                        stop();
                        return;
                    }
                    lastRefused = text;
                    showError(problem);
                }
                Thread.sleep(200);
            }
        }, message -> {
            stop();
            showError(message);
        });
    }

    void stop() {
        scanning = false;
        Images.stopCamera(video);
        Dom.show(camera, false);
    }

    void showError(String message) {
        error.setTextContent(message == null ? "" : message);
        Dom.show(error, message != null);
    }
}
