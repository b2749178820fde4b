/**
 * What keys do at a WAI-ARIA menu button and in its menu (the APG "Menu Button" pattern), as a pure function of the
 * key and the menu's items.
 *
 * <p>Uses no other fob package.
 */
package fob.menu;
