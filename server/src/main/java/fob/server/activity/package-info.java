/**
 * The security events of an account: recording them (alone, or as part of a backup write) and the list the page
 * shows. May use {@code fob.server.metrics}, {@code fob.server.session}, {@code fob.server.store} and
 * {@code fob.server.web}.
 */
package fob.server.activity;
