/**
 * Reading QR codes from pixels and drawing them as modules, with ZXing. Under TeaVM, ZXing needs the build-time
 * patch in fob.teavm; that is the build's business, not a dependency of this package.
 *
 * <p>May use fob.text.
 */
package fob.qr;
