/**
 * Who is signed in and how often they may ask: the session cookie and its expiry, recent sign-ins, random
 * secrets, the rate limits shared through the database, the same-origin guard on the API, and device labels. May
 * use {@code fob.server.store} and {@code fob.server.web}.
 */
package fob.server.session;
