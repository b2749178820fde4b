/**
 * Build-time patches to what TeaVM compiles (for now: ZXing's call of {@code Charset.isSupported}, which TeaVM's
 * class library lacks). The TeaVM build loads them (client/pom.xml); no Fob code calls them, and the JVM never
 * loads them. The one package outside fob.web that may use TeaVM's API.
 *
 * <p>Uses no other fob package.
 */
package fob.teavm;
