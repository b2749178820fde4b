/**
 * Strict, typed reads of JSON over nanojson, whose errors name the field that is wrong, and the hook through
 * which the page parses with the browser's own JSON.parse.
 *
 * <p>May use fob.text (its errors are for people).
 */
package fob.json;
