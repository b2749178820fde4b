/**
 * The words the page shows: every string passes through {@link fob.text.Text}, which looks it up in the catalogue
 * of the page's {@link fob.text.Language}; {@link fob.text.Catalogue} is the catalogue's stored form.
 *
 * <p>Uses no other fob package, so that every other one can word its messages through it (fob.json among them,
 * which is why the catalogue takes its JSON already parsed).
 */
package fob.text;
